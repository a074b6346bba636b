// Assignments: where each reviewer stands on each document. Marking a document done
// ("submitted") freezes that reviewer's layer until a manager reopens it, so agreement and
// adjudication work on layers that no longer move.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { assignments, projectMembers, users, type Assignment } from "@/db/tables";
import { documentNotFound, fail, type Failure } from "./annotations/result";
import { documentScope, type Conn } from "./annotations/scope";
import { recordAudit } from "./audit";
import { lockDocument } from "./locks";
import type { SessionUser } from "./session";
import { first, one } from "@/db/rows";

export type AssignmentStatus = Assignment["status"];

export interface AssignmentRow {
  userId: number;
  displayName: string;
  status: AssignmentStatus;
  submittedAt: string | null;
}

/** The user's status on the document ("todo" if never started); null for non-members or another project's document. */
export async function documentStatusFor(user: SessionUser, projectId: number, documentId: number): Promise<AssignmentStatus | null> {
  const scope = await documentScope(getDb(), user, projectId, documentId);
  if (scope === null) return null;
  return scope.myStatus ?? "todo";
}

/** Everyone's status on the document, for its managers only (null for anyone else). */
export async function listDocumentAssignments(manager: SessionUser, projectId: number, documentId: number): Promise<AssignmentRow[] | null> {
  const scope = await documentScope(getDb(), manager, projectId, documentId);
  if (scope === null || scope.role !== "manager") return null;
  const rows = await getDb()
    .select({ userId: assignments.userId, displayName: users.displayName, status: assignments.status, submittedAt: assignments.submittedAt })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(and(eq(assignments.documentId, documentId), eq(assignments.projectId, projectId)))
    .orderBy(users.displayName);
  return rows.map((row) => ({ ...row, submittedAt: row.submittedAt?.toISOString() ?? null }));
}

/** Called when a reviewer first annotates: "todo" (or no row) becomes "in_progress". */
export async function startAssignment(conn: Conn, projectId: number, documentId: number, userId: number): Promise<void> {
  await conn
    .insert(assignments)
    .values({ projectId, documentId, userId, status: "in_progress" })
    .onConflictDoUpdate({
      target: [assignments.documentId, assignments.userId],
      set: { status: "in_progress" },
      setWhere: eq(assignments.status, "todo"),
    });
}

async function assignmentOf(conn: Conn, documentId: number, userId: number): Promise<Assignment | null> {
  return (
    (await first(
      conn
        .select()
        .from(assignments)
        .where(and(eq(assignments.documentId, documentId), eq(assignments.userId, userId))),
    )) ?? null
  );
}

const statusOf = (a: Assignment | null) => ({ status: a?.status ?? "todo", submittedAt: a?.submittedAt?.toISOString() ?? null });

export type MarkDoneResult = { ok: true; status: "submitted"; submittedAt: string } | Failure;

/** A member marks their own layer of the document done; marking it again changes nothing. */
export async function markDocumentDone(user: SessionUser, projectId: number, documentId: number): Promise<MarkDoneResult> {
  return await getDb().transaction(
    async (tx): Promise<MarkDoneResult> => {
      // Serialised with the layer's span writes, so none lands after the layer is frozen.
      await lockDocument(tx, documentId);
      const scope = await documentScope(tx, user, projectId, documentId);
      if (scope === null) return documentNotFound();
      const before = await assignmentOf(tx, documentId, user.id);
      if (before?.status === "submitted" && before.submittedAt !== null) {
        return { ok: true, status: "submitted", submittedAt: before.submittedAt.toISOString() };
      }
      const submittedAt = new Date();
      const row = await one(
        tx
          .insert(assignments)
          .values({ projectId, documentId, userId: user.id, status: "submitted", submittedAt })
          .onConflictDoUpdate({ target: [assignments.documentId, assignments.userId], set: { status: "submitted", submittedAt } })
          .returning({ id: assignments.id }),
      );
      await recordAudit(tx, {
        actorId: user.id,
        action: "submit",
        entity: "assignment",
        entityId: row.id,
        before: statusOf(before),
        after: { status: "submitted", submittedAt: submittedAt.toISOString(), documentId, userId: user.id },
      });
      return { ok: true, status: "submitted", submittedAt: submittedAt.toISOString() };
    },
    { behavior: "immediate" },
  );
}

export type ReopenResult = { ok: true; userId: number; status: AssignmentStatus } | Failure;

/** A manager of the project reopens a reviewer's submitted layer, which unfreezes it. */
export async function reopenDocument(manager: SessionUser, projectId: number, documentId: number, userId: number): Promise<ReopenResult> {
  return await getDb().transaction(
    async (tx): Promise<ReopenResult> => {
      await lockDocument(tx, documentId);
      const scope = await documentScope(tx, manager, projectId, documentId);
      if (scope === null) return documentNotFound();
      if (scope.role !== "manager") return fail(403, "forbidden", "Only a manager of this project can reopen a document.");
      if (!(await isMemberOf(tx, projectId, userId))) return fail(404, "not_found", `User ${userId} is not a member of this project.`);
      const before = await assignmentOf(tx, documentId, userId);
      // Reopening a layer that is not submitted is a no-op, so a repeated click is harmless.
      if (before === null || before.status !== "submitted") return { ok: true, userId, status: before?.status ?? "todo" };
      await tx.update(assignments).set({ status: "in_progress", submittedAt: null }).where(eq(assignments.id, before.id));
      await recordAudit(tx, {
        actorId: manager.id,
        action: "reopen",
        entity: "assignment",
        entityId: before.id,
        before: statusOf(before),
        after: { status: "in_progress", submittedAt: null, documentId, userId },
      });
      return { ok: true, userId, status: "in_progress" };
    },
    { behavior: "immediate" },
  );
}

async function isMemberOf(conn: Conn, projectId: number, userId: number): Promise<boolean> {
  const row = await first(
    conn
      .select({ one: sql`1` })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))),
  );
  return row !== undefined;
}
