// PostgreSQL for the load bench: a throwaway cluster made durable (fsync, synchronous_commit and
// full_page_writes on: the SQLite side commits with synchronous=FULL, so PostgreSQL must pay
// for its flushes too), a `seed` database the child seeds once, a fresh copy of it per phase
// (CREATE DATABASE … TEMPLATE seed, as the SQLite side copies its file), and the CPU time of
// every process of the cluster, which is part of the system under test.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startPgCluster, type PgCluster } from "../../tests/pg-cluster";
import { statCpuMs, statFields } from "./server";

export const SEED_DATABASE = "seed";

export interface LoadCluster {
  /** postgres://…/seed: where the seeding child writes. */
  seedUrl: string;
  version: string;
  settings: string;
  /** A fresh database copied from the seed (replacing one of the same name); returns its URL. */
  copySeed: (name: string) => Promise<string>;
  /** CPU time used so far by the postmaster and all its processes, live and exited, in ms. */
  cpuMs: () => number;
  stop: () => Promise<void>;
}

async function withAdmin<T>(cluster: PgCluster, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: "127.0.0.1", port: cluster.port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The postmaster's pid, from the first line of postmaster.pid in the data folder. Every other
 * process of the cluster (backends, checkpointer, WAL writer, autovacuum) is its child; children
 * that exit are reaped by it, so their time moves into its cutime/cstime and is not lost.
 */
function clusterCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  let total = statCpuMs(`/proc/${postmaster}/stat`, true);
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === postmaster) continue;
    try {
      if (Number(statFields(`/proc/${entry}/stat`)[1]) === postmaster) total += statCpuMs(`/proc/${entry}/stat`);
    } catch {
      // The process exited while we looked; the postmaster's cutime has its time.
    }
  }
  return total;
}

export async function startLoadCluster(): Promise<LoadCluster> {
  const cluster = await startPgCluster(SEED_DATABASE, { durable: true });
  try {
    const shown = await withAdmin(cluster, async (client) => {
      const rows = await client.query<{ name: string; setting: string }>(
        "select name, setting from pg_settings where name in ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections') order by name",
      );
      return new Map(rows.rows.map((r) => [r.name, r.setting]));
    });
    const settings = ["fsync", "synchronous_commit", "full_page_writes", "max_connections"].map((name) => `${name}=${shown.get(name)}`).join(", ");
    return {
      seedUrl: cluster.url,
      version: shown.get("server_version") ?? "?",
      settings: `${settings}, shared_buffers=${Number(shown.get("shared_buffers")) / 128} MB`,
      copySeed: async (name) => {
        // The copy needs the template to be free of sessions: the seeding child has exited, and
        // servers only ever connect to the copies.
        await withAdmin(cluster, async (client) => {
          await client.query(`drop database if exists "${name}" with (force)`);
          await client.query(`create database "${name}" template "${SEED_DATABASE}"`);
        });
        return cluster.url.replace(/\/[^/]*$/, `/${name}`);
      },
      cpuMs: () => clusterCpuMs(path.join(cluster.dir, "data")),
      stop: cluster.stop,
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
