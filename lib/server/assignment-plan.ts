// Managers hand out documents: one document to one reviewer by hand, or every document to N
// reviewers at once with the balanced plan from lib/assignment. Each new assignment is audited.
// Both plan from the assignments they read, so both lock the project first (./locks.ts): two
// managers assigning at once run one after the other, and the second plans around the first.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type DB } from "@/db";
import { assignments, documents, projectMembers, users } from "@/db/tables";
import { planBalancedAssignments, type AssignmentPair } from "@/lib/assignment/balance";
import { assignDocumentSchema, autoAssignSchema } from "@/lib/validation/members";
import { fail, invalid, type Failure } from "./annotations/result";
import { recordAudit } from "./audit";
import { lockProject } from "./locks";
import { refuseUnlessManager } from "./members";
import type { SessionUser } from "./session";
import { first } from "@/db/rows";

type Tx = Pick<DB, "select" | "insert">;

export type AssignResult = { ok: true; assignmentId: number } | Failure;
export type AutoAssignResult = { ok: true; created: AssignmentPair[]; loads: Record<number, number> } | Failure;

/**
 * Inserts and audits the assignment; null when the reviewer already has the document. The
 * project lock does not cover a reviewer who starts annotating it meanwhile (that creates the
 * row under the document's lock), so the unique key settles that race instead.
 */
async function insertAssignment(tx: Tx, actorId: number, projectId: number, pair: AssignmentPair, method: "hand" | "auto"): Promise<number | null> {
  const row = await first(
    tx
      .insert(assignments)
      .values({ projectId, documentId: pair.documentId, userId: pair.userId, status: "todo" })
      .onConflictDoNothing({ target: [assignments.documentId, assignments.userId] })
      .returning({ id: assignments.id }),
  );
  if (row === undefined) return null;
  await recordAudit(tx, { actorId, action: "assign", entity: "assignment", entityId: row.id, after: { ...pair, projectId, status: "todo", method } });
  return row.id;
}

async function documentInProject(tx: Tx, projectId: number, documentId: number): Promise<{ title: string } | null> {
  return (
    (await first(
      tx
        .select({ title: documents.title })
        .from(documents)
        .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))),
    )) ?? null
  );
}

async function memberName(tx: Tx, projectId: number, userId: number): Promise<string | null> {
  const row = await first(
    tx
      .select({ name: users.displayName })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))),
  );
  return row?.name ?? null;
}

/** A manager gives one document of the project to one member. */
export async function assignDocument(manager: SessionUser, projectId: number, input: unknown): Promise<AssignResult> {
  return await getDb().transaction(
    async (tx): Promise<AssignResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "assign documents");
      if (refusal !== null) return refusal;
      const parsed = assignDocumentSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const { documentId, userId } = parsed.data;
      const doc = await documentInProject(tx, projectId, documentId);
      if (doc === null) return invalid(`Document ${documentId} is not in this project.`);
      const name = await memberName(tx, projectId, userId);
      if (name === null) return invalid("That person is not a member of this project: add them on the team page first.");
      const existing = await first(
        tx
          .select({ id: assignments.id })
          .from(assignments)
          .where(and(eq(assignments.documentId, documentId), eq(assignments.userId, userId))),
      );
      const duplicate = fail(409, "duplicate", `${name} already has “${doc.title}”.`);
      if (existing !== undefined) return duplicate;
      const assignmentId = await insertAssignment(tx, manager.id, projectId, parsed.data, "hand");
      return assignmentId === null ? duplicate : { ok: true, assignmentId };
    },
    { behavior: "immediate" },
  );
}

/**
 * Gives every document of the project to `perDocument` reviewers chosen among `userIds`,
 * balancing their loads and skipping documents a reviewer already has. Running it again
 * adds nothing; adding documents later and running it again tops up only the new ones.
 */
export async function autoAssignDocuments(manager: SessionUser, projectId: number, input: unknown): Promise<AutoAssignResult> {
  return await getDb().transaction(
    async (tx): Promise<AutoAssignResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "assign documents");
      if (refusal !== null) return refusal;
      const parsed = autoAssignSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const chosen = [...new Set(parsed.data.userIds)];
      const members = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, chosen)));
      if (members.length !== chosen.length) return invalid("Some of the chosen people are not members of this project.");
      const documentRows = await tx.select({ id: documents.id }).from(documents).where(eq(documents.projectId, projectId));
      const documentIds = documentRows.map((d) => d.id);
      if (documentIds.length === 0) return invalid("This project has no documents to assign yet.");
      // Only current members' assignments count: a removed member's old rows do not fill a slot.
      const existing = await tx
        .select({ documentId: assignments.documentId, userId: assignments.userId })
        .from(assignments)
        .innerJoin(projectMembers, and(eq(projectMembers.projectId, assignments.projectId), eq(projectMembers.userId, assignments.userId)))
        .where(eq(assignments.projectId, projectId));
      const plan = planBalancedAssignments({ documentIds, reviewerIds: chosen, perDocument: parsed.data.perDocument, existing });
      if (!plan.ok) return invalid(plan.message);
      const created: AssignmentPair[] = [];
      for (const pair of plan.assignments) if ((await insertAssignment(tx, manager.id, projectId, pair, "auto")) !== null) created.push(pair);
      return { ok: true, created, loads: Object.fromEntries(plan.loads) };
    },
    { behavior: "immediate" },
  );
}
