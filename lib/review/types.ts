// The plain data lib/review works on: reviewers' spans on one document, as lib/server loads them.
import type { AnnotationKind } from "@/lib/validation/annotations";

/** One reviewer's span. Offsets are code points into the document text, end exclusive. */
export interface ReviewSpan {
  readonly id: number;
  readonly reviewerId: number;
  readonly kind: AnnotationKind;
  readonly start: number;
  readonly end: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A group of spans taken to mark "the same thing": at most one span per reviewer. */
export interface SpanGroup<T extends ReviewSpan = ReviewSpan> {
  /** Stable while the spans do not change: the member ids, ascending, joined by "-". */
  readonly key: string;
  /** Members in reviewer order (the order of `reviewerIds` given to the classifier, else by id). */
  readonly spans: readonly T[];
  /** The union of the members' extents. */
  readonly start: number;
  readonly end: number;
}
