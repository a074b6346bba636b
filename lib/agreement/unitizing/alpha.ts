import { undefinedMeasure, type Measured } from "../result";
import { expectedDisagreement, observedDisagreement } from "./disagreement";
import { add, divide, isZero, rational, subtract, toNumber, type Rational } from "./rational";
import { checkStudy, labelsOf, type UnitizingStudy } from "./study";

/** α_u = 1 − Do/De, with Do and De as in `disagreement.ts`. */
export type UnitizingResult = Measured<{
  readonly observedDisagreement: number;
  readonly expectedDisagreement: number;
}>;

export interface LabelUnitizingAlpha {
  readonly label: string;
  /** Units of this label across all raters. */
  readonly units: number;
  readonly result: UnitizingResult;
}

export interface UnitizingAlpha {
  /** DKPro's overall α_u: 1 − mean(Do_c) / mean(De_c) over the labels that occur. */
  readonly overall: UnitizingResult;
  /** One entry per label that occurs, sorted by label. */
  readonly perLabel: readonly LabelUnitizingAlpha[];
}

/**
 * Krippendorff's unitizing alpha (1995/2004) as DKPro Statistics implements it, per label and
 * overall. Throws on malformed input (see `checkStudy`); returns an undefined result instead of
 * NaN when there are fewer than two raters, no units, or no expected disagreement.
 */
export function unitizingAlpha(study: UnitizingStudy): UnitizingAlpha {
  checkStudy(study);
  if (study.raters < 2) {
    const result = undefinedMeasure("not enough data", "Unitizing alpha needs at least two raters.");
    return { overall: result, perLabel: labelsOf(study).map((label) => perLabel(study, label, result)) };
  }
  const labels = labelsOf(study);
  if (labels.length === 0) {
    return {
      overall: undefinedMeasure("not enough data", "Unitizing alpha is undefined: no rater marked any unit."),
      perLabel: [],
    };
  }
  let observedSum = rational(0n);
  let expectedSum = rational(0n);
  const results = labels.map((label) => {
    const observed = observedDisagreement(study, label);
    const expected = expectedDisagreement(study, label);
    observedSum = add(observedSum, observed);
    expectedSum = add(expectedSum, expected);
    return perLabel(study, label, alphaFrom(observed, expected, `label "${label}"`));
  });
  const count = rational(BigInt(labels.length));
  const overall = alphaFrom(divide(observedSum, count), divide(expectedSum, count), "all labels");
  return { overall, perLabel: results };
}

function perLabel(study: UnitizingStudy, label: string, result: UnitizingResult): LabelUnitizingAlpha {
  const units = study.units.filter((unit) => unit.label === label).length;
  return { label, units, result };
}

/**
 * De = 0 only when every rater tiles the whole continuum with the same length-1 units, so Do = 0
 * too; DKPro reports 0.0 there, but 0/0 says nothing about reliability, so we report it undefined.
 */
function alphaFrom(observed: Rational, expected: Rational, scope: string): UnitizingResult {
  if (isZero(expected)) {
    return undefinedMeasure("no variation", `Unitizing alpha for ${scope} is undefined: there is no expected disagreement.`);
  }
  return {
    ok: true,
    value: toNumber(subtract(rational(1n), divide(observed, expected))),
    observedDisagreement: toNumber(observed),
    expectedDisagreement: toNumber(expected),
  };
}
