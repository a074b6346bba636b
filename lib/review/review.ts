// One document's review: the reviewers' spans grouped and classified, plus what the
// disagreement strip and "Accept all unanimous spans" need.
import { classifyGroup, isUnanimous, type Difference, type DifferenceClass } from "./classify";
import { matchSpans } from "./match";
import type { ReviewSpan, SpanGroup } from "./types";

export interface DocumentReview<T extends ReviewSpan = ReviewSpan> {
  /** Every group, agreeing ones included, in reading order. */
  readonly differences: readonly Difference<T>[];
  readonly counts: Readonly<Record<DifferenceClass, number>>;
  /** Keys of the groups "Accept all unanimous spans" would accept. */
  readonly unanimous: ReadonlySet<string>;
}

export interface ReviewInput<T extends ReviewSpan> {
  readonly spans: readonly T[];
  /** The reviewers compared (a reviewer who marked nothing still counts: their silence is data). */
  readonly reviewerIds: readonly number[];
  /** Whose agreement makes a span unanimous: the reviewers who are done, when two or more are. */
  readonly consensusIds: readonly number[];
}

/** The groups a review decides on, matched the way the review page shows them (kinds may differ). */
export function reviewGroups<T extends ReviewSpan>(spans: readonly T[]): SpanGroup<T>[] {
  return matchSpans(spans, { crossKind: true });
}

export function reviewDocument<T extends ReviewSpan>(input: ReviewInput<T>): DocumentReview<T> {
  const compared = new Set(input.reviewerIds);
  const spans = input.spans.filter((s) => compared.has(s.reviewerId));
  const differences = reviewGroups(spans).map((g) => classifyGroup(g, input.reviewerIds));
  const counts: Record<DifferenceClass, number> = { only_some: 0, different_kind: 0, different_boundaries: 0, attribute_differs: 0, agree: 0 };
  const unanimous = new Set<string>();
  for (const d of differences) {
    counts[d.primary]++;
    if (isUnanimous(d, input.consensusIds)) unanimous.add(d.key);
  }
  return { differences, counts, unanimous };
}

/** Whose agreement counts as unanimous: the reviewers who are done if at least two are, else everyone. */
export function consensusReviewers(reviewers: readonly { id: number; done: boolean }[]): number[] {
  const done = reviewers.filter((r) => r.done).map((r) => r.id);
  return done.length >= 2 ? done : reviewers.map((r) => r.id);
}

/** A mark on the disagreement strip: where a difference sits, as fractions of the text length. */
export interface StripMark {
  readonly key: string;
  readonly top: number;
  readonly height: number;
  readonly primary: DifferenceClass;
}

/** Marks for every difference that is not plain agreement; tiny spans still get a visible height. */
export function stripMarks(differences: readonly Difference[], textLength: number, minHeight = 0.004): StripMark[] {
  if (textLength <= 0) return [];
  return differences
    .filter((d) => d.primary !== "agree")
    .map((d) => ({
      key: d.key,
      top: d.start / textLength,
      height: Math.max(minHeight, (d.end - d.start) / textLength),
      primary: d.primary,
    }));
}
