// Everything a decision on one document is checked against, read inside the deciding
// transaction: who reviewed it, their live spans, the gold layer and the decisions so far.
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { adjudications, annotations, assignments, users } from "@/db/tables";
import { consensusReviewers, reviewDocument, type DocumentReview, type ReviewSpan } from "@/lib/review";
import type { AnnotationDto, AnnotationKind } from "@/lib/validation/annotations";
import { findSpans } from "../annotations/dto";
import { fail, type Failure } from "../annotations/result";
import { documentScope, type Conn, type DocumentScope } from "../annotations/scope";
import type { SessionUser } from "../session";

export interface Reviewer {
  id: number;
  name: string;
  status: "todo" | "in_progress" | "submitted";
  done: boolean;
}

export type ReviewerSpan = ReviewSpan & Pick<AnnotationDto, "exact" | "updatedAt"> & { reviewerName: string };

export interface GoldSpan {
  id: number;
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  attributes: Record<string, unknown>;
}

export interface Decision {
  id: number;
  decision: "accepted" | "edited" | "rejected" | "added";
  goldAnnotationId: number | null;
  fromAnnotationIds: number[];
  reason: string;
  adjudicatorId: number;
  adjudicatorName: string;
  at: Date;
}

export interface ReviewState {
  reviewers: Reviewer[];
  spans: ReviewerSpan[];
  gold: GoldSpan[];
  decisions: Decision[];
  /** Reviewer span id → the decision that covers it. */
  coveredBy: Map<number, Decision>;
  review: DocumentReview<ReviewerSpan>;
}

/** The document, if the user is its project's manager or adjudicator; a refusal otherwise. */
export async function adjudicatorScope(conn: Conn, user: SessionUser, projectId: number, documentId: number): Promise<DocumentScope | Failure> {
  const scope = await documentScope(conn, user, projectId, documentId);
  if (scope === null) return fail(404, "not_found", "This document does not exist, or you are not a member of its project.");
  if (scope.role === "annotator") return fail(403, "forbidden", "Only the project's adjudicators and managers can review and adjudicate documents.");
  return scope;
}

async function reviewersOf(conn: Conn, documentId: number, spans: readonly ReviewerSpan[]): Promise<Reviewer[]> {
  const rows = await conn
    .select({ id: assignments.userId, name: users.displayName, status: assignments.status })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(and(eq(assignments.documentId, documentId), ne(assignments.status, "todo")));
  const byId = new Map<number, Reviewer>(rows.map((r) => [r.id, { ...r, done: r.status === "submitted" }]));
  for (const s of spans) {
    if (!byId.has(s.reviewerId)) byId.set(s.reviewerId, { id: s.reviewerId, name: s.reviewerName, status: "in_progress", done: false });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** The columns a GoldSpan is read from. */
export const goldSpanColumns = {
  id: annotations.id,
  kind: annotations.kind,
  start: annotations.start,
  end: annotations.end,
  exact: annotations.exact,
  attributes: annotations.attributes,
};

async function goldSpans(conn: Conn, documentId: number): Promise<GoldSpan[]> {
  const rows = await conn
    .select(goldSpanColumns)
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.layer, "gold"), isNull(annotations.deletedAt)))
    .orderBy(asc(annotations.start), asc(annotations.end), asc(annotations.id));
  return rows.map((g) => ({ ...g, attributes: (g.attributes ?? {}) as Record<string, unknown> }));
}

export async function decisionsOf(conn: Conn, documentId: number): Promise<Decision[]> {
  return conn
    .select({
      id: adjudications.id,
      decision: adjudications.decision,
      goldAnnotationId: adjudications.goldAnnotationId,
      fromAnnotationIds: adjudications.fromAnnotationIds,
      reason: adjudications.reason,
      adjudicatorId: adjudications.adjudicatorId,
      adjudicatorName: users.displayName,
      at: adjudications.at,
    })
    .from(adjudications)
    .innerJoin(users, eq(users.id, adjudications.adjudicatorId))
    .where(eq(adjudications.documentId, documentId))
    .orderBy(asc(adjudications.at), asc(adjudications.id));
}

export function coverage(decisions: readonly Decision[]): Map<number, Decision> {
  const coveredBy = new Map<number, Decision>();
  for (const d of decisions) for (const id of d.fromAnnotationIds) if (!coveredBy.has(id)) coveredBy.set(id, d);
  return coveredBy;
}

/** Reads the whole review state of a document (call inside the transaction that acts on it). */
export async function loadReviewState(conn: Conn, documentId: number): Promise<ReviewState> {
  const live = await findSpans(conn, and(eq(annotations.documentId, documentId), isNull(annotations.deletedAt)));
  const spans: ReviewerSpan[] = live.map((s) => ({
    id: s.id,
    reviewerId: s.annotatorId,
    reviewerName: s.annotatorName,
    kind: s.kind,
    start: s.start,
    end: s.end,
    attributes: s.attributes,
    exact: s.exact,
    updatedAt: s.updatedAt,
  }));
  const reviewers = await reviewersOf(conn, documentId, spans);
  const decisions = await decisionsOf(conn, documentId);
  const review = reviewDocument({ spans, reviewerIds: reviewers.map((r) => r.id), consensusIds: consensusReviewers(reviewers) });
  return { reviewers, spans, gold: await goldSpans(conn, documentId), decisions, coveredBy: coverage(decisions), review };
}
