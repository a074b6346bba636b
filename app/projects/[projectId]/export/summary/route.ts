// GET /projects/<id>/export/summary?…: what the file would hold (documents, spans, layers),
// so the Export page can say it before the download starts. JSON; the same checks as the export.
import { getCurrentSession } from "@/lib/server/auth";
import { planExport } from "@/lib/server/export";
import { parseId } from "@/lib/validation/projects";
import { exportQueryOf } from "@/lib/validation/export";

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { user } = await getCurrentSession();
  if (user === null) return Response.json({ error: "Sign in to export." }, { status: 401 });
  const projectId = parseId((await params).projectId);
  if (projectId === null) return Response.json({ error: "This project does not exist, or you are not a member of it." }, { status: 404 });
  const planned = await planExport(user, projectId, exportQueryOf(new URL(request.url).searchParams));
  if ("ok" in planned) return Response.json({ error: planned.error }, { status: planned.status });
  return Response.json(await planned.summary(), { headers: { "Cache-Control": "no-store" } });
}
