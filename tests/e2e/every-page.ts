// Every page of the app, with real ids from a demo database, for tests that must visit them all
// (security headers, accessibility). `pagePatterns()` reads app/ so a new page that is missing
// from `everyPage()` fails the test that compares the two.
import { readdirSync } from "node:fs";
import path from "node:path";
import { and, asc, isNotNull } from "drizzle-orm";
import { first } from "@/db/rows";
import { documents } from "@/db/tables";
import { onServerDatabase, type ServerDatabase } from "./server-database";

export interface DemoIds {
  projectId: number;
  documentId: number;
  storyId: number;
  outletId: number;
}

/** Ids of the demo project's first document, its story and its outlet. */
export async function demoIds(server: { database: ServerDatabase }): Promise<DemoIds> {
  const row = await onServerDatabase(server, (db) =>
    first(
      db
        .select({ projectId: documents.projectId, documentId: documents.id, storyId: documents.storyId, outletId: documents.outletId })
        .from(documents)
        .where(and(isNotNull(documents.storyId), isNotNull(documents.outletId)))
        .orderBy(asc(documents.id))
        .limit(1),
    ),
  );
  if (row === undefined) throw new Error("the demo project has no document with a story and an outlet");
  return { projectId: row.projectId, documentId: row.documentId, storyId: row.storyId!, outletId: row.outletId! };
}

/** Route pattern → a concrete path for a signed-in administrator. */
export function everyPage(ids: DemoIds): Record<string, string> {
  const p = `/projects/${ids.projectId}`;
  const d = `${p}/documents/${ids.documentId}`;
  const s = `${p}/stories/${ids.storyId}`;
  return {
    "/": "/",
    "/account": "/account",
    "/admin/users": "/admin/users",
    "/outlets": "/outlets",
    "/outlets/[outletId]": `/outlets/${ids.outletId}?project=${ids.projectId}`,
    "/queue": "/queue",
    "/projects/new": "/projects/new",
    "/projects/[projectId]": p,
    "/projects/[projectId]/agreement": `${p}/agreement`,
    "/projects/[projectId]/agreement/ratings": `${p}/agreement/ratings`,
    "/projects/[projectId]/compare": `${p}/compare`,
    "/projects/[projectId]/compare/quotes": `${p}/compare/quotes`,
    "/projects/[projectId]/documents/[documentId]": d,
    "/projects/[projectId]/documents/[documentId]/details": `${d}/details`,
    "/projects/[projectId]/documents/[documentId]/segments": `${d}/segments`,
    "/projects/[projectId]/export": `${p}/export`,
    "/projects/[projectId]/import": `${p}/import`,
    "/projects/[projectId]/progress": `${p}/progress`,
    "/projects/[projectId]/review": `${p}/review`,
    "/projects/[projectId]/review/[documentId]": `${p}/review/${ids.documentId}`,
    "/projects/[projectId]/review/[documentId]/mine": `${p}/review/${ids.documentId}/mine`,
    "/projects/[projectId]/settings": `${p}/settings`,
    "/projects/[projectId]/sources": `${p}/sources`,
    "/projects/[projectId]/stories": `${p}/stories`,
    "/projects/[projectId]/stories/[storyId]": s,
    "/projects/[projectId]/stories/[storyId]/quotes": `${s}/quotes`,
    "/projects/[projectId]/stories/[storyId]/read": `${s}/read`,
    "/projects/[projectId]/team": `${p}/team`,
  };
}

/** Pages a signed-out visitor sees (the setup page only while no administrator exists). */
export const SIGNED_OUT_PAGES = ["/login", "/setup"] as const;

/** Every page's route pattern, read from app/ (route groups and private folders left out). */
export function pagePatterns(appDir = path.join(process.cwd(), "app")): string[] {
  const found: string[] = [];
  const walk = (dir: string, route: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith("_")) {
        const segment = entry.name.startsWith("(") ? "" : `/${entry.name}`;
        walk(path.join(dir, entry.name), `${route}${segment}`);
      } else if (entry.name === "page.tsx") {
        found.push(route === "" ? "/" : route);
      }
    }
  };
  walk(appDir, "");
  return found.sort();
}
