// POST: a curator undoes merge `mergeId` (its audit entry's id) → { restored, movedBack, left }.
// Already undone, or blocked by a later change → 409 with the reason; unknown → 404.
import { undoMerge } from "@/lib/server/sources";
import { begin, failureResponse } from "../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; mergeId: string }> };

export async function POST(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const result = await undoMerge(user, ids.projectId, ids.mergeId);
  if (!result.ok) return failureResponse(result);
  return Response.json({ restored: result.restored, movedBack: result.movedBack, left: result.left });
}
