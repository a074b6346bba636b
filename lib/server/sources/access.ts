// Who may do what with a project's sources registry, read in one query with the project's
// blind mode. Any member reads the registry and adds a source while annotating; renaming,
// aliases, merging and undoing a merge are for managers and adjudicators. A merge rewrites
// other reviewers' spans (their versions grow) and an edit changes how every document reads
// its speakers, so it is curation, like adjudication, not something one annotator does to all.
import type { ProjectRole } from "@/db/tables";
import { fail, type Failure } from "../annotations/result";
import type { Conn } from "../annotations/scope";
import { viewerIn } from "../claim-links/access";
import type { SessionUser } from "../session";

export interface RegistryAccess {
  role: ProjectRole;
  /** May rename, alias, merge and undo. */
  curates: boolean;
  /** False for an annotator while blind mode is on: counts cover only their own quotes. */
  seesOthers: boolean;
}

export async function registryAccess(conn: Conn, user: SessionUser, projectId: number): Promise<RegistryAccess | null> {
  const viewer = await viewerIn(conn, user, projectId);
  if (viewer === null) return null;
  return { role: viewer.role, curates: viewer.role !== "annotator", seesOthers: viewer.seesOthers };
}

export const projectGone = (): Failure => fail(404, "not_found", "This project does not exist, or you are not a member of it.");

export const sourceGone = (id: number): Failure => fail(404, "not_found", `Source #${id} is not in this project (it may have been merged into another).`);

/** The curator's access, or the refusal to send: 404 for a non-member, 403 for an annotator. */
export async function curatorAccess(conn: Conn, user: SessionUser, projectId: number, toDo: string): Promise<RegistryAccess | Failure> {
  const access = await registryAccess(conn, user, projectId);
  if (access === null) return projectGone();
  if (!access.curates) return fail(403, "forbidden", `Only the project's managers and adjudicators may ${toDo}.`);
  return access;
}
