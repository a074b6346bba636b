// How far a project has come: per reviewer (done of assigned), per document (how many of its
// assigned reviewers are done) and span counts per kind. Only managers and adjudicators see
// it: it names every reviewer's status, and while blind mode is on an annotator must learn
// nothing of the others' work, so annotators are refused outright rather than given a subset.
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, assignments, documents, projectMembers, users, type ProjectRole } from "@/db/tables";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import { fail, type Failure } from "./annotations/result";
import type { AssignmentStatus } from "./assignments";
import { projectNotFound } from "./members";
import { memberRole } from "./projects";
import type { SessionUser } from "./session";

export interface ReviewerProgress {
  userId: number;
  displayName: string;
  role: ProjectRole;
  assigned: number;
  inProgress: number;
  done: number;
}

export interface DocumentReviewer {
  userId: number;
  displayName: string;
  status: AssignmentStatus;
}

export interface DocumentProgress {
  documentId: number;
  title: string;
  assigned: number;
  done: number;
  reviewers: DocumentReviewer[];
}

export interface ProjectProgress {
  reviewers: ReviewerProgress[];
  documents: DocumentProgress[];
  /** Live spans of the annotator layer, per kind. */
  spans: Record<AnnotationKind, number>;
  assigned: number;
  done: number;
  /** Managers may reopen a reviewer's submitted layer. */
  canReopen: boolean;
}

export type ProgressResult = { ok: true; progress: ProjectProgress } | Failure;

async function assignmentRows(projectId: number): Promise<(DocumentReviewer & { documentId: number })[]> {
  // Current members only: a removed reviewer no longer counts toward anyone's progress.
  return await getDb()
    .select({ documentId: assignments.documentId, userId: assignments.userId, displayName: users.displayName, status: assignments.status })
    .from(assignments)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, assignments.projectId), eq(projectMembers.userId, assignments.userId)))
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(eq(assignments.projectId, projectId))
    .orderBy(asc(users.displayName), asc(users.id));
}

async function spanCounts(projectId: number): Promise<Record<AnnotationKind, number>> {
  const rows = await getDb()
    .select({ kind: annotations.kind, n: count() })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .where(and(eq(documents.projectId, projectId), eq(annotations.layer, "annotator"), isNull(annotations.deletedAt)))
    .groupBy(annotations.kind);
  const out = Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, 0])) as Record<AnnotationKind, number>;
  for (const row of rows) out[row.kind] = row.n;
  return out;
}

type Row = Awaited<ReturnType<typeof assignmentRows>>[number];

function groupBy<K>(rows: Row[], key: (r: Row) => K): Map<K, Row[]> {
  const out = new Map<K, Row[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list === undefined) out.set(key(row), [row]);
    else list.push(row);
  }
  return out;
}

const submitted = (rows: readonly { status: AssignmentStatus }[]): number => rows.filter((r) => r.status === "submitted").length;

async function reviewerProgress(projectId: number, rows: Row[]): Promise<ReviewerProgress[]> {
  const members = await getDb()
    .select({ userId: projectMembers.userId, displayName: users.displayName, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.displayName), asc(users.id));
  const byUser = groupBy(rows, (r) => r.userId);
  return members
    .map((m) => {
      const mine = byUser.get(m.userId) ?? [];
      return { ...m, assigned: mine.length, inProgress: mine.filter((r) => r.status === "in_progress").length, done: submitted(mine) };
    })
    .filter((r) => r.role === "annotator" || r.assigned > 0);
}

export async function getProjectProgress(user: SessionUser, projectId: number): Promise<ProgressResult> {
  const role = await memberRole(user.id, projectId);
  if (role === null) return projectNotFound();
  if (role === "annotator") return fail(403, "forbidden", "Only managers and adjudicators can see this project's progress.");
  const rows = await assignmentRows(projectId);
  const docs = await getDb()
    .select({ documentId: documents.id, title: documents.title })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .orderBy(asc(documents.id));
  const byDocument = groupBy(rows, (r) => r.documentId);
  const perDocument = docs.map((d): DocumentProgress => {
    const reviewers = (byDocument.get(d.documentId) ?? []).map(({ documentId: _d, ...r }) => r);
    return { ...d, reviewers, assigned: reviewers.length, done: submitted(reviewers) };
  });
  return {
    ok: true,
    progress: {
      reviewers: await reviewerProgress(projectId, rows),
      documents: perDocument,
      spans: await spanCounts(projectId),
      assigned: rows.length,
      done: submitted(rows),
      canReopen: role === "manager",
    },
  };
}
