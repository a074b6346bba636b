// What a database file is, before anything trusts it: a SQLite file that passes
// integrity_check, made by this app (its migrations table and core tables), at a schema this
// code knows. Opened read-only, so looking never changes the file.
import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { migrationsFolder } from "@/db";

export interface Inspection {
  /** Rows per table (every table but SQLite's own), by table name. */
  rows: Record<string, number>;
  /** Migrations the file has applied, and how many of this code's it lacks (applied on the next start). */
  applied: number;
  pending: number;
}

export type InspectResult = ({ ok: true } & Inspection) | { ok: false; error: string };

const MIGRATIONS_TABLE = "__drizzle_migrations";
const CORE_TABLES = ["users", "projects", "documents", "annotations"];

/** The SQLite error code of a thrown error, or null when it is something else. */
export function sqliteCode(error: unknown): string | null {
  return error instanceof Database.SqliteError ? error.code : null;
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all()
    .map((r) => r.name);
}

export function countRows(db: Database.Database): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const name of tableNames(db)) {
    rows[name] = db.prepare<[], { n: number }>(`select count(*) as n from "${name.replaceAll('"', '""')}"`).get()!.n;
  }
  return rows;
}

/** integrity_check's findings: [] when the file is sound. */
function integrityProblems(db: Database.Database): string[] {
  const found = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
  const messages = found.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === "ok" ? [] : messages;
}

/**
 * Drizzle applies the committed migrations whose timestamp is later than the newest one the
 * file records, so a file whose newest migration is later than every one this code ships was
 * made by a newer version of the app: this code would run on a schema it does not know.
 */
function schemaVersion(db: Database.Database, label: string): { ok: true; applied: number; pending: number } | { ok: false; error: string } {
  const known = readMigrationFiles({ migrationsFolder: migrationsFolder() });
  const newestKnown = Math.max(...known.map((m) => m.folderMillis));
  const applied = db.prepare<[], { n: number; newest: number | null }>(`select count(*) as n, max(created_at) as newest from ${MIGRATIONS_TABLE}`).get()!;
  const newest = Number(applied.newest ?? 0);
  if (newest > newestKnown) {
    return {
      ok: false,
      error: `${label} was made by a newer version of Provenance Desk: its schema has a migration from ${new Date(newest).toISOString()}, later than any this version knows (the newest is from ${new Date(newestKnown).toISOString()}). Update the app, then restore.`,
    };
  }
  return { ok: true, applied: applied.n, pending: known.filter((m) => m.folderMillis > newest).length };
}

function inspectOpen(db: Database.Database, label: string): InspectResult {
  const problems = integrityProblems(db);
  if (problems.length > 0) {
    return { ok: false, error: `${label} is damaged: integrity_check found ${problems.length} problem(s), first: ${problems.slice(0, 3).join("; ")}` };
  }
  const tables = tableNames(db);
  const missing = [MIGRATIONS_TABLE, ...CORE_TABLES].filter((t) => !tables.includes(t));
  if (missing.length > 0) {
    return { ok: false, error: `${label} is a SQLite database but not one of Provenance Desk's: it has no ${missing.join(", ")} table.` };
  }
  const version = schemaVersion(db, label);
  if (!version.ok) return version;
  return { ok: true, rows: countRows(db), applied: version.applied, pending: version.pending };
}

/** Checks the file at `filePath` (`label` names it in messages) without changing it. */
export function inspectDatabase(filePath: string, label = filePath): InspectResult {
  let db: Database.Database | null = null;
  try {
    db = new Database(filePath, { readonly: true, fileMustExist: true });
    return inspectOpen(db, label);
  } catch (error) {
    const code = sqliteCode(error);
    if (code === "SQLITE_NOTADB") return { ok: false, error: `${label} is not a SQLite database.` };
    if (code === "SQLITE_CORRUPT") return { ok: false, error: `${label} is damaged: ${(error as Error).message}.` };
    if (code === "SQLITE_CANTOPEN") return { ok: false, error: `${label} cannot be opened: ${(error as Error).message}.` };
    throw error;
  } finally {
    db?.close();
  }
}
