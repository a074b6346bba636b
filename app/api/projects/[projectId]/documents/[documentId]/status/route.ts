// GET: { status } of the user's own layer ("todo" | "in_progress" | "submitted"); managers
// also get { assignments } for everyone. POST { done: true }: mark your layer done (freezes
// it). POST { reopen: userId }: a manager reopens that reviewer's layer.
import { z } from "@/lib/validation/zod";
import { documentStatusFor, listDocumentAssignments, markDocumentDone, reopenDocument } from "@/lib/server/assignments";
import { begin, failureResponse, notFound, readBody } from "../../../../../_lib";

type Params = { params: Promise<{ projectId: string; documentId: string }> };

const statusActionSchema = z.union([z.strictObject({ done: z.literal(true) }), z.strictObject({ reopen: z.number().int().positive() })], {
  error: 'Send { "done": true } to mark the document done, or { "reopen": <user id> } to reopen it for a reviewer.',
});

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const status = await documentStatusFor(user, ids.projectId, ids.documentId);
  if (status === null) return notFound();
  const assignments = await listDocumentAssignments(user, ids.projectId, ids.documentId);
  return Response.json(assignments === null ? { status } : { status, assignments });
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, statusActionSchema);
  if (!body.ok) return body.response;
  if ("done" in body.data) {
    const result = await markDocumentDone(user, ids.projectId, ids.documentId);
    return result.ok ? Response.json({ status: result.status, submittedAt: result.submittedAt }) : failureResponse(result);
  }
  const result = await reopenDocument(user, ids.projectId, ids.documentId, body.data.reopen);
  return result.ok ? Response.json({ userId: result.userId, status: result.status }) : failureResponse(result);
}
