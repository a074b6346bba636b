// GET: the span's audit trail, oldest first → { entries: [{ action, actorName, at, before, after }] }.
import { annotationHistory } from "@/lib/server/annotations";
import { begin, notFound } from "../../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string; annotationId: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const entries = await annotationHistory(user, ids.projectId, ids.documentId, ids.annotationId);
  return entries === null ? notFound() : Response.json({ entries });
}
