// The layer rule, per document: the gold layer where the document is settled (the same rule
// the export and the review pages use); else the chosen reviewer's spans, if they have spans or
// an assignment there; else every reviewer's live spans pooled (lib/compare takes the mean
// over them). An annotator under blind mode sees their own layer only, everywhere.
//
// Deciding reads no span: assignments, a gold count for the few documents that could be settled,
// and index seeks for the chosen reviewer. How many reviewers a pooled document has is known
// once its spans are read (finishLayers), which saves a scan of every span of the story.
import type { CompareSpan, LayerShown } from "@/lib/compare/types";
import type { CompareScope } from "./access";
import { settledAmong } from "./gold";
import type { LayerChoice } from "./layer";
import type { CompareQueries } from "./queries";

/** What to read for one document, and what the page says it shows. */
export interface DocumentLayer {
  shown: LayerShown;
  /** Read the gold layer; else reviewer spans, of `onlyUser` or of everyone. */
  gold: boolean;
  onlyUser: number | null;
  /** What is shown instead of "none" if spans turn up (a blind viewer's own, unassigned). */
  ifSpans: LayerShown | null;
}

export interface LayerPlan {
  byDocument: Map<number, DocumentLayer>;
  /** Reviewers a viewer may choose from (none under blind mode). */
  reviewers: { id: number; name: string }[];
}

const NONE: LayerShown = { kind: "none" };

async function assignees(queries: CompareQueries, ids: readonly number[]): Promise<Map<number, Set<number>>> {
  const byDocument = new Map<number, Set<number>>();
  for (const row of await queries.assignments(ids)) {
    const users = byDocument.get(row.document_id);
    if (users === undefined) byDocument.set(row.document_id, new Set([row.user_id]));
    else users.add(row.user_id);
  }
  return byDocument;
}

/** Anyone assigned to one of the documents, and any member with a live span on one. */
async function reviewersOf(
  queries: CompareQueries,
  scope: CompareScope,
  ids: readonly number[],
  assigned: Map<number, Set<number>>,
): Promise<LayerPlan["reviewers"]> {
  const people = new Set<number>();
  for (const users of assigned.values()) for (const id of users) people.add(id);
  for (const id of await queries.membersWithSpans(ids, scope.project.id)) people.add(id);
  return people.size === 0 ? [] : await queries.people([...people]);
}

export async function planLayers(queries: CompareQueries, scope: CompareScope, ids: readonly number[], choice: LayerChoice): Promise<LayerPlan> {
  const byDocument = new Map<number, DocumentLayer>();
  if (ids.length === 0) return { byDocument, reviewers: [] };
  const assigned = await assignees(queries, ids);
  if (scope.blind) {
    const me = scope.viewer;
    const mine: LayerShown = { kind: "reviewer", reviewerId: me.id, reviewerName: me.name };
    for (const id of ids) {
      const assignedHere = assigned.get(id)?.has(me.id) === true;
      byDocument.set(id, { shown: assignedHere ? mine : NONE, gold: false, onlyUser: me.id, ifSpans: mine });
    }
    return { byDocument, reviewers: [] };
  }
  const reviewers = await reviewersOf(queries, scope, ids, assigned);
  const chosen = reviewers.find((r) => r.id === choice.reviewerId) ?? null;
  const settled = await settledAmong(ids);
  const chosenHasSpans = new Set(chosen === null ? [] : await queries.spansOfUser(ids, chosen.id));
  for (const id of ids) {
    if (settled.has(id)) byDocument.set(id, { shown: { kind: "gold" }, gold: true, onlyUser: null, ifSpans: null });
    else if (chosen !== null && (chosenHasSpans.has(id) || assigned.get(id)?.has(chosen.id) === true)) {
      byDocument.set(id, { shown: { kind: "reviewer", reviewerId: chosen.id, reviewerName: chosen.name }, gold: false, onlyUser: chosen.id, ifSpans: null });
    } else byDocument.set(id, { shown: NONE, gold: false, onlyUser: null, ifSpans: null });
  }
  return { byDocument, reviewers };
}

/**
 * Says how many reviewers each pooled document pools ("none" when nobody has a span), and
 * shows a blind viewer's own layer where they have spans. `complete`: the spans given are every
 * live span of the layer on these documents; otherwise the pooled counts are read.
 */
export async function finishLayers(
  queries: CompareQueries,
  plan: LayerPlan,
  documentIds: readonly number[],
  spans: readonly CompareSpan[],
  complete: boolean,
): Promise<void> {
  const pooled = documentIds.filter((id) => {
    const layer = plan.byDocument.get(id);
    return layer !== undefined && !layer.gold && layer.onlyUser === null;
  });
  const counts = new Map<number, number>();
  if (complete) {
    const people = new Map<number, Set<number | null>>();
    for (const s of spans) {
      const who = people.get(s.documentId);
      if (who === undefined) people.set(s.documentId, new Set([s.annotatorId]));
      else who.add(s.annotatorId);
    }
    for (const [id, who] of people) counts.set(id, who.size);
  } else if (pooled.length > 0) {
    for (const [id, n] of await queries.pooledCounts(pooled)) counts.set(id, n);
  }
  for (const id of pooled) {
    const n = counts.get(id) ?? 0;
    plan.byDocument.get(id)!.shown = n === 0 ? NONE : { kind: "pooled", reviewers: n };
  }
  for (const s of spans) {
    const layer = plan.byDocument.get(s.documentId)!;
    if (layer.ifSpans !== null && layer.shown.kind === "none") layer.shown = layer.ifSpans;
  }
}
