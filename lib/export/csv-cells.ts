// RFC 4180 cells and rows. Values are written exactly as stored: no trimming and no escaping of
// leading "=", "+", "-" or "@" (the spreadsheet "formula injection" guard), because that would
// change the text and break the corpus round trip. Open untrusted exports with care.

/** Starts every file: a spreadsheet then reads UTF-8, so Arabic and emoji open intact. */
export const BOM = "\uFEFF";

/** RFC 4180 line end. */
export const CRLF = "\r\n";

export type CellValue = string | number | boolean | null | undefined;

// A field needs quotes when it holds the separator, a quote or a line break.
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: empty for null, quoted (quotes doubled) when it must be. */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRow(values: readonly CellValue[]): string {
  return values.map(csvCell).join(",") + CRLF;
}
