import { compareCategories, countCategories, type Category } from "./coding-table";
import { chanceCorrected, undefinedMeasure, type Measured } from "./result";

/**
 * Fleiss' (1971) kappa: a fixed number n of ratings per item, from any raters (they need not be
 * the same people across items). Like Scott's π it assumes one category distribution shared by
 * all raters; with n = 2 it equals π.
 */

/** `items[i]` holds the n ratings item i received; n must be the same for every item. */
export type RatingsPerItem = ReadonlyArray<ReadonlyArray<Category>>;

export type CategoryKappa = {
  readonly category: Category;
  readonly result: Measured<{
    /** p_j: share of all ratings that went to this category. */
    readonly proportion: number;
  }>;
};

export type FleissResult = Measured<{
  /** Po: mean over items of the share of rater pairs that agree (P̄). */
  readonly observedAgreement: number;
  /** Pe: Σ p_j², agreement expected from the pooled category distribution. */
  readonly expectedAgreement: number;
  readonly items: number;
  readonly ratingsPerItem: number;
  /** κ_j per category, as DKPro Statistics' FleissKappaAgreement computes it. */
  readonly perCategory: readonly CategoryKappa[];
}>;

export function fleissKappa(items: RatingsPerItem): FleissResult {
  const n = checkRatings(items);
  if (items.length === 0 || n < 2) {
    return undefinedMeasure("not enough data", "Fleiss' kappa needs at least one item with two or more ratings.");
  }
  const perItem = items.map((ratings) => countCategories(ratings));
  const totals = countCategories(items.flat());
  const ratingCount = items.length * n;

  let observedSum = 0;
  for (const counts of perItem) {
    let agreeingPairs = 0;
    for (const nij of counts.values()) agreeingPairs += nij * (nij - 1);
    observedSum += agreeingPairs / (n * (n - 1));
  }
  const observedAgreement = observedSum / items.length;
  let expectedAgreement = 0;
  for (const total of totals.values()) expectedAgreement += (total / ratingCount) ** 2;
  if (expectedAgreement >= 1) {
    return undefinedMeasure("no variation", "Fleiss' kappa is undefined when every rating is the same category (expected agreement is 1).");
  }
  const categories = [...totals.keys()].sort(compareCategories);
  return {
    ok: true,
    value: chanceCorrected(observedAgreement, expectedAgreement),
    observedAgreement,
    expectedAgreement,
    items: items.length,
    ratingsPerItem: n,
    perCategory: categories.map((category) => ({
      category,
      result: categoryKappa(perItem, category, n),
    })),
  };
}

/**
 * Category-specific kappa in DKPro Statistics' form: P_j = (Σ_i n_ij² − N·n·p_j) / (N·n·(n−1)·p_j)
 * is the chance that a second rating of an item is j given that one is, and
 * κ_j = (P_j − p_j) / (1 − p_j). It differs slightly from the values printed in Fleiss (1971).
 */
function categoryKappa(perItem: readonly ReadonlyMap<Category, number>[], category: Category, n: number): CategoryKappa["result"] {
  let sum = 0;
  let sumOfSquares = 0;
  for (const counts of perItem) {
    const nij = counts.get(category) ?? 0;
    sum += nij;
    sumOfSquares += nij * nij;
  }
  const ratingCount = perItem.length * n;
  const proportion = sum / ratingCount;
  // Unreachable for categories taken from the ratings while overall Pe < 1; kept so a change of
  // caller cannot turn a 0/0 into NaN.
  if (proportion === 0 || proportion === 1) {
    return undefinedMeasure("no variation", `Fleiss' kappa for ${JSON.stringify(category)} is undefined: all ratings or none used it.`);
  }
  const conditional = (sumOfSquares - ratingCount * proportion) / (ratingCount * (n - 1) * proportion);
  return { ok: true, value: (conditional - proportion) / (1 - proportion), proportion };
}

/** Returns n, the ratings per item; throws on malformed input. */
function checkRatings(items: RatingsPerItem): number {
  if (!Array.isArray(items)) throw new Error("Fleiss' kappa: expected an array of items.");
  const n = items[0]?.length ?? 0;
  items.forEach((ratings, i) => {
    if (!Array.isArray(ratings) || ratings.length !== n) {
      throw new Error(
        `Fleiss' kappa: item ${i} has ${Array.isArray(ratings) ? ratings.length : "no"} ratings but ` +
          `item 0 has ${n}; every item needs the same number (use Krippendorff's alpha for missing ratings).`,
      );
    }
    for (const rating of ratings) {
      if (typeof rating !== "string" && !(typeof rating === "number" && Number.isFinite(rating))) {
        throw new Error(`Fleiss' kappa: item ${i} has rating ${String(rating)}; use strings or finite numbers.`);
      }
    }
  });
  return n;
}
