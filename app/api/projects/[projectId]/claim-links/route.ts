// POST: link two spans as the same claim (body: { annotationId, otherAnnotationId }) →
// { linkId, spans }: the link's spans the user may see, after any merge.
import { linkSpans } from "@/lib/server/claim-links";
import { linkSpansSchema } from "@/lib/validation/claim-links";
import { begin, failureResponse, readBody } from "../../../_lib";

type Params = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, linkSpansSchema);
  if (!body.ok) return body.response;
  const result = await linkSpans(user, ids.projectId, body.data.annotationId, body.data.otherAnnotationId);
  return result.ok ? Response.json({ linkId: result.linkId, spans: result.spans }) : failureResponse(result);
}
