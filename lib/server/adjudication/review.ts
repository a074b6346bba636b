// The review page's data: the reviewers' layers of one document, grouped into classified
// differences, each with the decision that settled it, and the gold layer so far.
import { getDb } from "@/db";
import { differenceLabel, reviewProgress, stripMarks, type DifferenceClass, type ReviewProgress, type StripMark } from "@/lib/review";
import { buildOffsetIndex } from "@/lib/text";
import { fail, type Failure } from "../annotations/result";
import { getDocumentForMember } from "../document-reads";
import { getProjectForMember } from "../projects";
import type { SessionUser } from "../session";
import { sourceNamesFor } from "../sources";
import { adjudicatorScope, loadReviewState, type Decision, type GoldSpan, type Reviewer, type ReviewerSpan } from "./state";

export interface DecisionView {
  id: number;
  decision: Decision["decision"];
  reason: string;
  adjudicatorName: string;
  at: string;
  gold: GoldSpan | null;
  fromAnnotationIds: number[];
}

export interface DifferenceView {
  key: string;
  start: number;
  end: number;
  primary: DifferenceClass;
  classes: DifferenceClass[];
  label: string;
  differingAttributes: string[];
  missing: string[];
  /** `decided`: a decision already covers this span (it cannot be accepted again). */
  spans: (ReviewerSpan & { changedSinceDecision: boolean; decided: boolean })[];
  unanimous: boolean;
  decision: DecisionView | null;
  decided: boolean;
  excerpt: { before: string; text: string; after: string };
}

export interface DocumentReviewView {
  project: { id: number; name: string; role: string };
  document: { id: number; title: string; charCount: number; text: string };
  reviewers: Reviewer[];
  notDone: string[];
  differences: DifferenceView[];
  marks: StripMark[];
  counts: Record<DifferenceClass, number>;
  undecided: number;
  /** The same count the review queue shows (lib/review reviewProgress). */
  progress: ReviewProgress;
  unanimousUndecided: number;
  gold: (GoldSpan & { decision: DecisionView | null })[];
  added: DecisionView[];
  isGold: boolean;
  sourceNames: Record<number, string>;
}

const CONTEXT = 60;

function decisionView(d: Decision, gold: readonly GoldSpan[]): DecisionView {
  return {
    id: d.id,
    decision: d.decision,
    reason: d.reason,
    adjudicatorName: d.adjudicatorName,
    at: d.at.toISOString(),
    gold: gold.find((g) => g.id === d.goldAnnotationId) ?? null,
    fromAnnotationIds: d.fromAnnotationIds,
  };
}

function sourceIds(spans: readonly { attributes: Record<string, unknown> }[]): number[] {
  return [...new Set(spans.map((s) => s.attributes.source_id).filter((id): id is number => typeof id === "number"))];
}

/** The document's review for its adjudicators and managers; a refusal for anyone else. */
export async function getDocumentReview(user: SessionUser, projectId: number, documentId: number): Promise<DocumentReviewView | Failure> {
  const scope = await adjudicatorScope(getDb(), user, projectId, documentId);
  if ("ok" in scope) return scope;
  const doc = await getDocumentForMember(user, projectId, documentId);
  const project = await getProjectForMember(user, projectId);
  if (doc === null || project === null) return fail(404, "not_found", "This document does not exist, or you are not a member of its project.");
  const state = await loadReviewState(getDb(), documentId);
  const index = buildOffsetIndex(doc.text);
  const names = new Map(state.reviewers.map((r) => [r.id, r.name]));
  const views = new Map(state.decisions.map((d) => [d.id, decisionView(d, state.gold)]));
  const differences = state.review.differences.map((d): DifferenceView => {
    const by = d.spans.map((s) => state.coveredBy.get(s.id)).find((x) => x !== undefined) ?? null;
    return {
      key: d.key,
      start: d.start,
      end: d.end,
      primary: d.primary,
      classes: [...d.classes],
      label: differenceLabel(d),
      differingAttributes: [...d.attributes],
      missing: d.missing.map((id) => names.get(id) ?? `Reviewer ${id}`),
      spans: d.spans.map((s) => {
        const own = state.coveredBy.get(s.id);
        return { ...s, decided: own !== undefined, changedSinceDecision: own !== undefined && new Date(s.updatedAt) > own.at };
      }),
      unanimous: state.review.unanimous.has(d.key),
      decision: by === null ? null : views.get(by.id)!,
      decided: d.spans.every((s) => state.coveredBy.has(s.id)),
      excerpt: {
        before: index.slice(Math.max(0, d.start - CONTEXT), d.start),
        text: index.slice(d.start, d.end),
        after: index.slice(d.end, Math.min(index.codePointLength, d.end + CONTEXT)),
      },
    };
  });
  const viewsByGold = new Map([...views.values()].filter((v) => v.gold !== null).map((v) => [v.gold!.id, v]));
  const done = state.reviewers.filter((r) => r.done).length;
  const progress = reviewProgress({
    groups: state.review.differences,
    covered: state.coveredBy,
    reviewers: state.reviewers.length,
    doneReviewers: done,
    decisions: state.decisions.length,
  });
  return {
    project: { id: project.id, name: project.name, role: project.role },
    document: { id: doc.id, title: doc.title, charCount: doc.charCount, text: doc.text },
    reviewers: state.reviewers,
    notDone: state.reviewers.filter((r) => !r.done).map((r) => r.name),
    differences,
    marks: stripMarks(state.review.differences, doc.charCount),
    counts: { ...state.review.counts },
    undecided: progress.undecided,
    progress,
    unanimousUndecided: differences.filter((d) => d.unanimous && d.spans.every((s) => !state.coveredBy.has(s.id))).length,
    gold: state.gold.map((g) => ({ ...g, decision: viewsByGold.get(g.id) ?? null })),
    added: [...views.values()].filter((v) => v.decision === "added"),
    isGold: progress.gold,
    sourceNames: await sourceNamesFor(user, projectId, sourceIds([...state.spans, ...state.gold])),
  };
}
