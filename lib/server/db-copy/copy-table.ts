// One table from SQLite into PostgreSQL, a page at a time, in primary-key order. Values go
// through the two drizzle schemas unchanged: a Date stays a Date (timestamp_ms → timestamptz(3)),
// a boolean a boolean, parsed JSON is written as jsonb, a REAL as double precision.
import { getTableColumns, sql } from "drizzle-orm";
import { CopyError } from "./errors";
import { PAGE_ROWS, type Row, type SourceDb, sqlitePages, type Target, type TargetDb } from "./rows";
import type { CopyTable } from "./tables";

// PostgreSQL's wire protocol counts bind parameters in 16 bits: one INSERT may carry at most
// 65,535 values, so a wide table gets fewer rows per statement.
const MAX_PARAMETERS = 65_535;

export const rowsPerInsert = (table: CopyTable): number => Math.min(PAGE_ROWS, Math.floor(MAX_PARAMETERS / table.keys.length));

/** PostgreSQL's text and jsonb cannot hold U+0000; true when the value (or a JSON key) has one. */
function holdsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value as Record<string, unknown>).some(([key, inner]) => key.includes("\u0000") || holdsNul(inner));
  }
  return false;
}

/** "id 12", or "link_id 3, annotation_id 7": a row as a person finds it with SQL. */
export function describeRow(table: CopyTable, row: Row): string {
  const columns = getTableColumns(table.pg);
  return table.primaryKey.map((key) => `${columns[key]!.name} ${JSON.stringify(row[key])}`).join(", ");
}

function refuseNul(table: CopyTable, row: Row): void {
  const columns = getTableColumns(table.pg);
  for (const key of table.keys) {
    if (!holdsNul(row[key])) continue;
    throw new CopyError(
      `${table.name} row ${describeRow(table, row)}: column ${columns[key]!.name} holds the character U+0000 (NUL), which PostgreSQL cannot store in text or jsonb. ` +
        "Nothing was copied. The copy does not alter data: remove the character in the SQLite database, then copy again.",
    );
  }
}

interface LaterLink {
  row: Row;
  key: string;
  value: unknown;
}

/**
 * A row may point at a row of its own table that comes later in key order (a reply whose parent
 * has the larger id): that link is written as null first and set once every row is in, since
 * PostgreSQL checks a foreign key at the end of each statement.
 */
function holdBackLaterLinks(table: CopyTable, page: Row[], later: LaterLink[]): Row[] {
  if (table.selfReferences.length === 0) return page;
  const id = table.primaryKey[0]!;
  return page.map((row) => {
    const copy = { ...row };
    for (const key of table.selfReferences) {
      const value = row[key];
      if (value === null || (value as number) <= (row[id] as number)) continue;
      later.push({ row, key, value });
      copy[key] = null;
    }
    return copy;
  });
}

/** PostgreSQL's own reason: drizzle wraps it in an error that repeats the whole statement and its values. */
const reason = (error: unknown): string => {
  const { cause } = error as { cause?: unknown };
  return cause instanceof Error ? cause.message : (error as Error).message;
};

/**
 * The INSERT for `rows`, its values turned into driver values by each column's own drizzle
 * mapping (as drizzle's insert() would: a Date as ISO text, JSON as its text). The statement is
 * written here rather than by insert(), which spends ten times longer building a 500-row
 * statement than PostgreSQL takes to run it.
 */
function insertStatement(table: CopyTable, rows: Row[]): { text: string; values: unknown[] } {
  const columns = getTableColumns(table.pg);
  const width = table.keys.length;
  const names = table.keys.map((key) => `"${columns[key]!.name}"`).join(", ");
  const tuples = rows.map((_, r) => `(${table.keys.map((_, c) => `$${r * width + c + 1}`).join(", ")})`).join(", ");
  const values = rows.flatMap((row) =>
    table.keys.map((key) => (row[key] === null || row[key] === undefined ? null : columns[key]!.mapToDriverValue(row[key]))),
  );
  return { text: `insert into "${table.name}" (${names}) values ${tuples}`, values };
}

async function insert(target: Target, table: CopyTable, rows: Row[]): Promise<void> {
  try {
    const { text, values } = insertStatement(table, rows);
    await target.client.query(text, values);
  } catch (error) {
    const span = `${describeRow(table, rows[0]!)} to ${describeRow(table, rows[rows.length - 1]!)}`;
    throw new CopyError(`PostgreSQL refused rows ${span} of ${table.name}: ${reason(error)}. Nothing was copied.`);
  }
}

async function setLaterLink(target: TargetDb, table: CopyTable, { row, key, value }: LaterLink): Promise<void> {
  const id = table.primaryKey[0]!;
  try {
    await target
      .update(table.pg)
      .set({ [key]: value })
      .where(sql`${getTableColumns(table.pg)[id]!} = ${row[id]}`);
  } catch (error) {
    throw new CopyError(
      `PostgreSQL refused ${table.name} row ${describeRow(table, row)}'s link to row ${JSON.stringify(value)}: ${reason(error)}. Nothing was copied.`,
    );
  }
}

/** Copies every row of `table`; returns how many. */
export async function copyTable(source: SourceDb, target: Target, table: CopyTable, pageRows = PAGE_ROWS): Promise<number> {
  const perInsert = Math.min(pageRows, rowsPerInsert(table));
  const later: LaterLink[] = [];
  let copied = 0;
  for (const page of sqlitePages(source, table, pageRows)) {
    for (const row of page) refuseNul(table, row);
    const rows = holdBackLaterLinks(table, page, later);
    for (let i = 0; i < rows.length; i += perInsert) await insert(target, table, rows.slice(i, i + perInsert));
    copied += page.length;
  }
  for (const link of later) await setLaterLink(target.db, table, link);
  return copied;
}
