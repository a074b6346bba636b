import { checkCodingTable, countCategories, unitValues, type CodingTable } from "./coding-table";
import { undefinedMeasure, type Measured } from "./result";

/**
 * Raw agreement, not corrected for chance. For each unit coded by at least two coders, the share
 * of coder pairs that chose the same value; then the mean over those units. With two coders this
 * is the familiar "share of units both coded alike" (Po); with more it is Fleiss' mean P_i.
 */
export type PercentAgreementResult = Measured<{
  /** Units coded by at least two coders; only these are compared. */
  readonly items: number;
}>;

export function percentAgreement(table: CodingTable): PercentAgreementResult {
  const unitCount = checkCodingTable(table, "Percent agreement");
  let sum = 0;
  let items = 0;
  for (let unit = 0; unit < unitCount; unit++) {
    const values = unitValues(table, unit);
    const m = values.length;
    if (m < 2) continue;
    let agreeingPairs = 0;
    for (const n of countCategories(values).values()) agreeingPairs += n * (n - 1);
    sum += agreeingPairs / (m * (m - 1));
    items++;
  }
  if (items === 0) {
    return undefinedMeasure("not enough data", "Percent agreement needs at least one unit coded by two or more coders.");
  }
  return { ok: true, value: sum / items, items };
}
