// GET ?q=…&limit=…: sources of the project matching q → { sources }. POST: add a source
// (body: newSourceSchema) → 201 { source }; a name already taken → 409 { error, code: "duplicate", existing }.
import { createSource, searchSources } from "@/lib/server/sources";
import { newSourceSchema } from "@/lib/validation/annotations";
import { begin, failureResponse, jsonError, notFound, readBody } from "../../../_lib";

type Params = { params: Promise<{ projectId: string }> };

const Q_MAX = 200;

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const query = new URL(request.url).searchParams;
  const q = query.get("q") ?? "";
  if (q.length > Q_MAX) return jsonError(422, `The search is at most ${Q_MAX} characters.`, { code: "invalid" });
  const limit = Number(query.get("limit") ?? 10);
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) return jsonError(422, "limit must be a whole number from 1 to 50.", { code: "invalid" });
  const sources = await searchSources(user, ids.projectId, q, limit);
  return sources === null ? notFound() : Response.json({ sources });
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, newSourceSchema);
  if (!body.ok) return body.response;
  const result = await createSource(user, ids.projectId, body.data);
  return result.ok ? Response.json({ source: result.source }, { status: 201 }) : failureResponse(result);
}
