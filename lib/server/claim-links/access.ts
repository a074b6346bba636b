// Who may see and link which span. A span is seen as in the workspace: its document is in the
// project, the user is a member, and in blind mode an annotator sees only their own
// reviewer-layer spans. A span the user cannot see answers exactly like one that does not exist.
import { and, eq, isNull, type SQL } from "drizzle-orm";
import { annotations, documents, projectMembers, projects, stories, type ProjectRole } from "@/db/tables";
import { parseProjectSettings } from "@/lib/validation/projects";
import { fail, type Failure } from "../annotations/result";
import type { Conn } from "../annotations/scope";
import type { SessionUser } from "../session";
import { first } from "@/db/rows";

export interface Viewer {
  userId: number;
  role: ProjectRole;
  /** False for an annotator while blind mode is on. */
  seesOthers: boolean;
}

export interface SpanAccess {
  id: number;
  documentId: number;
  documentTitle: string;
  storyId: number | null;
  storyName: string | null;
  layer: "annotator" | "gold";
  annotatorId: number;
  deleted: boolean;
  viewer: Viewer;
}

export const spanNotFound = (id: number): Failure =>
  fail(404, "not_found", `Span ${id} does not exist, has been deleted, or is not one you can see in this project.`);

/** The span's SQL visibility for this viewer: live, and the viewer's own unless they see others. */
export function visibleTo(viewer: Viewer): SQL {
  const own = and(eq(annotations.annotatorId, viewer.userId), eq(annotations.layer, "annotator"))!;
  return viewer.seesOthers ? isNull(annotations.deletedAt) : and(isNull(annotations.deletedAt), own)!;
}

/** The viewer's role and blind-mode reach in the project, or null for a non-member. */
export async function viewerIn(conn: Conn, user: SessionUser, projectId: number): Promise<Viewer | null> {
  const row = await first(
    conn
      .select({ role: projectMembers.role, settings: projects.settings })
      .from(projectMembers)
      .innerJoin(projects, eq(projects.id, projectMembers.projectId))
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, user.id))),
  );
  if (row === undefined) return null;
  const { blindMode } = parseProjectSettings(row.settings);
  return { userId: user.id, role: row.role, seesOthers: !blindMode || row.role !== "annotator" };
}

/**
 * One span of the project as this user may see it (deleted ones included, flagged), or null
 * when it is in another project, the user is no member, or blind mode hides it.
 */
export async function spanForViewer(conn: Conn, user: SessionUser, projectId: number, annotationId: number): Promise<SpanAccess | null> {
  const viewer = await viewerIn(conn, user, projectId);
  if (viewer === null) return null;
  const row = await first(
    conn
      .select({
        id: annotations.id,
        documentId: annotations.documentId,
        documentTitle: documents.title,
        storyId: documents.storyId,
        storyName: stories.name,
        layer: annotations.layer,
        annotatorId: annotations.annotatorId,
        deletedAt: annotations.deletedAt,
      })
      .from(annotations)
      .innerJoin(documents, eq(documents.id, annotations.documentId))
      .leftJoin(stories, eq(stories.id, documents.storyId))
      .where(and(eq(annotations.id, annotationId), eq(documents.projectId, projectId))),
  );
  if (row === undefined) return null;
  const own = row.annotatorId === user.id && row.layer === "annotator";
  if (!viewer.seesOthers && !own) return null;
  const { deletedAt, ...rest } = row;
  return { ...rest, deleted: deletedAt !== null, viewer };
}

/** A live span the user may see, or the 404 that hides everything else. */
export async function liveSpan(conn: Conn, user: SessionUser, projectId: number, annotationId: number): Promise<SpanAccess | Failure> {
  const span = await spanForViewer(conn, user, projectId, annotationId);
  return span === null || span.deleted ? spanNotFound(annotationId) : span;
}

/** Gold spans are the adjudicated layer: only managers and adjudicators put them in links. */
export function goldRefusal(span: SpanAccess): Failure | null {
  if (span.layer !== "gold" || span.viewer.role !== "annotator") return null;
  return fail(403, "forbidden", "Only managers and adjudicators can link or unlink gold spans.");
}
