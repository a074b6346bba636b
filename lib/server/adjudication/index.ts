// Adjudication: building a document's gold layer from the reviewers' layers, showing each
// reviewer what became of their spans, and settling gold outlet ratings. Every write checks
// the acting user's role in its own transaction and is recorded in the audit log.
export { acceptAllUnanimous, undoDecision, type BulkResult, type UndoResult } from "./bulk";
export { decide, type DecisionResult } from "./decide";
export { getMyOutcomes, type MyOutcome, type MyOutcomesView, type Outcome } from "./mine";
export { listRatingsForAdjudication, settleGoldRating, type GoldRatingView, type OutletAxisView, type OutletRatingsView, type SettleResult } from "./ratings";
export { getDocumentReview, type DecisionView, type DifferenceView, type DocumentReviewView } from "./review";
export { listDocumentsForReview, type ReviewListRow } from "./list";
export type { GoldSpan, Reviewer, ReviewerSpan } from "./state";
