// Applies db/pg/migrations to a PostgreSQL database. Several app instances may start at once
// (a deploy rolls them out together): a session-level advisory lock makes the first one migrate
// while the others wait, then find nothing left to do.
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";

// Any fixed 64-bit key shared by every instance; this one spells "provenance" in hex-ish.
const MIGRATION_LOCK = 0x70726f76656e;

export function pgMigrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "pg", "migrations");
}

/** Migrates the database behind `pool` to the committed schema, one instance at a time. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder() });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
