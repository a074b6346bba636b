// tests/pg-cluster.ts: a real throwaway PostgreSQL server, gone with its folder after stop(), and
// a clear error naming the package when the server binaries are missing.
import { existsSync } from "node:fs";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { startPgCluster } from "../pg-cluster";

const savedBinDir = process.env.PG_BINDIR;
afterEach(() => {
  if (savedBinDir === undefined) delete process.env.PG_BINDIR;
  else process.env.PG_BINDIR = savedBinDir;
});

it("starts a UTF8 database on localhost and removes everything on stop()", async () => {
  const cluster = await startPgCluster("pd_cluster_check");
  const client = new pg.Client(cluster.url);
  await client.connect();
  const { rows } = await client.query<{ db: string; encoding: string; fsync: string }>(
    "select current_database() as db, pg_encoding_to_char(encoding) as encoding, current_setting('fsync') as fsync from pg_database where datname = current_database()",
  );
  await client.end();
  expect(rows).toEqual([{ db: "pd_cluster_check", encoding: "UTF8", fsync: "off" }]);

  expect(existsSync(cluster.dir)).toBe(true);
  await cluster.stop();
  expect(existsSync(cluster.dir)).toBe(false);
  const after = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 5_000 });
  await expect(after.connect()).rejects.toThrow();
}, 60_000);

it("says which package to install when the server binaries are missing", async () => {
  process.env.PG_BINDIR = "/nonexistent/pg/bin";
  await expect(startPgCluster()).rejects.toThrow(/not found in \/nonexistent\/pg\/bin.*apt-get install -y postgresql/);
});

it("starts a durable cluster on request: every commit flushed, as in production", async () => {
  const cluster = await startPgCluster("pd_durable_check", { durable: true });
  try {
    const client = new pg.Client(cluster.url);
    await client.connect();
    const { rows } = await client.query<{ name: string; setting: string }>(
      "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'full_page_writes') order by name",
    );
    await client.end();
    expect(rows).toEqual([
      { name: "fsync", setting: "on" },
      { name: "full_page_writes", setting: "on" },
      { name: "synchronous_commit", setting: "on" },
    ]);
  } finally {
    await cluster.stop();
  }
}, 60_000);
