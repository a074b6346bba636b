// Turning reviewers' spans on one document into the inputs lib/agreement measures take.
import type { CodedValue, LabelledSpan, UnitizingStudy, UnitizingUnit } from "@/lib/agreement";
import type { AnnotationKind } from "@/lib/validation/annotations";
import type { ReviewSpan, SpanGroup } from "./types";

/** One document as agreement sees it: who reviewed it and their live spans. */
export interface AgreementDocument {
  readonly id: number;
  readonly title: string;
  /** Length in code points: the unitizing continuum. */
  readonly charCount: number;
  /** Everyone whose layer is compared, including reviewers who marked nothing. */
  readonly reviewerIds: readonly number[];
  readonly spans: readonly ReviewSpan[];
}

/**
 * The unitizing study of a document: the continuum is its code points, each reviewer a rater,
 * each kind a label. α_u needs non-overlapping units per rater and label, so a reviewer's
 * overlapping spans of one kind (a quote nested in a quote) are merged into their union first.
 */
export function unitizingStudy(doc: AgreementDocument): UnitizingStudy {
  const rater = new Map(doc.reviewerIds.map((id, i) => [id, i] as const));
  const byKey = new Map<string, { rater: number; label: string; extents: [number, number][] }>();
  for (const span of doc.spans) {
    const r = rater.get(span.reviewerId);
    if (r === undefined) continue;
    const key = `${r}:${span.kind}`;
    const entry = byKey.get(key) ?? { rater: r, label: span.kind, extents: [] };
    entry.extents.push([span.start, span.end]);
    byKey.set(key, entry);
  }
  const units: UnitizingUnit[] = [];
  for (const { rater: r, label, extents } of byKey.values()) {
    for (const [start, end] of mergeExtents(extents)) units.push({ rater: r, label, offset: start, length: end - start });
  }
  return { begin: 0, length: doc.charCount, raters: doc.reviewerIds.length, units };
}

/** Unions of overlapping extents (touching ones stay apart: they are two units). */
export function mergeExtents(extents: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...extents].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** A reviewer's spans for span F1, labelled by kind; `kind` narrows to one kind. */
export function labelledSpans(spans: readonly ReviewSpan[], reviewerId: number, kind: AnnotationKind | null): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const s of spans) {
    if (s.reviewerId === reviewerId && (kind === null || s.kind === kind)) out.push({ begin: s.start, end: s.end, label: s.kind });
  }
  return out;
}

/**
 * Span-level coding table for percent agreement: one unit per group of matched spans, each
 * reviewer's value the kind and exact offsets they marked, or "none" when they marked nothing
 * there (not missing: leaving text unmarked is an answer).
 */
export function spanCodingTable(groups: readonly SpanGroup[], reviewerIds: readonly number[]): CodedValue[][] {
  return reviewerIds.map((reviewer) =>
    groups.map((g) => {
      const span = g.spans.find((s) => s.reviewerId === reviewer);
      return span === undefined ? "none" : `${span.kind}:${span.start}-${span.end}`;
    }),
  );
}

/** An attribute's value as coded: empty (unset, null, "") is missing, numbers stay numbers. */
export function attributeValue(span: ReviewSpan | undefined, attribute: string): CodedValue {
  const value = span?.attributes[attribute];
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value !== "") return value;
  return null;
}
