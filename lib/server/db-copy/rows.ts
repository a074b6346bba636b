// Reads a table a page at a time in primary-key order from either database, with a keyset
// (`where (key) > (last key)`) so each page costs an index seek however deep the table is.
// PostgreSQL compares text keys with its "C" collation (byte order of UTF-8), the order SQLite's
// BINARY collation gives, so both sides yield rows in the same order whatever the server's locale.
// (Such a page is sorted rather than read off the key's index, which follows the database's
// collation; only the small sessions and login_throttle tables have text keys.)
import { type Column, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { CopyTable } from "./tables";

export type Row = Record<string, unknown>;
export type SourceDb = BetterSQLite3Database;
export type TargetDb = PgDatabase<PgQueryResultHKT>;

/** The target inside the copy's transaction: drizzle for queries, the client for the bulk inserts. */
export interface Target {
  db: TargetDb;
  client: pg.ClientBase;
}

/** Rows per page read, and at most per insert (see copy-table.ts for the bind-parameter limit). */
export const PAGE_ROWS = 500;

interface Keyset {
  order: SQL[];
  after: (last: Row) => SQL;
}

function keyset(columns: Record<string, Column>, primaryKey: string[], collateC: boolean): Keyset {
  const order = primaryKey.map((key) => {
    const column = columns[key]!;
    return collateC && column.dataType === "string" ? sql`${column} collate "C"` : sql`${column}`;
  });
  const after = (last: Row): SQL =>
    sql`(${sql.join(order, sql`, `)}) > (${sql.join(
      primaryKey.map((key) => sql`${last[key]}`),
      sql`, `,
    )})`;
  return { order, after };
}

/** The SQLite table's rows, page by page, in primary-key order. */
export function* sqlitePages(db: SourceDb, table: CopyTable, pageRows = PAGE_ROWS): Generator<Row[]> {
  const { order, after } = keyset(getTableColumns(table.sqlite), table.primaryKey, false);
  let last: Row | null = null;
  for (;;) {
    const page: Row[] = db
      .select()
      .from(table.sqlite)
      .where(last === null ? undefined : after(last))
      .orderBy(...order)
      .limit(pageRows)
      .all();
    if (page.length > 0) yield page;
    if (page.length < pageRows) return;
    last = page[page.length - 1]!;
  }
}

/** The PostgreSQL table's rows, page by page, in primary-key order. */
export async function* pgPages(db: TargetDb, table: CopyTable, pageRows = PAGE_ROWS): AsyncGenerator<Row[]> {
  const { order, after } = keyset(getTableColumns(table.pg), table.primaryKey, true);
  let last: Row | null = null;
  for (;;) {
    const page: Row[] = await db
      .select()
      .from(table.pg)
      .where(last === null ? undefined : after(last))
      .orderBy(...order)
      .limit(pageRows);
    if (page.length > 0) yield page;
    if (page.length < pageRows) return;
    last = page[page.length - 1]!;
  }
}
