// POST { key }: accept one suggestion as the member's own attributed quote, speaker linked in the
// sources registry (added there when new) → 201 { key, annotation, source, newSource }. 409 for a
// suggestion already decided, no longer yielded by the text (stale), overlapping a span of theirs,
// suggestions turned off, or a layer marked done.
import { acceptSuggestion } from "@/lib/server/suggestions-decide";
import { decideSuggestionSchema } from "@/lib/validation/suggestions";
import { begin, jsonError, readBody } from "../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, decideSuggestionSchema);
  if (!body.ok) return body.response;
  const result = await acceptSuggestion(user, ids.projectId, ids.documentId, body.data.key);
  if (!result.ok) return jsonError(result.status, result.error, { code: result.code });
  const { ok: _ok, ...accepted } = result;
  return Response.json(accepted, { status: 201 });
}
