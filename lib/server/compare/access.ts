// Who may see a comparison, and of what: a member of the project, for one of its stories or
// for the whole project. Unknown project, non-member and a story of another project all get
// the same 404, so the answer never tells which projects or stories exist.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { first } from "@/db/rows";
import { stories, type ProjectRole } from "@/db/tables";
import type { PerspectiveAxis } from "@/lib/validation/projects";
import { fail, type Failure } from "../annotations/result";
import { getProjectForMember } from "../projects";
import { seesOthersIn } from "../ratings";
import type { SessionUser } from "../session";

export interface CompareScope {
  viewer: { id: number; name: string };
  project: { id: number; name: string };
  story: { id: number; name: string; description: string } | null;
  role: ProjectRole;
  /** An annotator under blind mode: their own spans and ratings only. */
  blind: boolean;
  axes: PerspectiveAxis[];
}

export const projectNotFound = (): Failure => fail(404, "not_found", "This project does not exist, or you are not a member of it.");
export const storyNotFound = (): Failure => fail(404, "not_found", "This story does not exist in this project.");

// Ids are PostgreSQL integers there: a larger one names no story, and must not reach the query
// (PostgreSQL refuses to compare an integer column with it).
const MAX_ID = 2_147_483_647;

export async function compareScope(user: SessionUser, projectId: number, storyId: number | null): Promise<CompareScope | Failure> {
  const project = await getProjectForMember(user, projectId);
  if (project === null) return projectNotFound();
  let story: CompareScope["story"] = null;
  if (storyId !== null) {
    if (storyId > MAX_ID) return storyNotFound();
    const row = await first(
      getDb()
        .select({ id: stories.id, name: stories.name, description: stories.description })
        .from(stories)
        .where(and(eq(stories.id, storyId), eq(stories.projectId, projectId))),
    );
    if (row === undefined) return storyNotFound();
    story = row;
  }
  return {
    viewer: { id: user.id, name: user.displayName },
    project: { id: project.id, name: project.name },
    story,
    role: project.role,
    blind: !seesOthersIn(project),
    axes: project.settings.axes,
  };
}
