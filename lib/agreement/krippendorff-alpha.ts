import { ALPHA_LEVELS, orderValues, squaredDistances, type AlphaLevel } from "./alpha-metrics";
import { buildCoincidences } from "./coincidence";
import { checkCodingTable, type Category, type CodingTable } from "./coding-table";
import { undefinedMeasure, type Measured } from "./result";

export interface AlphaOptions {
  /** Level of measurement; defaults to nominal. */
  readonly level?: AlphaLevel;
  /** Every admissible value, in rank order. Required for ordinal data coded as strings. */
  readonly valueDomain?: readonly Category[];
}

/**
 * α = 1 − Do/De. Do: mean difference between values paired within units. De: mean difference
 * between any two pairable values, i.e. what coders would show if they coded at random with the
 * same overall distribution of values.
 */
export type AlphaResult = Measured<{
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
  /** n: values in units that at least two coders coded; only these enter α. */
  readonly pairableValues: number;
}>;

/**
 * Krippendorff's alpha over a coders × units table with missing values (`null`), computed from
 * the coincidence matrix as in Krippendorff (2011) and the `krippendorff` Python package.
 */
export function krippendorffAlpha(table: CodingTable, options: AlphaOptions = {}): AlphaResult {
  const level = options.level ?? "nominal";
  if (!ALPHA_LEVELS.includes(level)) {
    throw new Error(`Krippendorff's alpha: unknown level ${JSON.stringify(level)}.`);
  }
  const unitCount = checkCodingTable(table, "Krippendorff's alpha");
  const observed = distinctValues(table);
  const values = orderValues(observed, level, options.valueDomain);
  const { matrix, totals, total } = buildCoincidences(table, unitCount, values);

  if (total === 0) {
    return undefinedMeasure("not enough data", "Krippendorff's alpha needs at least one unit coded by two or more coders.");
  }
  const delta = squaredDistances(level, values, totals);
  let observedSum = 0;
  let expectedSum = 0;
  totals.forEach((nc, c) => {
    totals.forEach((nk, k) => {
      const d = delta[c]![k]!;
      observedSum += matrix[c]![k]! * d;
      expectedSum += nc * nk * d;
    });
  });
  const observedDisagreement = observedSum / total;
  const expectedDisagreement = expectedSum / (total * (total - 1));
  if (expectedDisagreement === 0) {
    return undefinedMeasure("no variation", "Krippendorff's alpha is undefined when every pairable value is the same (no expected disagreement).");
  }
  return {
    ok: true,
    value: 1 - observedDisagreement / expectedDisagreement,
    observedDisagreement,
    expectedDisagreement,
    pairableValues: total,
  };
}

/** Values seen only in unpairable units get n_c = 0 in the coincidences, so they cannot change α. */
function distinctValues(table: CodingTable): Category[] {
  const seen = new Set<Category>();
  for (const row of table) {
    for (const value of row) if (value !== null) seen.add(value);
  }
  return [...seen];
}
