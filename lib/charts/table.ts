// The table under a chart is a slice of lib/compare's tables (the same rows the CSV serves), so
// a chart, its table and its download can never disagree: we only choose columns and rows.
import type { Table } from "@/lib/compare/tables";

/**
 * The columns named by `keys`, in that order (a key the table lacks is skipped). A column
 * listed in `dropIfEmpty` is left out when it is zero or empty in every row: a category that
 * never occurs says nothing.
 */
export function pickColumns(t: Table, title: string, keys: readonly string[], dropIfEmpty: readonly string[] = []): Table {
  const drop = new Set(dropIfEmpty);
  const indexes = keys
    .map((key) => t.columns.findIndex((c) => c.key === key))
    .filter((i) => i >= 0)
    .filter((i) => !drop.has(t.columns[i]!.key) || t.rows.some((row) => row[i] !== null && row[i] !== 0 && row[i] !== ""));
  return { title, columns: indexes.map((i) => t.columns[i]!), rows: t.rows.map((row) => indexes.map((i) => row[i] ?? null)) };
}

/** The same table with only the rows `keep` accepts. */
export function pickRows(t: Table, title: string, keep: (row: Table["rows"][number], index: number) => boolean): Table {
  return { title, columns: t.columns, rows: t.rows.filter(keep) };
}

/** The index of a column by key, or -1. */
export function columnIndex(t: Table, key: string): number {
  return t.columns.findIndex((c) => c.key === key);
}
