// Which database this process runs on: PostgreSQL when DATABASE_URL is a postgres:// (or
// postgresql://) address, otherwise the embedded SQLite file at DATABASE_PATH (the default).
// Decided once per process, when the first module asks: the tables (db/tables.ts) are chosen by it.

export type Dialect = "sqlite" | "postgres";

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

export function postgresUrl(): string | null {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return null;
  if (!POSTGRES_URL.test(url)) {
    throw new Error(`DATABASE_URL must be a postgres:// address (got “${url.slice(0, 40)}”). Leave it unset to use the SQLite file at DATABASE_PATH.`);
  }
  return url;
}

export function currentDialect(): Dialect {
  return postgresUrl() === null ? "sqlite" : "postgres";
}

export const usesPostgres = (): boolean => currentDialect() === "postgres";
