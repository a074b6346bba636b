import { countCategories, unitValues, type Category, type CodingTable } from "./coding-table";

/**
 * Krippendorff's coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability", section C). Every ordered pair of values that two different coders gave
 * the same unit adds 1/(m_u − 1) to o[c][k], where m_u is how many coders coded that unit.
 * Units coded by fewer than two coders are not pairable and contribute nothing.
 */
export interface Coincidences {
  /** The categories, in the order the rows and columns of `matrix` use. */
  readonly values: readonly Category[];
  readonly matrix: readonly (readonly number[])[];
  /** n_c: row sums of the matrix, i.e. how many pairable values are c. */
  readonly totals: readonly number[];
  /** n: the number of pairable values. */
  readonly total: number;
}

/** `values` fixes the row order (it matters for the ordinal metric); it must hold every coded value. */
export function buildCoincidences(table: CodingTable, unitCount: number, values: readonly Category[]): Coincidences {
  const index = new Map(values.map((value, i) => [value, i] as const));
  const matrix = values.map(() => values.map(() => 0));
  for (let unit = 0; unit < unitCount; unit++) {
    const coded = unitValues(table, unit);
    if (coded.length < 2) continue;
    addUnit(matrix, index, countCategories(coded), coded.length);
  }
  const totals = matrix.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const total = totals.reduce((sum, n) => sum + n, 0);
  return { values, matrix, totals, total };
}

function addUnit(matrix: number[][], index: ReadonlyMap<Category, number>, counts: ReadonlyMap<Category, number>, coderCount: number): void {
  // Counting pairs per category instead of per coder pair keeps a unit O(categories²).
  for (const [c, nc] of counts) {
    const row = matrix[indexOf(index, c)]!;
    for (const [k, nk] of counts) {
      const pairs = c === k ? nc * (nc - 1) : nc * nk;
      row[indexOf(index, k)]! += pairs / (coderCount - 1);
    }
  }
}

function indexOf(index: ReadonlyMap<Category, number>, value: Category): number {
  const i = index.get(value);
  if (i === undefined) throw new Error(`Value ${JSON.stringify(value)} is missing from the value list.`);
  return i;
}
