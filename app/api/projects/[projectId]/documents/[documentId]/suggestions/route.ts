// GET: the attribution suggestions the signed-in member has not settled on this document →
// { suggestions } in reading order (lib/validation/suggestions: SuggestionDto). 409 "disabled"
// when the project has suggestions turned off.
import { listSuggestionsForMember } from "@/lib/server/suggestions";
import { begin, jsonError } from "../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const result = await listSuggestionsForMember(user, ids.projectId, ids.documentId);
  if (!result.ok) return jsonError(result.status, result.error, { code: result.code });
  return Response.json({ suggestions: result.suggestions });
}
