// GET: the document's spans visible to the user ({ annotations }); ?deleted=1 adds deleted
// ones, ?annotator=<user id> narrows to one reviewer. POST: create a span (201 + the span).
import { createAnnotation, listAnnotations } from "@/lib/server/annotations";
import { createAnnotationSchema } from "@/lib/validation/annotations";
import { parseId } from "@/lib/validation/projects";
import { begin, failureResponse, jsonError, notFound, readBody } from "../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const query = new URL(request.url).searchParams;
  const annotator = query.get("annotator");
  const annotatorId = annotator === null ? undefined : parseId(annotator);
  if (annotatorId === null) return jsonError(422, "annotator must be a user id.", { code: "invalid" });
  const includeDeleted = query.get("deleted") === "1" || query.get("deleted") === "true";
  const annotations = await listAnnotations(user, ids.projectId, ids.documentId, { includeDeleted, annotatorId });
  if (annotations === null) return notFound();
  return Response.json({ annotations });
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, createAnnotationSchema);
  if (!body.ok) return body.response;
  const result = await createAnnotation(user, ids.projectId, ids.documentId, body.data);
  if (!result.ok) return failureResponse(result);
  return Response.json(result.annotation, { status: 201 });
}
