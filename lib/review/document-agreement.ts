// The agreement measures of one document, and the sums the project totals are pooled from.
import { exactSpanF1, partialSpanF1, percentAgreement, unitizingAlpha, type LabelledSpan, type SpanF1Result } from "@/lib/agreement";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import { spanCodingTable, unitizingStudy, type AgreementDocument } from "./agreement-inputs";
import { matchSpans } from "./match";
import type { SpanGroup } from "./types";
import { measured, notEnoughData, WeightedMean, type MeasureValue } from "./values";

export const SCOPES = ["overall", ...ANNOTATION_KINDS] as const;
export type AgreementScope = (typeof SCOPES)[number];

/** Σ|s∩t|/|s| (or matches) over |S|, and the same for recall: what pools across documents. */
export interface F1Sums {
  precisionSum: number;
  predicted: number;
  recallSum: number;
  gold: number;
}

export const emptySums = (): F1Sums => ({ precisionSum: 0, predicted: 0, recallSum: 0, gold: 0 });

export function addSums(into: F1Sums, r: SpanF1Result): void {
  into.precisionSum += r.precision * r.predicted;
  into.predicted += r.predicted;
  into.recallSum += r.recall * r.gold;
  into.gold += r.gold;
}

/** F1 from pooled sums; undefined when neither side marked anything in this scope. */
export function f1FromSums(s: F1Sums): MeasureValue {
  if (s.predicted === 0 && s.gold === 0) return notEnoughData("Neither reviewer marked a span here.");
  const p = s.predicted > 0 ? s.precisionSum / s.predicted : 0;
  const r = s.gold > 0 ? s.recallSum / s.gold : 0;
  return { ok: true, value: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export interface PairDocumentSums {
  readonly a: number;
  readonly b: number;
  readonly exact: Record<AgreementScope, F1Sums>;
  readonly partial: Record<AgreementScope, F1Sums>;
}

export interface DocumentMeasures {
  readonly alphaU: Record<AgreementScope, MeasureValue>;
  /** Percent agreement per scope and how many units it was computed over (to pool). */
  readonly percent: Record<AgreementScope, { value: MeasureValue; items: number }>;
  readonly pairs: readonly PairDocumentSums[];
  /** Mean over reviewer pairs of this document's partial F1 (all kinds). */
  readonly partialF1: MeasureValue;
  /** Same-kind groups of matched spans (reused for attribute agreement). */
  readonly groups: readonly SpanGroup[];
}

const TOO_FEW = "Fewer than two reviewers.";

function alphaPerScope(doc: AgreementDocument): Record<AgreementScope, MeasureValue> {
  const result = unitizingAlpha(unitizingStudy(doc));
  const perKind = (kind: AnnotationKind): MeasureValue => {
    const entry = result.perLabel.find((l) => l.label === kind);
    return entry === undefined ? notEnoughData(`No reviewer marked a ${kind}.`) : measured(entry.result);
  };
  return { overall: measured(result.overall), claim: perKind("claim"), opinion: perKind("opinion"), quote: perKind("quote") };
}

/**
 * Same-kind matching puts one kind in every group, so a kind's groups are its units and the
 * overall figure pools the kinds' units: computed per kind only, then summed.
 */
function percentPerScope(doc: AgreementDocument, groups: readonly SpanGroup[]): DocumentMeasures["percent"] {
  const byKind: Record<AnnotationKind, SpanGroup[]> = { claim: [], opinion: [], quote: [] };
  for (const g of groups) byKind[g.spans[0]!.kind].push(g);
  const out = {} as DocumentMeasures["percent"];
  let sum = 0;
  let items = 0;
  for (const kind of ANNOTATION_KINDS) {
    const result = percentAgreement(spanCodingTable(byKind[kind], doc.reviewerIds));
    const n = result.ok ? result.items : 0;
    out[kind] = { value: measured(result), items: n };
    if (result.ok) {
      sum += result.value * n;
      items += n;
    }
  }
  out.overall = { value: items > 0 ? { ok: true, value: sum / items } : notEnoughData("No span was compared between two reviewers."), items };
  return out;
}

/** A reviewer's spans split by kind, labelled for span F1. */
function spansByReviewer(doc: AgreementDocument): Map<number, Record<AnnotationKind, LabelledSpan[]>> {
  const out = new Map<number, Record<AnnotationKind, LabelledSpan[]>>();
  for (const id of doc.reviewerIds) out.set(id, { claim: [], opinion: [], quote: [] });
  for (const s of doc.spans) out.get(s.reviewerId)?.[s.kind].push({ begin: s.start, end: s.end, label: s.kind });
  return out;
}

/**
 * Spans match only within a label, so the all-kinds sums are the per-kind sums added up: each
 * pair is scored per kind, and "overall" is assembled from those instead of scored again.
 */
function pairSums(doc: AgreementDocument): PairDocumentSums[] {
  const pairs: PairDocumentSums[] = [];
  const ids = [...doc.reviewerIds].sort((x, y) => x - y);
  const spans = spansByReviewer(doc);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const exact = { overall: emptySums() } as Record<AgreementScope, F1Sums>;
      const partial = { overall: emptySums() } as Record<AgreementScope, F1Sums>;
      for (const kind of ANNOTATION_KINDS) {
        const gold = spans.get(ids[i]!)![kind];
        const predicted = spans.get(ids[j]!)![kind];
        exact[kind] = emptySums();
        partial[kind] = emptySums();
        addSums(exact[kind], exactSpanF1(gold, predicted));
        addSums(partial[kind], partialSpanF1(gold, predicted));
        addInto(exact.overall, exact[kind]);
        addInto(partial.overall, partial[kind]);
      }
      pairs.push({ a: ids[i]!, b: ids[j]!, exact, partial });
    }
  }
  return pairs;
}

export function addInto(into: F1Sums, from: F1Sums): void {
  into.precisionSum += from.precisionSum;
  into.predicted += from.predicted;
  into.recallSum += from.recallSum;
  into.gold += from.gold;
}

const undefinedForAll = (): Record<AgreementScope, MeasureValue> => ({
  overall: notEnoughData(TOO_FEW),
  claim: notEnoughData(TOO_FEW),
  opinion: notEnoughData(TOO_FEW),
  quote: notEnoughData(TOO_FEW),
});

/** Every measure of one document (with fewer than two reviewers, all "not enough data"). */
export function documentMeasures(doc: AgreementDocument): DocumentMeasures {
  const groups = matchSpans(doc.spans, { crossKind: false });
  if (doc.reviewerIds.length < 2) {
    const none = { value: notEnoughData(TOO_FEW), items: 0 };
    return {
      alphaU: undefinedForAll(),
      percent: { overall: none, claim: none, opinion: none, quote: none },
      pairs: [],
      partialF1: notEnoughData(TOO_FEW),
      groups,
    };
  }
  const pairs = pairSums(doc);
  const mean = new WeightedMean();
  // Per document the SemEval convention holds: two reviewers who both marked nothing agree (F1 = 1).
  for (const p of pairs) mean.add(p.partial.overall.predicted + p.partial.overall.gold === 0 ? { ok: true, value: 1 } : f1FromSums(p.partial.overall));
  return { alphaU: alphaPerScope(doc), percent: percentPerScope(doc, groups), pairs, partialF1: mean.result(TOO_FEW), groups };
}
