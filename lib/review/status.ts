// When a document's gold layer is settled. Derived, not stored: a decision covers the reviewer
// spans it lists (adjudications.from_annotation_ids), and the document is gold once every live
// reviewer span is covered, so a reviewer adding a span later reopens it by itself. Pages count
// progress with reviewProgress (progress.ts), which applies this rule.
export interface GoldCounts {
  readonly undecided: number;
  readonly reviewers: number;
  readonly doneReviewers: number;
  readonly decisions: number;
}

/**
 * The rule itself, on counts (the export reads them with one SQL query per batch). Settling
 * takes a decision: reviewers marking a document done with nothing on it leaves nothing to
 * compare, which is not a gold layer (an empty "gold" would tell exports and the comparison
 * view that an adjudicator confirmed the document has no claims, opinions or quotes).
 */
export function isGold(counts: GoldCounts): boolean {
  return counts.reviewers > 0 && counts.undecided === 0 && counts.decisions > 0;
}
