// One SQLite connection per process, used through an asynchronous drizzle database (see
// sqlite-async.ts and gate.ts). Opening it creates the data folder, turns on WAL and foreign
// keys, and applies the committed migrations, so the app and the tests always run on the real schema.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { TransactionGate } from "./gate";
import { asyncDatabase, type AsyncDB } from "./sqlite-async";

export type DB = AsyncDB;
export type { RunResult } from "./sqlite-async";

interface Handle {
  path: string;
  sqlite: Database.Database;
  gate: TransactionGate;
  db: DB;
}

// Next.js dev reloads modules; keep the handle on globalThis so reloads reuse it.
const holder = globalThis as typeof globalThis & { __provenanceDb?: Handle };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "provenance.db"));
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
}

export function openDatabase(filePath: string): Handle {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // A save the server has answered must survive a crash of the process AND of the machine.
  // In WAL mode (https://www.sqlite.org/pragma.html#pragma_synchronous, and
  // https://www.sqlite.org/wal.html, "Performance Considerations"):
  //  - NORMAL syncs only around checkpoints. The database is never corrupted, and a commit is
  //    never lost when the process dies (SIGKILL, OOM), since its WAL frames are already with
  //    the OS; but the last commits may roll back after a power loss or an OS crash.
  //  - FULL also syncs the WAL at every commit, so a commit survives power loss as well
  //    (provided the disk honours the flush).
  // FULL costs ~0.5 ms per span save here (bench/RESULTS.md, "Durability"), against a save's
  // ~13 ms HTTP round trip: cheap for the promise that an acknowledged save is never lost.
  sqlite.pragma("synchronous = FULL");
  migrate(drizzle(sqlite), { migrationsFolder: migrationsFolder() });
  const gate = new TransactionGate();
  return { path: filePath, sqlite, gate, db: asyncDatabase(sqlite, gate) };
}

function handle(): Handle {
  const wanted = databasePath();
  const current = holder.__provenanceDb;
  if (current && current.path === wanted) return current;
  current?.sqlite.close();
  holder.__provenanceDb = openDatabase(wanted);
  return holder.__provenanceDb;
}

export function getDb(): DB {
  return handle().db;
}

/**
 * The raw connection, for work that is synchronous from start to end (prepared statements of
 * the export and comparison readers, backups). On the request path go through `withSqlite`,
 * so an open transaction of another request is never seen half done.
 */
export function getSqlite(): Database.Database {
  return handle().sqlite;
}

/** Runs `read` on the raw connection once no other request's transaction is open. */
export async function withSqlite<T>(read: (sqlite: Database.Database) => T): Promise<T> {
  const { gate, sqlite } = handle();
  // Re-checked after each wait: another transaction may have begun before this continuation ran.
  while (gate.mustWait()) await gate.clear();
  return read(sqlite);
}

export function closeDb(): void {
  holder.__provenanceDb?.sqlite.close();
  holder.__provenanceDb = undefined;
}
