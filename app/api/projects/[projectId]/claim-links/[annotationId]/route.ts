// DELETE: take one span out of its claim link → 204 (a link left with one span goes too).
import { unlinkSpan } from "@/lib/server/claim-links";
import { begin, failureResponse } from "../../../../_lib";

type Params = { params: Promise<{ projectId: string; annotationId: string }> };

export async function DELETE(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const result = await unlinkSpan(user, ids.projectId, ids.annotationId);
  return result.ok ? new Response(null, { status: 204 }) : failureResponse(result);
}
