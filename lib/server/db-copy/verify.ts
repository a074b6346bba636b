// The copy's proof: per table, the rows read back from each database, counted and hashed the same
// way. A row's canonical form lists its columns in a fixed order (sorted TypeScript keys), times
// as milliseconds, JSON values with their object keys sorted (jsonb keeps no key order); rows go
// in primary-key order. Equal counts and equal sha256 digests mean equal data as the app reads it.
import { createHash, type Hash } from "node:crypto";
import { PAGE_ROWS, pgPages, type Row, type SourceDb, sqlitePages, type TargetDb } from "./rows";
import type { CopyTable } from "./tables";

export interface Tally {
  rows: number;
  checksum: string;
}

export interface TableCheck {
  table: string;
  sqlite: Tally;
  pg: Tally;
  ok: boolean;
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "bigint") return value.toString();
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value ?? null;
}

/** One row as the text that is hashed. */
export function canonicalRow(row: Row, keys: string[]): string {
  return JSON.stringify(keys.map((key) => canonical(row[key])));
}

class Tallier {
  private readonly hash: Hash = createHash("sha256");
  private rows = 0;

  constructor(private readonly keys: string[]) {}

  add(page: Row[]): void {
    for (const row of page) this.hash.update(`${canonicalRow(row, this.keys)}\n`);
    this.rows += page.length;
  }

  result(): Tally {
    return { rows: this.rows, checksum: this.hash.digest("hex") };
  }
}

export function tallySqlite(source: SourceDb, table: CopyTable, pageRows = PAGE_ROWS): Tally {
  const tally = new Tallier(table.keys);
  for (const page of sqlitePages(source, table, pageRows)) tally.add(page);
  return tally.result();
}

export async function tallyPg(target: TargetDb, table: CopyTable, pageRows = PAGE_ROWS): Promise<Tally> {
  const tally = new Tallier(table.keys);
  for await (const page of pgPages(target, table, pageRows)) tally.add(page);
  return tally.result();
}

/** Compares every table of the two databases. */
export async function verify(source: SourceDb, target: TargetDb, tables: CopyTable[], pageRows = PAGE_ROWS): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const table of tables) {
    const sqlite = tallySqlite(source, table, pageRows);
    const pg = await tallyPg(target, table, pageRows);
    checks.push({ table: table.name, sqlite, pg, ok: sqlite.rows === pg.rows && sqlite.checksum === pg.checksum });
  }
  return checks;
}

/** The verification as a table a person reads: table, rows, checksum, ok. */
export function formatChecks(checks: TableCheck[]): string {
  const short = (checksum: string): string => checksum.slice(0, 16);
  const lines = checks.map((c) => [
    c.table,
    c.sqlite.rows === c.pg.rows ? String(c.pg.rows) : `${c.sqlite.rows} ≠ ${c.pg.rows}`,
    c.sqlite.checksum === c.pg.checksum ? short(c.pg.checksum) : `${short(c.sqlite.checksum)} ≠ ${short(c.pg.checksum)}`,
    c.ok ? "ok" : "MISMATCH",
  ]);
  const all = [["table", "rows", "checksum (sha256)", "ok"], ...lines];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((line) => line[i]!.length)));
  return all
    .map((line) =>
      line
        .map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
