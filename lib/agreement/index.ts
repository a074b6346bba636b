/**
 * Inter-annotator agreement: pure functions over plain data, each checked against published
 * values (the published test vectors live in tests/unit/agreement).
 *
 * Every coefficient returns `{ ok: true, value, … } | { ok: false, reason, message }`; malformed
 * input (ragged tables, units outside the continuum, …) throws an Error instead.
 */
export type { Measured, UndefinedMeasure, UndefinedReason } from "./result";
export type { Category, CodedValue, CodingTable } from "./coding-table";

export { krippendorffAlpha } from "./krippendorff-alpha";
export type { AlphaOptions, AlphaResult } from "./krippendorff-alpha";
export { ALPHA_LEVELS } from "./alpha-metrics";
export type { AlphaLevel } from "./alpha-metrics";

export { bennettS, cohenKappa, scottPi } from "./two-coder";
export type { BennettOptions, TwoCoderResult } from "./two-coder";
export { percentAgreement } from "./percent-agreement";
export type { PercentAgreementResult } from "./percent-agreement";
export { fleissKappa } from "./fleiss-kappa";
export type { CategoryKappa, FleissResult, RatingsPerItem } from "./fleiss-kappa";

export { unitizingAlpha } from "./unitizing/alpha";
export type { LabelUnitizingAlpha, UnitizingAlpha, UnitizingResult } from "./unitizing/alpha";
export { unitizingDistance } from "./unitizing/disagreement";
export type { Segment, UnitizingStudy, UnitizingUnit } from "./unitizing/study";

export { exactSpanF1, partialSpanF1 } from "./span-f1";
export type { LabelledSpan, SpanF1Result } from "./span-f1";
