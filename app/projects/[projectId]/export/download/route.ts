// GET /projects/<id>/export/download?format=…: the Export page's form submits here and the
// browser saves the file as it streams. Signed-in managers and adjudicators only.
import { getCurrentSession } from "@/lib/server/auth";
import { prepareExport } from "@/lib/server/export";
import { streamResponse } from "@/lib/server/export/response";
import { parseId } from "@/lib/validation/projects";
import { exportQueryOf } from "@/lib/validation/export";
import { plainRefusal } from "../query";

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { user } = await getCurrentSession();
  if (user === null) return plainRefusal(401, "Sign in to export.");
  const projectId = parseId((await params).projectId);
  if (projectId === null) return plainRefusal(404, "This project does not exist, or you are not a member of it.");
  const url = new URL(request.url);
  const prepared = await prepareExport(user, projectId, exportQueryOf(url.searchParams), url.origin);
  if ("ok" in prepared) return plainRefusal(prepared.status, prepared.error);
  return streamResponse(prepared, request.signal);
}
