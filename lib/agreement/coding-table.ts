/**
 * Shared input shape of the coding measures (α, κ, π, S, percent agreement): coders as rows,
 * units as columns, `null` where a coder did not code a unit. This is the layout of the
 * `krippendorff` Python package's `reliability_data` and of the published examples.
 */

export type CodedValue = string | number | null;

/** `table[coder][unit]`; every row must have the same length. */
export type CodingTable = ReadonlyArray<ReadonlyArray<CodedValue>>;

/** A category as coded: a label or a number. Strings and numbers never compare equal ("1" ≠ 1). */
export type Category = string | number;

/**
 * Throws unless the table is well formed; returns the number of units (columns).
 * Malformed input is a programming error, not an undefined measure, hence an exception.
 */
export function checkCodingTable(table: CodingTable, measure: string): number {
  if (!Array.isArray(table)) {
    throw new Error(`${measure}: expected an array of coders, each an array of values.`);
  }
  const unitCount = table[0]?.length ?? 0;
  table.forEach((row, coder) => {
    if (!Array.isArray(row)) {
      throw new Error(`${measure}: coder ${coder} is not an array of values.`);
    }
    if (row.length !== unitCount) {
      throw new Error(
        `${measure}: coder ${coder} has ${row.length} values but coder 0 has ${unitCount}; ` +
          "every coder needs one entry per unit (use null for a unit they did not code).",
      );
    }
    row.forEach((value, unit) => checkValue(value, measure, coder, unit));
  });
  return unitCount;
}

function checkValue(value: unknown, measure: string, coder: number, unit: number): void {
  if (value === null || typeof value === "string") return;
  if (typeof value === "number" && Number.isFinite(value)) return;
  throw new Error(`${measure}: coder ${coder}, unit ${unit} holds ${String(value)}; ` + "values must be strings, finite numbers or null.");
}

/** The non-missing values of one unit, in coder order. */
export function unitValues(table: CodingTable, unit: number): Category[] {
  const values: Category[] = [];
  for (const row of table) {
    const value = row[unit];
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** How often each category occurs in `values`, in first-seen order. */
export function countCategories(values: Iterable<Category>): Map<Category, number> {
  const counts = new Map<Category, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** A stable order for reporting categories: numbers ascending, then strings by code unit. */
export function compareCategories(a: Category, b: Category): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
