// POST: the owner restores a soft-deleted span → the span (new version, deletedAt null).
// The body is ignored, so a client may send none.
import { restoreAnnotation } from "@/lib/server/annotations";
import { begin, failureResponse } from "../../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string; annotationId: string }> };

export async function POST(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const result = restoreAnnotation(user, ids.projectId, ids.documentId, ids.annotationId);
  return result.ok ? Response.json(result.annotation) : failureResponse(result);
}
