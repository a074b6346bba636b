// GET: the span's claim link and suggested matches in the story's other documents →
// { link: { linkId, spans }, suggestions } (?limit=1–50, default 5).
import { linkOf, suggestMatches } from "@/lib/server/claim-links";
import { suggestionLimitSchema } from "@/lib/validation/claim-links";
import { begin, failureResponse, jsonError } from "../../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string; annotationId: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const raw = new URL(request.url).searchParams.get("limit");
  const limit = suggestionLimitSchema.safeParse(raw === null || raw === "" ? undefined : raw);
  if (!limit.success) return jsonError(422, limit.error.issues[0]!.message, { code: "invalid" });
  const suggested = await suggestMatches(user, ids.projectId, ids.documentId, ids.annotationId, limit.data);
  if (!suggested.ok) return failureResponse(suggested);
  const link = await linkOf(user, ids.projectId, ids.annotationId);
  if (!link.ok) return failureResponse(link);
  return Response.json({ link: { linkId: link.linkId, spans: link.spans }, suggestions: suggested.suggestions });
}
