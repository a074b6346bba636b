// When a document's gold layer is settled. Derived, not stored: a decision covers the reviewer
// spans it lists (adjudications.from_annotation_ids), and the document is gold once every live
// reviewer span is covered, so a reviewer adding a span later reopens it by itself.
export interface GoldStateInput {
  readonly spanIds: readonly number[];
  readonly covered: ReadonlySet<number>;
  readonly reviewers: number;
  readonly doneReviewers: number;
  /** Decisions recorded on the document (an empty gold layer is settled only if all are done). */
  readonly decisions: number;
}

export interface GoldCounts {
  readonly undecided: number;
  readonly reviewers: number;
  readonly doneReviewers: number;
  readonly decisions: number;
}

/** The rule itself, on counts (the export reads them with one SQL query per batch). */
export function isGold(counts: GoldCounts): boolean {
  const someoneDecided = counts.decisions > 0 || (counts.reviewers > 0 && counts.doneReviewers === counts.reviewers);
  return counts.reviewers > 0 && counts.undecided === 0 && someoneDecided;
}

export function goldState(input: GoldStateInput): { gold: boolean; undecided: number } {
  const undecided = input.spanIds.filter((id) => !input.covered.has(id)).length;
  return { gold: isGold({ ...input, undecided }), undecided };
}
