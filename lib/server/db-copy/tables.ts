// The tables to copy, paired by export name across the two schema modules (db/schema.ts for
// SQLite, db/pg/schema.ts for PostgreSQL), in foreign-key order: derived from the table configs,
// so a table added to both schemas is copied without touching this tool.
import { type Column, getTableColumns, getTableName, is, type Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/schema";
import { CopyError } from "./errors";

export interface CopyTable {
  /** The SQL name, the same in both databases. */
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** Every column's TypeScript key, sorted: the fixed order of the checksum. */
  keys: string[];
  /** The primary key's columns (TypeScript keys), the order rows are read and hashed in. */
  primaryKey: string[];
  /** Columns referencing this table's own single-column primary key (annotations.parent_id). */
  selfReferences: string[];
  /** The SQL name of the identity column whose sequence the copy moves on, if any. */
  identity: string | null;
}

/** The exported tables of a schema module (SQLite or PostgreSQL), by export name. */
export function tablesOf(
  schema: Record<string, unknown>,
  isTable = (value: unknown): boolean => is(value, SQLiteTable) || is(value, PgTable),
): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const [name, value] of Object.entries(schema)) if (isTable(value)) tables.set(name, value as Table);
  return tables;
}

// By SQL name: a table config's key and foreign-key columns need not be the same objects.
const keyOf = (table: Table, column: Column): string => {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c.name === column.name);
  if (!found) throw new Error(`column ${column.name} is not in table ${getTableName(table)}`);
  return found[0];
};

function describeTable(name: string, sqlite: SQLiteTable, pg: PgTable): CopyTable {
  const config = pgTableConfig(pg);
  const columns = getTableColumns(pg);
  const single = Object.values(columns).filter((c) => c.primary);
  const primaryKey = config.primaryKeys.length > 0 ? config.primaryKeys[0]!.columns.map((c) => keyOf(pg, c)) : single.map((c) => keyOf(pg, c));
  if (primaryKey.length === 0) throw new CopyError(`Table ${name} has no primary key, so its rows have no order to copy and compare in.`);
  const selfReferences: string[] = [];
  for (const fk of config.foreignKeys) {
    const reference = fk.reference();
    if (reference.foreignTable !== pg) continue;
    const target = reference.foreignColumns.map((c) => keyOf(pg, c));
    if (reference.columns.length !== 1 || target.length !== 1 || primaryKey.length !== 1 || target[0] !== primaryKey[0]) {
      throw new CopyError(`Table ${name} references itself other than through its single-column primary key; the copy cannot order such rows.`);
    }
    selfReferences.push(keyOf(pg, reference.columns[0]!));
  }
  const identity = Object.values(columns).find((c) => c.generatedIdentity !== undefined)?.name ?? null;
  return { name, sqlite, pg, keys: Object.keys(columns).sort(), primaryKey, selfReferences, identity };
}

/** Parents before children; a foreign-key cycle between tables (no order exists) is an error. */
function inForeignKeyOrder(tables: CopyTable[]): CopyTable[] {
  const parentsOf = new Map(
    tables.map((t) => [
      t.name,
      new Set(
        pgTableConfig(t.pg)
          .foreignKeys.map((fk) => getTableName(fk.reference().foreignTable))
          .filter((p) => p !== t.name),
      ),
    ]),
  );
  const ordered: CopyTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t.name) && [...parentsOf.get(t.name)!].every((p) => placed.has(p)));
    if (ready.length === 0) {
      const left = tables.filter((t) => !placed.has(t.name)).map((t) => t.name);
      throw new CopyError(`The foreign keys of ${left.join(", ")} form a cycle (or point outside the schema): no table can be copied first.`);
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

/** The app's tables, paired across the two schema modules, parents first. */
export function copyTables(sqliteModule: Record<string, unknown> = sqliteSchema, pgModule: Record<string, unknown> = pgSchema): CopyTable[] {
  const sqliteTables = tablesOf(sqliteModule, (v) => is(v, SQLiteTable));
  const pgTables = tablesOf(pgModule, (v) => is(v, PgTable));
  const onlySqlite = [...sqliteTables.keys()].filter((k) => !pgTables.has(k));
  const onlyPg = [...pgTables.keys()].filter((k) => !sqliteTables.has(k));
  if (onlySqlite.length > 0 || onlyPg.length > 0) {
    const parts = [
      onlySqlite.length > 0 ? `only in db/schema.ts: ${onlySqlite.join(", ")}` : "",
      onlyPg.length > 0 ? `only in db/pg/schema.ts: ${onlyPg.join(", ")}` : "",
    ];
    throw new CopyError(`The two schema modules do not export the same tables (${parts.filter(Boolean).join("; ")}).`);
  }
  const paired = [...sqliteTables].map(([exportName, sqlite]) => {
    const pg = pgTables.get(exportName) as PgTable;
    const [sqliteName, pgName] = [getTableName(sqlite), getTableName(pg)];
    if (sqliteName !== pgName) throw new CopyError(`Export ${exportName} names table ${sqliteName} in SQLite but ${pgName} in PostgreSQL.`);
    const missing = Object.keys(getTableColumns(pg)).filter((k) => !(k in getTableColumns(sqlite)));
    const extra = Object.keys(getTableColumns(sqlite)).filter((k) => !(k in getTableColumns(pg)));
    if (missing.length + extra.length > 0)
      throw new CopyError(`Table ${pgName} has different columns in the two schemas: ${[...missing, ...extra].join(", ")}.`);
    return describeTable(pgName, sqlite as SQLiteTable, pg);
  });
  return inForeignKeyOrder(paired);
}
