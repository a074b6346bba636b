// What a reviewer may learn from adjudication: for each of their own spans, whether the gold
// layer took it as it was, changed it or left it out, and the adjudicator's reason. Never
// another reviewer's span, and, while blind mode is on, nothing before their layer is done.
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations } from "@/db/tables";
import { differingAttributes } from "@/lib/review";
import { findSpans } from "../annotations/dto";
import { fail, type Failure } from "../annotations/result";
import { documentScope } from "../annotations/scope";
import { getDocumentForMember } from "../document-reads";
import { getProjectForMember } from "../projects";
import type { SessionUser } from "../session";
import { coverage, decisionsOf, goldSpanColumns, type GoldSpan } from "./state";
import { first } from "@/db/rows";

export type Outcome = "accepted" | "changed" | "rejected" | "pending";

export interface MyOutcome {
  span: { id: number; kind: GoldSpan["kind"]; start: number; end: number; exact: string };
  outcome: Outcome;
  /** For "changed": what the gold span has instead, in words. */
  changes: string[];
  gold: Omit<GoldSpan, "attributes"> | null;
  reason: string;
  adjudicatorName: string | null;
  at: string | null;
}

export interface MyOutcomesView {
  project: { id: number; name: string };
  document: { id: number; title: string };
  /** True while blind mode hides adjudication from an annotator who has not marked the document done. */
  hidden: boolean;
  outcomes: MyOutcome[];
}

async function goldRow(goldId: number | null): Promise<GoldSpan | null> {
  if (goldId === null) return null;
  const row = await first(
    getDb()
      .select(goldSpanColumns)
      .from(annotations)
      .where(and(eq(annotations.id, goldId), eq(annotations.layer, "gold"), isNull(annotations.deletedAt))),
  );
  return row === undefined ? null : { ...row, attributes: (row.attributes ?? {}) as Record<string, unknown> };
}

function changesBetween(mine: { kind: string; start: number; end: number; attributes: Record<string, unknown> }, gold: GoldSpan): string[] {
  const changes: string[] = [];
  if (gold.kind !== mine.kind) changes.push(`kind ${gold.kind} instead of ${mine.kind}`);
  if (gold.start !== mine.start || gold.end !== mine.end) changes.push(`boundaries ${gold.start}–${gold.end} instead of ${mine.start}–${mine.end}`);
  if (gold.kind === mine.kind) {
    const differing = differingAttributes([
      { id: 0, reviewerId: 0, kind: gold.kind, start: 0, end: 1, attributes: gold.attributes },
      { id: 1, reviewerId: 1, kind: gold.kind, start: 0, end: 1, attributes: mine.attributes },
    ]);
    for (const name of differing)
      changes.push(`${name.replace("_", " ")} ${JSON.stringify(gold.attributes[name] ?? null)} instead of ${JSON.stringify(mine.attributes[name] ?? null)}`);
  }
  return changes;
}

/** The signed-in reviewer's own spans on the document with what adjudication made of them. */
export async function getMyOutcomes(user: SessionUser, projectId: number, documentId: number): Promise<MyOutcomesView | Failure> {
  const db = getDb();
  const scope = await documentScope(db, user, projectId, documentId);
  const doc = scope === null ? null : await getDocumentForMember(user, projectId, documentId);
  if (scope === null || doc === null) return fail(404, "not_found", "This document does not exist, or you are not a member of its project.");
  const base = {
    project: { id: projectId, name: (await getProjectForMember(user, projectId))?.name ?? "Project" },
    document: { id: doc.id, title: doc.title },
  };
  if (!scope.seesOthers && scope.myStatus !== "submitted") return { ...base, hidden: true, outcomes: [] };
  const coveredBy = coverage(await decisionsOf(db, documentId));
  const mine = await findSpans(db, and(eq(annotations.documentId, documentId), eq(annotations.annotatorId, user.id), isNull(annotations.deletedAt)));
  const outcomes = await Promise.all(
    mine.map(async (s): Promise<MyOutcome> => {
      const span = { id: s.id, kind: s.kind, start: s.start, end: s.end, exact: s.exact };
      const by = coveredBy.get(s.id);
      if (by === undefined) return { span, outcome: "pending", changes: [], gold: null, reason: "", adjudicatorName: null, at: null };
      const gold = await goldRow(by.goldAnnotationId);
      const changes = gold === null ? [] : changesBetween(s, gold);
      const outcome: Outcome = gold === null ? "rejected" : changes.length === 0 ? "accepted" : "changed";
      const goldView = gold === null ? null : { id: gold.id, kind: gold.kind, start: gold.start, end: gold.end, exact: gold.exact };
      return { span, outcome, changes, gold: goldView, reason: by.reason, adjudicatorName: by.adjudicatorName, at: by.at.toISOString() };
    }),
  );
  return { ...base, hidden: false, outcomes };
}
