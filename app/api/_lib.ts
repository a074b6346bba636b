// Shared by the JSON route handlers under app/api: who is asking, which ids the URL names,
// what the body says, and how a refusal is answered. Handlers read as a fixed run of
// guards: session (401) → ids (404) → body (400/422) → lib/server call → JSON.
import type { z } from "zod";
import type { Failure } from "@/lib/server/annotations";
import { getCurrentSession } from "@/lib/server/auth";
import type { SessionUser } from "@/lib/server/session";
import { parseId } from "@/lib/validation/projects";

export function jsonError(status: number, error: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, ...extra }, { status });
}

export function notFound(): Response {
  return jsonError(404, "Not found, or you are not a member of this project.", { code: "not_found" });
}

/** A lib/server refusal as JSON: { error, code, …extras such as current or existing }. */
export function failureResponse(failure: Failure): Response {
  const { ok: _ok, status, ...body } = failure;
  return Response.json(body, { status });
}

/**
 * The signed-in user and the URL's ids as numbers, or the response to send instead: 401
 * without a valid session (checked first, so ids reveal nothing), 404 for an id that is not one.
 */
export async function begin<K extends string>(params: Promise<Record<K, string>>): Promise<{ user: SessionUser; ids: Record<K, number> } | Response> {
  const { user } = await getCurrentSession();
  if (user === null) return jsonError(401, "Sign in to continue.", { code: "unauthenticated" });
  const raw = await params;
  const ids = {} as Record<K, number>;
  for (const key of Object.keys(raw) as K[]) {
    const id = parseId(raw[key]);
    if (id === null) return notFound();
    ids[key] = id;
  }
  return { user, ids };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `Unknown field ${issue.keys.map((k) => `“${k}”`).join(", ")}.`;
  return issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

// A span's `exact` may be a whole document (the import limit is 5 MB); twice that leaves room
// for JSON escaping and still stops a client from making the server buffer anything larger.
// (Not imported from lib/import, which would load jsdom into every route.)
const MAX_BODY_CHARS = 10 * 1024 * 1024;
const tooLarge = () => ({ ok: false as const, response: jsonError(413, "The request body is too large.", { code: "too_large" }) });

/**
 * The body parsed as JSON and validated by `schema`: malformed JSON is a 400, JSON with
 * bad values a 422 naming the first problem, with every field's problem in fieldErrors.
 */
export async function readBody<T>(request: Request, schema: z.ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_CHARS) return tooLarge();
  const text = await request.text();
  if (text.length > MAX_BODY_CHARS) return tooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, "The request body is not valid JSON.", { code: "bad_json" }) };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= describeIssue(issue);
  return { ok: false, response: jsonError(422, describeIssue(parsed.error.issues[0]!), { code: "invalid", fieldErrors }) };
}
