import type { Category } from "./coding-table";

/**
 * The difference functions δ²(c, k) of Krippendorff's alpha (Krippendorff 2011, section E),
 * and the value ordering each needs.
 */
export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

export const ALPHA_LEVELS: readonly AlphaLevel[] = ["nominal", "ordinal", "interval", "ratio"];

/**
 * Puts the observed values in the order the metric needs and rejects values the metric cannot
 * measure. Ordinal ranks come from `domain` when given (needed for string scales such as
 * "low" < "mid" < "high"), otherwise from numeric order.
 */
export function orderValues(observed: readonly Category[], level: AlphaLevel, domain: readonly Category[] | undefined): Category[] {
  if (domain !== undefined) return orderByDomain(observed, domain);
  if (level === "nominal") return [...observed];
  const numbers = observed.map((value) => {
    if (typeof value === "number") return value;
    const hint = level === "ordinal" ? " or pass valueDomain to rank them" : "";
    throw new Error(`Krippendorff's alpha (${level}): value ${JSON.stringify(value)} is not a number${hint}.`);
  });
  if (level === "ratio" && numbers.some((n) => n < 0)) {
    throw new Error("Krippendorff's alpha (ratio): ratio values cannot be negative.");
  }
  return numbers.sort((a, b) => a - b);
}

function orderByDomain(observed: readonly Category[], domain: readonly Category[]): Category[] {
  const known = new Set(domain);
  for (const value of observed) {
    if (!known.has(value)) {
      throw new Error(`Krippendorff's alpha: value ${JSON.stringify(value)} is not in valueDomain.`);
    }
  }
  const present = new Set(observed);
  return domain.filter((value) => present.has(value));
}

/**
 * δ²(c, k) for every pair of `values` (already in metric order). `totals` are the n_c of the
 * coincidence matrix; only the ordinal metric uses them, because ordinal distance counts how
 * many pairable values lie between two ranks.
 */
export function squaredDistances(level: AlphaLevel, values: readonly Category[], totals: readonly number[]): number[][] {
  if (level === "ordinal") return ordinalDistances(totals);
  return values.map((c) => values.map((k) => pointDistance(level, c, k)));
}

function pointDistance(level: Exclude<AlphaLevel, "ordinal">, c: Category, k: Category): number {
  if (c === k) return 0;
  if (level === "nominal") return 1;
  const a = c as number;
  const b = k as number;
  if (level === "interval") return (a - b) ** 2;
  // Ratio: with non-negative values a + b = 0 only when a = b = 0, handled above.
  return ((a - b) / (a + b)) ** 2;
}

function ordinalDistances(totals: readonly number[]): number[][] {
  // prefix[i] = n_0 + … + n_(i−1), so the sum of n_g for g in [c, k] is prefix[k+1] − prefix[c].
  const prefix = [0];
  for (const n of totals) prefix.push(prefix[prefix.length - 1]! + n);
  return totals.map((nc, c) =>
    totals.map((nk, k) => {
      const lo = Math.min(c, k);
      const hi = Math.max(c, k);
      const between = prefix[hi + 1]! - prefix[lo]!;
      return (between - (nc + nk) / 2) ** 2;
    }),
  );
}
