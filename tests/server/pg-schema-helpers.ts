// The two dialects side by side for tests/server/pg-schema.test.ts: a SQLite database and a
// PostgreSQL one, each made by its own committed migrations, that run the same SQL text, and
// a dialect-free outline of a drizzle table to compare the two schema modules.
import path from "node:path";
import Database from "better-sqlite3";
import { Column, getTableColumns, getTableName, is, SQL, StringChunk, type Table } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/schema";

/** "ok", or the database's error message. */
export type Outcome = string;

export interface Dialects {
  sqlite: Database.Database;
  pool: pg.Pool;
  sqliteDb: ReturnType<typeof drizzleSqlite<typeof sqliteSchema>>;
  pgDb: ReturnType<typeof drizzlePg<typeof pgSchema>>;
  /** Runs one SQL text on both databases. */
  both: (statement: string) => Promise<{ sqlite: Outcome; pg: Outcome }>;
  /** The rows of one query on both databases. */
  rows: (query: string) => Promise<{ sqlite: unknown[]; pg: unknown[] }>;
  close: () => Promise<void>;
}

export async function openDialects(pgUrl: string): Promise<Dialects> {
  const sqlite = new Database(":memory:");
  sqlite.pragma("foreign_keys = ON");
  const sqliteDb = drizzleSqlite(sqlite, { schema: sqliteSchema });
  migrateSqlite(sqliteDb, { migrationsFolder: path.join(process.cwd(), "db", "migrations") });

  const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
  const pgDb = drizzlePg(pool, { schema: pgSchema });
  await migratePg(pgDb, { migrationsFolder: path.join(process.cwd(), "db", "pg", "migrations") });

  const both = async (statement: string): Promise<{ sqlite: Outcome; pg: Outcome }> => {
    let sqliteOutcome: Outcome = "ok";
    try {
      sqlite.exec(statement);
    } catch (error) {
      sqliteOutcome = (error as Error).message;
    }
    const pgOutcome = await pool.query(statement).then(
      () => "ok",
      (error: Error) => error.message,
    );
    return { sqlite: sqliteOutcome, pg: pgOutcome };
  };
  const rows = async (query: string): Promise<{ sqlite: unknown[]; pg: unknown[] }> => ({
    sqlite: sqlite.prepare(query).all(),
    pg: (await pool.query(query)).rows as unknown[],
  });
  const close = async (): Promise<void> => {
    sqlite.close();
    await pool.end();
  };
  return { sqlite, pool, sqliteDb, pgDb, both, rows, close };
}

export { tablesOf } from "@/lib/server/db-copy/tables";

// An expression's text with its columns' names; the PostgreSQL side's ` collate "C"` (ASCII-only
// case folding, as SQLite's lower()) is left out, so lower(name) compares equal.
const expression = (sql: SQL): string =>
  sql.queryChunks
    .map((chunk) => (is(chunk, Column) ? chunk.name : is(chunk, StringChunk) ? chunk.value.join("") : "?"))
    .join("")
    .replace(' collate "C"', "");

// An index column is a Column in SQLite and an IndexedColumn (with the column's name) in PostgreSQL.
const columnName = (column: unknown): string => {
  if (is(column, SQL)) return expression(column);
  if (is(column, Column)) return column.name;
  const { name } = column as { name?: unknown };
  return typeof name === "string" ? name : "?";
};

/** Everything both dialects must agree on, with no dialect's types in it. */
export function outline(table: Table): unknown {
  const config = is(table, PgTable) ? pgTableConfig(table) : sqliteTableConfig(table as SQLiteTable);
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.name,
    jsType: column.dataType,
    notNull: column.notNull,
    primary: column.primary,
    hasDefault: column.hasDefault,
    enumValues: column.enumValues ?? null,
  }));
  const foreignKeys = config.foreignKeys.map((fk) => {
    const reference = fk.reference();
    return {
      columns: reference.columns.map(columnName),
      table: getTableName(reference.foreignTable),
      foreignColumns: reference.foreignColumns.map(columnName),
      onDelete: fk.onDelete ?? "no action",
    };
  });
  const indexes = config.indexes.map(({ config: index }) => ({ name: index.name, unique: index.unique, columns: index.columns.map(columnName) }));
  const sortByJson = <T>(items: T[]): T[] => items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return {
    name: config.name,
    columns,
    primaryKeys: config.primaryKeys.map((key) => key.columns.map(columnName)),
    foreignKeys: sortByJson(foreignKeys),
    indexes: sortByJson(indexes),
    checks: config.checks.map((check) => check.name).sort(),
  };
}
