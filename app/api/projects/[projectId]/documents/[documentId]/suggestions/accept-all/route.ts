// POST { minConfidence }: accept every open suggestion at or above that confidence (0..1), in one
// transaction → { accepted: [{ key, annotation, source, newSource }], skipped } (skipped: those
// overlapping a span). 409 when suggestions are turned off or the layer is marked done.
import { acceptAllSuggestions } from "@/lib/server/suggestions-decide";
import { acceptAllSchema } from "@/lib/validation/suggestions";
import { begin, jsonError, readBody } from "../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, acceptAllSchema);
  if (!body.ok) return body.response;
  const result = await acceptAllSuggestions(user, ids.projectId, ids.documentId, body.data.minConfidence);
  if (!result.ok) return jsonError(result.status, result.error, { code: result.code });
  return Response.json({ accepted: result.accepted, skipped: result.skipped });
}
