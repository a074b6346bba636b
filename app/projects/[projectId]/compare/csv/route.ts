// GET /projects/<id>/compare/csv?table=outlets|documents|speakers|claims|perspective&layer=…
// A table of the whole project's comparison as a CSV file. Any member of the project, signed in.
import { getCurrentSession } from "@/lib/server/auth";
import { comparisonCsv, csvResponse } from "@/lib/server/compare";
import { parseId } from "@/lib/validation/projects";
import { plainRefusal } from "../../export/query";

export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { user } = await getCurrentSession();
  if (user === null) return plainRefusal(401, "Sign in to download this table.");
  const projectId = parseId((await params).projectId);
  if (projectId === null) return plainRefusal(404, "This project does not exist, or you are not a member of it.");
  const csv = await comparisonCsv(user, projectId, null, new URL(request.url).searchParams);
  return csv.ok ? csvResponse(csv) : plainRefusal(csv.status, csv.error);
}
