"use client";
// A table anyone can sort: each column header is a button (Enter or Space), the sorted column
// says so with aria-sort, and a second press reverses the order. Wide tables scroll inside
// their own focusable region, so the page never scrolls sideways.
import Link from "next/link";
import { useMemo, useState, type ReactNode } from "react";
import type { Table } from "@/lib/compare/tables";
import { formatCell, sortedRowIndexes, type SortDirection } from "@/lib/charts/format";
import { TableRegion } from "@/app/table-region";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

interface SortableTableProps {
  table: Table;
  caption: string;
  /** Per row and column (in the table's original row order): a link for that cell, if any. */
  links?: (string | null)[][];
  /** Per row and column: a short line under the value (e.g. a cell's quote modes). */
  notes?: (string | null)[][];
}

export function SortableTable({ table, caption, links, notes }: SortableTableProps): ReactNode {
  const [sort, setSort] = useState<{ column: number; direction: SortDirection } | null>(null);
  const order = useMemo(() => (sort === null ? table.rows.map((_, i) => i) : sortedRowIndexes(table.rows, sort.column, sort.direction)), [table, sort]);
  const press = (column: number): void =>
    setSort((s) => ({ column, direction: s?.column === column && s.direction === "ascending" ? "descending" : "ascending" }));

  return (
    <TableRegion label={caption}>
      <table className="table compare-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined} aria-sort={sort?.column === i ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => press(i)}>
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort?.column === i ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕"}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((r) => (
            <tr key={r}>
              {table.columns.map((c, i) => {
                const value = table.rows[r]![i] ?? null;
                const text = formatCell(value, c);
                // A date never breaks across lines; numbers are kept whole by the "num" class.
                const cls = c.numeric ? "num" : typeof value === "string" && ISO_DAY.test(value) ? "nowrap" : undefined;
                const href = links?.[r]?.[i] ?? null;
                const note = notes?.[r]?.[i] ?? null;
                const content = (
                  <>
                    {href === null ? text : <Link href={href}>{text}</Link>}
                    {note === null ? null : (
                      <>
                        {" "}
                        <span className="cell-note">{note}</span>
                      </>
                    )}
                  </>
                );
                return i === 0 ? (
                  <th key={c.key} scope="row" className={cls}>
                    {content}
                  </th>
                ) : (
                  <td key={c.key} className={cls}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
