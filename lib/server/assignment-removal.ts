// Managers undo an assignment: reviewer X no longer has document D in their queue. Only the
// assignment row goes (audited with what it was); X's spans stay where they are, in the
// workspace and in review, because they are the project's record and a decision may already
// cite them. X remains a member, so if they annotate D again the assignment comes back as
// "in progress" the usual way (startAssignment).
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, assignments, documents, users } from "@/db/tables";
import { assignDocumentSchema } from "@/lib/validation/members";
import { fail, invalid, type Failure } from "./annotations/result";
import type { Conn } from "./annotations/scope";
import type { AssignmentStatus } from "./assignments";
import { recordAudit } from "./audit";
import { lockProject } from "./locks";
import { refuseUnlessManager } from "./members";
import type { SessionUser } from "./session";
import { first } from "@/db/rows";

export interface ProjectAssignmentRow {
  documentId: number;
  title: string;
  userId: number;
  displayName: string;
  status: AssignmentStatus;
}

/** Every assignment of the project, by document then reviewer; null unless the user manages it. */
export async function listProjectAssignments(manager: SessionUser, projectId: number): Promise<ProjectAssignmentRow[] | null> {
  if ((await refuseUnlessManager(manager, projectId, "see assignments")) !== null) return null;
  return await getDb()
    .select({ documentId: documents.id, title: documents.title, userId: users.id, displayName: users.displayName, status: assignments.status })
    .from(assignments)
    .innerJoin(documents, and(eq(documents.id, assignments.documentId), eq(documents.projectId, assignments.projectId)))
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(eq(assignments.projectId, projectId))
    .orderBy(asc(documents.title), asc(documents.id), asc(users.displayName), asc(users.id));
}

async function liveSpanCount(conn: Conn, documentId: number, userId: number): Promise<number> {
  const where = and(
    eq(annotations.documentId, documentId),
    eq(annotations.annotatorId, userId),
    eq(annotations.layer, "annotator"),
    isNull(annotations.deletedAt),
  );
  return (await first(conn.select({ n: count() }).from(annotations).where(where)))?.n ?? 0;
}

export type RemoveAssignmentResult = { ok: true; displayName: string; title: string; spansKept: number } | Failure;

/** A manager removes one reviewer's assignment to one document; their spans are kept. */
export async function removeAssignment(manager: SessionUser, projectId: number, input: unknown): Promise<RemoveAssignmentResult> {
  return await getDb().transaction(
    async (tx): Promise<RemoveAssignmentResult> => {
      await lockProject(tx, projectId); // a second removal at once waits, then finds the row gone
      const refusal = await refuseUnlessManager(manager, projectId, "remove assignments");
      if (refusal !== null) return refusal;
      const parsed = assignDocumentSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const { documentId, userId } = parsed.data;
      const row = await first(
        tx
          .select({ assignment: assignments, title: documents.title, displayName: users.displayName })
          .from(assignments)
          .innerJoin(documents, eq(documents.id, assignments.documentId))
          .innerJoin(users, eq(users.id, assignments.userId))
          .where(and(eq(assignments.projectId, projectId), eq(assignments.documentId, documentId), eq(assignments.userId, userId))),
      );
      // Also what a second click (or a second tab) gets once the first removal went through.
      if (row === undefined) return fail(404, "not_found", "There is no such assignment in this project (it may have been removed already).");
      const { assignment: before, title, displayName } = row;
      await tx.delete(assignments).where(eq(assignments.id, before.id));
      const spansKept = await liveSpanCount(tx, documentId, userId);
      await recordAudit(tx, {
        actorId: manager.id,
        action: "unassign",
        entity: "assignment",
        entityId: before.id,
        before: { projectId, documentId, userId, status: before.status, submittedAt: before.submittedAt?.toISOString() ?? null },
        after: { spansKept },
      });
      return { ok: true, displayName, title, spansKept };
    },
    { behavior: "immediate" },
  );
}
