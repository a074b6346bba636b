import { rational, type Rational } from "./rational";
import { tile, unitsByRater, type Segment, type UnitizingStudy } from "./study";

/**
 * Observed and expected disagreement of unitizing α for one label, following Krippendorff (1995;
 * 2004, section 12.4) as DKPro Statistics' KrippendorffAlphaUnitizingAgreement computes it.
 */

/**
 * δ² between two raters' segments that overlap:
 * - two units: squared difference of their begins plus squared difference of their ends;
 * - a unit lying wholly inside the other rater's gap: the unit's squared length (fully missed);
 * - anything else, including a unit only partly in a gap, or two gaps: 0, because the partial
 *   mismatch is already counted where the unit meets the other rater's overlapping unit.
 */
export function unitizingDistance(a: Segment, b: Segment): number {
  const beginDiff = a.offset - b.offset;
  const endDiff = a.offset + a.length - (b.offset + b.length);
  const aIsUnit = a.label !== null;
  const bIsUnit = b.label !== null;
  if (aIsUnit && bIsUnit) {
    const overlap = -a.length < beginDiff && beginDiff < b.length;
    return overlap ? beginDiff ** 2 + endDiff ** 2 : 0;
  }
  if (aIsUnit && !bIsUnit && beginDiff >= 0 && endDiff <= 0) return a.length ** 2;
  if (!aIsUnit && bIsUnit && beginDiff <= 0 && endDiff >= 0) return b.length ** 2;
  return 0;
}

/** Do_c = 2 · Σ_pairs Σ δ² / (R(R−1)L²), summing δ² over every overlapping pair of segments. */
export function observedDisagreement(study: UnitizingStudy, label: string): Rational {
  const tilings = unitsByRater(study, label).map((units) => tile(study, units));
  let sum = 0n;
  for (let r1 = 0; r1 < tilings.length; r1++) {
    for (let r2 = r1 + 1; r2 < tilings.length; r2++) {
      sum += pairDisagreement(tilings[r1]!, tilings[r2]!);
    }
  }
  const R = BigInt(study.raters);
  const L = BigInt(study.length);
  return rational(2n * sum, R * (R - 1n) * L * L);
}

/** Walks two tilings side by side; each overlapping pair of segments is compared once. */
function pairDisagreement(first: readonly Segment[], second: readonly Segment[]): bigint {
  let sum = 0n;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const a = first[i]!;
    const b = second[j]!;
    sum += BigInt(unitizingDistance(a, b));
    const endA = a.offset + a.length;
    const endB = b.offset + b.length;
    if (endA <= endB) i++;
    if (endB <= endA) j++;
  }
  return sum;
}

/**
 * De_c: the mean δ² over all ways of placing the observed units of the label in the observed
 * gaps, normalised as in DKPro Statistics:
 *   De_c = (2/L) · Σ_units [ (N_c − 1)·l(l−1)(2l−1)/3 + l² · Σ_{gaps g ≥ l} (g − l + 1) ]
 *          / (R·L·(R·L − 1) − Σ_units l(l−1))
 */
export function expectedDisagreement(study: UnitizingStudy, label: string): Rational {
  const byRater = unitsByRater(study, label);
  const units = byRater.flat();
  const gapLengths = byRater.flatMap((own) =>
    tile(study, own)
      .filter((segment) => segment.label === null)
      .map((gap) => gap.length),
  );
  const fits = gapFitter(gapLengths);
  const others = BigInt(units.length - 1);
  let sum = 0n;
  let squaredLengths = 0n;
  for (const unit of units) {
    const l = BigInt(unit.length);
    // l(l−1)(2l−1) = 6·Σ_{k<l} k², so the division by 3 is exact.
    sum += (others * l * (l - 1n) * (2n * l - 1n)) / 3n + l * l * fits(unit.length);
    squaredLengths += l * (l - 1n);
  }
  const R = BigInt(study.raters);
  const L = BigInt(study.length);
  return rational(2n * sum, L * (R * L * (R * L - 1n) - squaredLengths));
}

/** Σ_{g ≥ l} (g − l + 1) over all gaps: how many positions a unit of length l could take in them. */
function gapFitter(gapLengths: readonly number[]): (l: number) => bigint {
  const sorted = [...gapLengths].sort((a, b) => b - a);
  // total[k] = sum of the k longest gaps, so any threshold l costs one binary search.
  const total = [0n];
  for (const g of sorted) total.push(total[total.length - 1]! + BigInt(g));
  return (l) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! >= l) lo = mid + 1;
      else hi = mid;
    }
    return total[lo]! - BigInt(lo) * BigInt(l - 1);
  };
}
