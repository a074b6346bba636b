// A Table as CSV (RFC 4180: comma-separated, CRLF line ends, quotes doubled inside quoted
// fields; numbers as JavaScript writes them, unrounded; null as an empty field). No BOM: the
// route that serves the file adds one (lib/export/csv-cells BOM) so spreadsheets read UTF-8.
//
// Unlike the corpus exports, these cells are for spreadsheets only and never re-imported, so a
// text cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR;
// OWASP's "CSV injection") gets a leading apostrophe. An outlet named "=HYPERLINK(…)" then
// shows as text instead of running. Numbers are never touched: −2 stays the number -2.
import { csvCell, CRLF } from "@/lib/export/csv-cells";
import type { Table } from "./tables";

const FORMULA_START = /^[=+\-@\t\r]/;

export function defuseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cell(value: string | number | null): string {
  return typeof value === "string" ? csvCell(defuseFormula(value)) : csvCell(value);
}

export function tableToCsv(t: Table): string {
  const lines = [t.columns.map((c) => cell(c.label)).join(",")];
  for (const row of t.rows) lines.push(row.map(cell).join(","));
  return lines.join(CRLF) + CRLF;
}
