// npm run db:copy: a SQLite database of this app into a PostgreSQL one, as one transaction on
// the target. The rows are copied parents first, the identity sequences moved on, and every
// table verified (row count and checksum read back from both sides) before the commit: a
// failure or a mismatch rolls everything back, leaving the target as it was.
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { migratePostgres } from "@/db/pg/migrate";
import { copyTable } from "./copy-table";
import type { Target } from "./rows";
import { openSource, type Source } from "./source";
import { connectTarget, parseTargetUrl } from "./target";
import { prepareTarget, resetSequences } from "./target-tables";
import { copyTables } from "./tables";
import { type TableCheck, verify } from "./verify";

export interface CopyOptions {
  /** Empty every app table of the target first (else a target holding rows is refused). */
  replace: boolean;
  /** Rows per page read and per insert (default PAGE_ROWS); small pages test the paging. */
  pageRows?: number;
}

/** ok: committed, every table verified; otherwise rolled back, with the mismatching checks. */
export interface CopyOutcome {
  ok: boolean;
  checks: TableCheck[];
}

class Mismatch extends Error {
  constructor(readonly checks: TableCheck[]) {
    super("the verification found differences");
  }
}

/** Runs `work` in one transaction on one client of `pool`: committed when it returns, rolled back when it throws. */
async function inTransaction<T>(pool: pg.Pool, work: (target: Target) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("begin");
    try {
      const result = await work({ db: drizzle(client), client });
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => (broken = true));
      throw error;
    }
  } finally {
    // A client whose rollback failed is in an unknown state: the pool drops it instead of reusing it.
    client.release(broken);
  }
}

/** Copies the open source into the database behind `pool` (migrated first to db/pg/migrations). */
export async function copyIntoPostgres(source: Source, pool: pg.Pool, options: CopyOptions): Promise<CopyOutcome> {
  const tables = copyTables();
  await migratePostgres(pool);
  return await source.snapshot(async () => {
    try {
      return await inTransaction(pool, async (target) => {
        await prepareTarget(target.db, tables, options.replace);
        for (const table of tables) await copyTable(source.db, target, table, options.pageRows);
        await resetSequences(target.db, tables);
        const checks = await verify(source.db, target.db, tables, options.pageRows);
        if (checks.some((check) => !check.ok)) throw new Mismatch(checks);
        return { ok: true, checks };
      });
    } catch (error) {
      if (error instanceof Mismatch) return { ok: false, checks: error.checks };
      throw error;
    }
  });
}

/** The whole command: checks the arguments' targets, copies, closes both databases. */
export async function runCopy(from: string, to: string, options: CopyOptions): Promise<CopyOutcome> {
  const url = parseTargetUrl(to);
  const source = openSource(from);
  try {
    const pool = await connectTarget(url);
    try {
      return await copyIntoPostgres(source, pool, options);
    } finally {
      await pool.end();
    }
  } finally {
    source.close();
  }
}
