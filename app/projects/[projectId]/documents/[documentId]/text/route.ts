// The frozen document text as plain UTF-8, exactly as stored: what every offset points into.
import { getCurrentSession } from "@/lib/server/auth";
import { getDocumentForMember } from "@/lib/server/document-reads";
import { parseId } from "@/lib/validation/projects";

export async function GET(_request: Request, ctx: { params: Promise<{ projectId: string; documentId: string }> }): Promise<Response> {
  const { user } = await getCurrentSession();
  if (user === null) return new Response("Sign in first.", { status: 401 });
  const raw = await ctx.params;
  const projectId = parseId(raw.projectId);
  const documentId = parseId(raw.documentId);
  const doc = projectId === null || documentId === null ? null : await getDocumentForMember(user, projectId, documentId);
  if (doc === null) return new Response("Document not found.", { status: 404 });
  return new Response(doc.text, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "x-content-type-options": "nosniff",
      "x-text-sha256": doc.textSha256,
      "x-char-count": String(doc.charCount),
    },
  });
}
