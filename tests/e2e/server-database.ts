// The database behind a test server, on the dialect of the run: a fresh SQLite file (project
// "e2e") or a fresh PostgreSQL database in the run's throwaway cluster (project "e2e-pg", whose
// DATABASE_URL placeholder also makes this process load the PostgreSQL tables). Tests seed and
// inspect it through the app's own data layer in this process (getDb(), lib/server), pointed at
// the same database by useServerDatabase: never with SQL of one dialect.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDb, databaseReady, getDb, type DB } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { createTestDatabase } from "../pg-database";

export type ServerDatabase = { dialect: "sqlite"; path: string } | { dialect: "postgres"; url: string };

/** A new, empty database for a server (the server migrates it); `remove` deletes it. */
export async function createServerDatabase(label: string): Promise<{ database: ServerDatabase; remove: () => Promise<void> }> {
  if (usesPostgres()) {
    // Imported here: the benchmarks use the harness outside vitest, on SQLite.
    const { inject } = await import("vitest");
    const made = await createTestDatabase(inject("pgAdminUrl"), `e2e_${label}`);
    const database: ServerDatabase = { dialect: "postgres", url: made.url };
    return {
      database,
      remove: async () => {
        await releaseServerDatabase(database);
        await made.drop();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "pd-e2e-"));
  const database: ServerDatabase = { dialect: "sqlite", path: path.join(dir, "e2e.db") };
  return {
    database,
    remove: async () => {
      await releaseServerDatabase(database);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment that points a process (`next start`, a script) at the database. */
export function databaseEnv(database: ServerDatabase): Record<string, string> {
  return database.dialect === "postgres" ? { DATABASE_URL: database.url } : { DATABASE_PATH: database.path };
}

const pointsAt = (database: ServerDatabase): boolean =>
  database.dialect === "postgres" ? process.env.DATABASE_URL === database.url : process.env.DATABASE_PATH === database.path;

/** Points this process's getDb() and lib/server at the server's database (before any query). */
export function useServerDatabase(server: { database: ServerDatabase }): void {
  Object.assign(process.env, databaseEnv(server.database));
}

/** Runs `read` on the server's database through this process's getDb(). */
export async function onServerDatabase<T>(server: { database: ServerDatabase }, read: (db: DB) => Promise<T>): Promise<T> {
  Object.assign(process.env, databaseEnv(server.database));
  await databaseReady();
  return await read(getDb());
}

/** Closes this process's connection to the database, if it holds one, before the database goes. */
export async function releaseServerDatabase(database: ServerDatabase): Promise<void> {
  if (pointsAt(database)) await closeDb();
}
