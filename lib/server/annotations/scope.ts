// What the acting user may do on one document, read in one query: the document must be in
// the project, the user must be a member, and the project's blind mode decides whose spans
// they see. Every annotation read and write starts here.
import { and, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { assignments, documents, projectMembers, projects, type Assignment, type ProjectRole } from "@/db/tables";
import { parseProjectSettings } from "@/lib/validation/projects";
import type { SessionUser } from "../session";
import { first } from "@/db/rows";

/** The database or an open transaction. */
export type Conn = Pick<DB, "select" | "insert" | "update">;

export interface DocumentScope {
  projectId: number;
  documentId: number;
  charCount: number;
  role: ProjectRole;
  /** False for an annotator while blind mode is on: they see only their own spans. */
  seesOthers: boolean;
  /** The acting user's assignment on this document, if any. */
  myStatus: Assignment["status"] | null;
}

export async function documentScope(conn: Conn, user: SessionUser, projectId: number, documentId: number): Promise<DocumentScope | null> {
  const row = await first(
    conn
      .select({
        charCount: documents.charCount,
        role: projectMembers.role,
        settings: projects.settings,
        status: assignments.status,
      })
      .from(documents)
      .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
      .innerJoin(projects, eq(projects.id, documents.projectId))
      .leftJoin(assignments, and(eq(assignments.documentId, documents.id), eq(assignments.userId, user.id)))
      .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))),
  );
  if (row === undefined) return null;
  const { blindMode } = parseProjectSettings(row.settings);
  return {
    projectId,
    documentId,
    charCount: row.charCount,
    role: row.role,
    seesOthers: !blindMode || row.role !== "annotator",
    myStatus: row.status,
  };
}

/** The frozen text; only called after documentScope has authorized the user. */
export async function documentText(conn: Conn, documentId: number): Promise<string> {
  const row = await first(conn.select({ text: documents.text }).from(documents).where(eq(documents.id, documentId)));
  return row?.text ?? "";
}
