// Reviewing disagreements, framework-free: matching reviewers' spans, classifying where they
// differ, and turning spans into the inputs of the measures in lib/agreement.
export type { ReviewSpan, SpanGroup } from "./types";
export { matchSpans, overlapRatio, type MatchOptions } from "./match";
export {
  classifyGroup,
  COMPARED_ATTRIBUTES,
  DIFFERENCE_CLASSES,
  differenceLabel,
  differingAttributes,
  isUnanimous,
  type Difference,
  type DifferenceClass,
} from "./classify";
export { consensusReviewers, reviewDocument, reviewGroups, stripMarks, type DocumentReview, type ReviewInput, type StripMark } from "./review";
export { attributeValue, labelledSpans, mergeExtents, spanCodingTable, unitizingStudy, type AgreementDocument } from "./agreement-inputs";
export { documentMeasures, SCOPES, type AgreementScope, type DocumentMeasures } from "./document-agreement";
export {
  AgreementAccumulator,
  computeProjectAgreement,
  QUOTE_ATTRIBUTES,
  type AttributeAgreement,
  type DocumentAgreement,
  type MeasureRow,
  type PairAgreement,
  type ProjectAgreement,
  type QuoteAttribute,
} from "./project-agreement";
export { ratingsAgreement, type OutletRating, type RatingAgreement } from "./ratings-agreement";
export { isGold, type GoldCounts } from "./status";
export { progressSummary, reviewProgress, type ReviewProgress, type ReviewProgressInput, type ReviewProgressState } from "./progress";
export { formatMeasure, measured, notEnoughData, type MeasureValue } from "./values";
