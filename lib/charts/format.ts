// How a table under a chart reads and sorts on the page (browser-safe: no jsdom here). The CSV
// keeps the raw number; the page rounds counts (a pooled layer's counts are means) and shows
// shares as percentages.
import type { TableColumn } from "@/lib/compare/tables";

export function formatCell(value: string | number | null, column: TableColumn): string {
  if (value === null || value === "") return "—";
  if (typeof value === "string") return value;
  if (column.share === true) return `${(value * 100).toLocaleString("en", { maximumFractionDigits: 1 })} %`;
  return value.toLocaleString("en", { maximumFractionDigits: 2 });
}

/** Sorts nulls last in either direction, numbers as numbers and text as people read it. */
export function compareCells(a: string | number | null, b: string | number | null): number {
  if (a === null || a === "") return b === null || b === "" ? 0 : 1;
  if (b === null || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
}

export type SortDirection = "ascending" | "descending";

/**
 * Row indexes in display order: by one column, ties kept in their original order, and empty
 * cells last whichever way the column is sorted (an unknown is never "the smallest").
 */
export function sortedRowIndexes(rows: readonly (readonly (string | number | null)[])[], column: number, direction: SortDirection): number[] {
  const sign = direction === "ascending" ? 1 : -1;
  return rows
    .map((_, i) => i)
    .sort((a, b) => {
      const x = rows[a]![column] ?? null;
      const y = rows[b]![column] ?? null;
      const empty = (v: string | number | null): boolean => v === null || v === "";
      if (empty(x) || empty(y)) return compareCells(x, y) || a - b;
      return sign * compareCells(x, y) || a - b;
    });
}
