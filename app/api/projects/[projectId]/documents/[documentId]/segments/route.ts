// GET: the document's re-published segments ({ segments }, in reading order). POST: mark one
// (body: segmentSchema; offsets in code points) → 201 { segment, createdOutlet }; an overlap → 409.
import { createSegment, listSegments } from "@/lib/server/segments";
import { segmentSchema } from "@/lib/validation/stories";
import { begin, failureResponse, notFound, readBody } from "../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const segments = await listSegments(user, ids.projectId, ids.documentId);
  return segments === null ? notFound() : Response.json({ segments });
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, segmentSchema);
  if (!body.ok) return body.response;
  const result = await createSegment(user, ids.projectId, ids.documentId, body.data);
  if (!result.ok) return failureResponse(result);
  return Response.json({ segment: result.segment, createdOutlet: result.createdOutlet }, { status: 201 });
}
