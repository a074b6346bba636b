// GET /queue/next[?project=ID]: opens the reviewer's next document (in progress first, then the
// oldest to do), or their queue when nothing is left. A stable link for "Next document"
// buttons anywhere (the workspace after "Mark document done", the home page).
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/server/auth";
import { documentHref, nextDocument } from "@/lib/server/queue";
import { parseId } from "@/lib/validation/projects";

export async function GET(request: Request): Promise<never> {
  const { user } = await getCurrentSession();
  if (user === null) redirect("/login");
  const project = new URL(request.url).searchParams.get("project");
  const projectId = project === null ? undefined : (parseId(project) ?? undefined);
  const next = await nextDocument(user, projectId);
  redirect(next === null ? "/queue" : documentHref(next));
}
