import { checkCodingTable, countCategories, type Category, type CodingTable } from "./coding-table";
import { chanceCorrected, undefinedMeasure, type Measured } from "./result";

/**
 * Chance-corrected agreement between exactly two coders (Artstein & Poesio 2008, section 2).
 * All three share Po and differ only in the chance model behind Pe:
 * - Bennett's S: every category equally likely;
 * - Scott's π: both coders share one distribution, estimated from their pooled codes;
 * - Cohen's κ: each coder has their own distribution.
 * Units that either coder left out (`null`) are skipped.
 */
export type TwoCoderResult = Measured<{
  readonly observedAgreement: number;
  readonly expectedAgreement: number;
  /** Units coded by both coders; only these are compared. */
  readonly items: number;
}>;

export interface BennettOptions {
  /**
   * The full category set offered to coders. S depends on how many categories there are, not
   * only on those used, so pass it when some were never chosen.
   */
  readonly categories?: readonly Category[];
}

interface PairedCodes {
  readonly items: number;
  readonly observedAgreement: number;
  readonly first: ReadonlyMap<Category, number>;
  readonly second: ReadonlyMap<Category, number>;
}

export function cohenKappa(table: CodingTable): TwoCoderResult {
  return twoCoderMeasure(table, "Cohen's kappa", (codes) => sumOver(codes, (c) => share(codes.first, c, codes.items) * share(codes.second, c, codes.items)));
}

export function scottPi(table: CodingTable): TwoCoderResult {
  return twoCoderMeasure(table, "Scott's pi", (codes) =>
    sumOver(codes, (c) => {
      const pooled = ((codes.first.get(c) ?? 0) + (codes.second.get(c) ?? 0)) / (2 * codes.items);
      return pooled * pooled;
    }),
  );
}

export function bennettS(table: CodingTable, options: BennettOptions = {}): TwoCoderResult {
  return twoCoderMeasure(table, "Bennett's S", (codes) => {
    const used = categoriesOf(codes);
    if (options.categories === undefined) return 1 / used.size;
    const offered = new Set(options.categories);
    for (const category of used) {
      if (!offered.has(category)) {
        throw new Error(`Bennett's S: value ${JSON.stringify(category)} is not in categories.`);
      }
    }
    return 1 / offered.size;
  });
}

function twoCoderMeasure(table: CodingTable, measure: string, expected: (codes: PairedCodes) => number): TwoCoderResult {
  const codes = pairCodes(table, measure);
  if (codes.items === 0) {
    return undefinedMeasure("not enough data", `${measure} needs at least one unit coded by both coders.`);
  }
  const expectedAgreement = expected(codes);
  if (expectedAgreement >= 1) {
    return undefinedMeasure("no variation", `${measure} is undefined when only one category is in play (expected agreement is 1).`);
  }
  return {
    ok: true,
    value: chanceCorrected(codes.observedAgreement, expectedAgreement),
    observedAgreement: codes.observedAgreement,
    expectedAgreement,
    items: codes.items,
  };
}

function pairCodes(table: CodingTable, measure: string): PairedCodes {
  const unitCount = checkCodingTable(table, measure);
  if (table.length !== 2) {
    throw new Error(`${measure} compares exactly two coders, got ${table.length}; ` + "use Fleiss' kappa or Krippendorff's alpha for more.");
  }
  const first: Category[] = [];
  const second: Category[] = [];
  let agreements = 0;
  for (let unit = 0; unit < unitCount; unit++) {
    const a = table[0]![unit];
    const b = table[1]![unit];
    if (a === null || a === undefined || b === null || b === undefined) continue;
    first.push(a);
    second.push(b);
    if (a === b) agreements++;
  }
  const items = first.length;
  return {
    items,
    observedAgreement: items === 0 ? 0 : agreements / items,
    first: countCategories(first),
    second: countCategories(second),
  };
}

function categoriesOf(codes: PairedCodes): Set<Category> {
  return new Set([...codes.first.keys(), ...codes.second.keys()]);
}

function sumOver(codes: PairedCodes, term: (category: Category) => number): number {
  let sum = 0;
  for (const category of categoriesOf(codes)) sum += term(category);
  return sum;
}

function share(counts: ReadonlyMap<Category, number>, category: Category, items: number): number {
  return (counts.get(category) ?? 0) / items;
}
