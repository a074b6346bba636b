// POST: the owner restores a soft-deleted span → the span (new version, deletedAt null).
// The body may be empty; { version } makes a restore from a stale tab lose like an edit would.
import { restoreAnnotation } from "@/lib/server/annotations";
import { restoreSchema } from "@/lib/validation/annotations";
import { begin, failureResponse, readBody } from "../../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string; annotationId: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  // An empty body is the same as {}: older clients post none.
  const body = await readBody(request.body === null ? new Request(request.url, { method: "POST", body: "{}" }) : request, restoreSchema);
  if (!body.ok) return body.response;
  const result = await restoreAnnotation(user, ids.projectId, ids.documentId, ids.annotationId, body.data.version);
  return result.ok ? Response.json(result.annotation) : failureResponse(result);
}
