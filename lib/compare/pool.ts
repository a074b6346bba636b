// A pooled document (no gold, no chosen reviewer) shows the MEAN over its reviewers: each
// reviewer's spans are tallied alone, then every count is averaged. Pooling the spans instead
// would double a claim two reviewers both marked, and make a document read by three reviewers
// look three times as dense as one read by one.
import { tallySpans } from "./span-tally";
import type { SourceIndex } from "./speaker-key";
import { addSpanTally, divideSpanTally, emptySpanTally, type SpanTally } from "./tally";
import type { CompareSpan } from "./types";

/**
 * The mean over reviewers. The divisor is the layer's reviewer count or the number of reviewers
 * with spans here, whichever is larger: a reviewer the server counted who marked nothing adds
 * zeros to the mean rather than vanishing from it. No spans at all gives zeros.
 */
export function pooledSpanTally(spans: readonly CompareSpan[], layerReviewers: number, sources: SourceIndex): SpanTally {
  const byReviewer = new Map<number | null, CompareSpan[]>();
  for (const span of spans) {
    const own = byReviewer.get(span.annotatorId);
    if (own) own.push(span);
    else byReviewer.set(span.annotatorId, [span]);
  }
  const sum = emptySpanTally();
  for (const reviewerSpans of byReviewer.values()) addSpanTally(sum, tallySpans(reviewerSpans, sources));
  const divisor = Math.max(layerReviewers, byReviewer.size);
  if (divisor > 1) divideSpanTally(sum, divisor);
  return sum;
}
