// The database of this process. By default one SQLite connection, used through an asynchronous
// drizzle database (see sqlite-async.ts and gate.ts): opening it creates the data folder, turns on
// WAL and foreign keys, and applies the committed migrations. With DATABASE_URL=postgres://… a
// pool of PostgreSQL connections instead (pg/connect.ts), migrated by db/pg/migrations before
// its first query. Either way the app and the tests run on the real schema.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { postgresUrl } from "./dialect";
import { TransactionGate } from "./gate";
import { openPostgres, type PgHandle } from "./pg/connect";
import { asyncDatabase, type AsyncDB } from "./sqlite-async";

export type DB = AsyncDB;
export type { RunResult } from "./sqlite-async";

interface SqliteHandle {
  path: string;
  sqlite: Database.Database;
  gate: TransactionGate;
  db: DB;
}

type Handle = (SqliteHandle & { postgres?: undefined }) | { path: string; postgres: PgHandle; db: DB };

// Next.js dev reloads modules; keep the handle on globalThis so reloads reuse it.
const holder = globalThis as typeof globalThis & { __provenanceDb?: Handle };

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "provenance.db"));
}

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
}

export function openDatabase(filePath: string): SqliteHandle {
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
  const url = postgresUrl();
  const wanted = url ?? databasePath();
  const current = holder.__provenanceDb;
  if (current && current.path === wanted) return current;
  void closeDb();
  holder.__provenanceDb = url === null ? openDatabase(wanted) : { path: url, postgres: openPostgres(url), db: undefined as unknown as DB };
  if (holder.__provenanceDb.postgres) holder.__provenanceDb.db = holder.__provenanceDb.postgres.db;
  return holder.__provenanceDb;
}

export function getDb(): DB {
  return handle().db;
}

/** Resolves once the database is open and migrated (at once on SQLite; PostgreSQL migrates asynchronously). */
export async function databaseReady(): Promise<void> {
  await handle().postgres?.ready;
}

function sqliteHandle(): SqliteHandle {
  const h = handle();
  if (h.postgres) throw new Error("This operation needs the embedded SQLite database; DATABASE_URL points at PostgreSQL.");
  return h;
}

/**
 * The raw connection, for work that is synchronous from start to end (prepared statements of
 * the export and comparison readers, backups). On the request path go through `withSqlite`,
 * so an open transaction of another request is never seen half done.
 */
export function getSqlite(): Database.Database {
  return sqliteHandle().sqlite;
}

/** Runs `read` on the raw connection once no other request's transaction is open. */
export async function withSqlite<T>(read: (sqlite: Database.Database) => T): Promise<T> {
  const { gate, sqlite } = sqliteHandle();
  // Re-checked after each wait: another transaction may have begun before this continuation ran.
  while (gate.mustWait()) await gate.clear();
  return read(sqlite);
}

/** Closes the connection (SQLite) or the pool (PostgreSQL, resolved once its connections are closed). */
export async function closeDb(): Promise<void> {
  const current = holder.__provenanceDb;
  holder.__provenanceDb = undefined;
  if (current?.postgres) await current.postgres.close();
  else current?.sqlite.close();
}

/**
 * A value that changes whenever anything is committed to the database, by this process or
 * another, and the connection it belongs to: in-process caches check it before trusting what
 * they hold. SQLite: data_version (other connections' commits) with total_changes() (this
 * one's). PostgreSQL: the write-ahead log's insert position, which every committed write moves.
 */
export async function databaseGeneration(): Promise<{ connection: object; generation: string }> {
  const h = handle();
  if (h.postgres) {
    const { rows } = await h.postgres.pool.query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn");
    return { connection: h.postgres.pool, generation: rows[0]!.lsn };
  }
  return await withSqlite((sqlite) => {
    const version = sqlite.pragma("data_version", { simple: true }) as number;
    const own = (sqlite.prepare("select total_changes() as n").get() as { n: number }).n;
    return { connection: sqlite, generation: `${version}:${own}` };
  });
}
