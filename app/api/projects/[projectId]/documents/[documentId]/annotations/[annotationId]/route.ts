// PATCH: the owner edits a span (body: { version, …changed fields }) → the span.
// DELETE: the owner soft-deletes it (body: { version }) → the span, with deletedAt set.
import { deleteAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { updateAnnotationSchema, versionOnlySchema } from "@/lib/validation/annotations";
import { begin, failureResponse, readBody } from "../../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string; annotationId: string }> };

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, updateAnnotationSchema);
  if (!body.ok) return body.response;
  const result = await updateAnnotation(user, ids.projectId, ids.documentId, ids.annotationId, body.data);
  return result.ok ? Response.json(result.annotation) : failureResponse(result);
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, versionOnlySchema);
  if (!body.ok) return body.response;
  const result = await deleteAnnotation(user, ids.projectId, ids.documentId, ids.annotationId, body.data.version);
  return result.ok ? Response.json(result.annotation) : failureResponse(result);
}
