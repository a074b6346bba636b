// The JSON route handlers under app/api, found on disk rather than listed, so a route added
// later is fuzzed without anyone remembering to add it. Each handler is bound to the ids its
// URL names; a route whose URL names an id the fixture has no value for fails the suite.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const API_DIR = path.join(process.cwd(), "app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Route {
  /** e.g. "POST projects/[projectId]/sources" */
  name: string;
  method: Method;
  handler: Handler;
  /** The URL's dynamic segments, in order: ["projectId", "documentId", …]. */
  params: string[];
  /** Whether the handler reads the request body (so a bad body must be refused with a 4xx). */
  readsBody: boolean;
}

export function routeFiles(): string[] {
  return readdirSync(API_DIR, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith("route.ts"))
    .sort();
}

/** The source of one exported handler: from its `export … function METHOD(` to the next export. */
function handlerSource(source: string, method: Method): string {
  const start = source.search(new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\s*\\(`));
  if (start < 0) return "";
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

const READS_BODY = /readBody\(|request\.(json|text|formData|arrayBuffer|blob|body)\b/;

/** Every exported HTTP handler of every route file, imported for real. */
export async function loadRoutes(): Promise<Route[]> {
  const routes: Route[] = [];
  for (const file of routeFiles()) {
    const absolute = path.join(API_DIR, file);
    const handlers = (await import(absolute)) as Partial<Record<Method, Handler>>;
    const source = readFileSync(absolute, "utf8");
    const dir = path.dirname(file).split(path.sep).join("/");
    const params = [...dir.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const handler = handlers[method];
      if (typeof handler !== "function") continue;
      routes.push({ name: `${method} ${dir}`, method, handler, params, readsBody: READS_BODY.test(handlerSource(source, method)) });
    }
  }
  return routes;
}
