// POST { key }: reject one suggestion; it is not offered to the member again → { key }. 409 for a
// suggestion already decided, no longer yielded by the text (stale), suggestions turned off, or a
// layer marked done.
import { rejectSuggestion } from "@/lib/server/suggestions-decide";
import { decideSuggestionSchema } from "@/lib/validation/suggestions";
import { begin, jsonError, readBody } from "../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, decideSuggestionSchema);
  if (!body.ok) return body.response;
  const result = await rejectSuggestion(user, ids.projectId, ids.documentId, body.data.key);
  if (!result.ok) return jsonError(result.status, result.error, { code: result.code });
  return Response.json({ key: result.key });
}
