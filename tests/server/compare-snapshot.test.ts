// The reads of one comparison view run in one snapshot (lib/server/compare/snapshot.ts): what
// another connection commits while the view is being read shows up in the next view, never
// half way through this one. Runs on both databases; the other connection is a real second
// connection (better-sqlite3 on the same file, or a PostgreSQL client), as another process's.
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databasePath, getDb } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { readSnapshot } from "@/db/sql";

/** Commits one login_throttle row (a table with no foreign keys) through a connection of its own. */
async function commitElsewhere(key: string): Promise<void> {
  if (usesPostgres()) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("insert into login_throttle (key, failures, last_failure_at) values ($1, 1, now())", [key]);
    } finally {
      await client.end();
    }
    return;
  }
  const other = new Database(databasePath());
  try {
    other.prepare("insert into login_throttle (key, failures, last_failure_at) values (?, 1, 0)").run(key);
  } finally {
    other.close();
  }
}

async function rows(): Promise<number> {
  const [row] = await getDb().all<[number]>(sql`select count(*) from login_throttle`);
  return row![0];
}

describe("a comparison's reads", () => {
  it("see one state of the database: a row committed elsewhere between two of them is seen by neither", async () => {
    const before = await rows();
    const seen = await readSnapshot(async () => {
      const first = await rows();
      await commitElsewhere("snapshot:1");
      return [first, await rows()];
    });
    expect(seen).toEqual([before, before]);
    expect(await rows()).toBe(before + 1);
  });

  it("leave nothing open when one fails, and cannot write on PostgreSQL", async () => {
    await expect(readSnapshot(() => getDb().all(sql`select no_such_column from login_throttle`))).rejects.toThrow();
    expect(await readSnapshot(() => rows())).toBeGreaterThan(0);
    if (usesPostgres()) {
      await expect(readSnapshot(() => getDb().run(sql`delete from login_throttle`))).rejects.toThrow(/read-only/);
      expect(await rows()).toBeGreaterThan(0);
    }
  });
});
