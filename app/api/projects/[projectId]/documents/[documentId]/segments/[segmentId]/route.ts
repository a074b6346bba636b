// DELETE: remove a segment (its creator or a manager) → 204.
import { deleteSegment } from "@/lib/server/segments";
import { begin, failureResponse } from "../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string; segmentId: string }> };

export async function DELETE(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const result = await deleteSegment(user, ids.projectId, ids.documentId, ids.segmentId);
  return result.ok ? new Response(null, { status: 204 }) : failureResponse(result);
}
