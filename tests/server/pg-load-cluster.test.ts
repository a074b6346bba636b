// bench/load/postgres.ts: the load bench's PostgreSQL is durable, hands each phase a fresh copy
// of the seed database (replacing an earlier copy of the same name), and counts the CPU time of
// the cluster's own processes, which the bench reports apart from other people's processes.
import pg from "pg";
import { expect, it } from "vitest";
import { startLoadCluster } from "@/bench/load/postgres";

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

it("copies the seed per phase on a durable cluster and counts the cluster's CPU", async () => {
  const cluster = await startLoadCluster();
  try {
    expect(cluster.settings).toMatch(/fsync=on, synchronous_commit=on, full_page_writes=on/);
    await query(cluster.seedUrl, "create table seeded (n integer); insert into seeded select generate_series(1, 1000)");

    const copy = await cluster.copySeed("phase_1");
    expect(copy).toMatch(/\/phase_1$/);
    await query(copy, "insert into seeded values (0)");
    expect(await query<{ n: number }>(copy, "select count(*)::int as n from seeded")).toEqual([{ n: 1001 }]);
    // Copied again under the same name (a rerun of the phase): the seed as it was, not the earlier copy.
    const again = await cluster.copySeed("phase_1");
    expect(await query<{ n: number }>(again, "select count(*)::int as n from seeded")).toEqual([{ n: 1000 }]);

    const before = cluster.cpuMs();
    // Work that only the cluster's processes do: the backend serving this connection burns CPU,
    // then exits, and its time must still be counted (the postmaster reaped it).
    await query(copy, "select count(*) from generate_series(1, 3000000) a, generate_series(1, 3) b where a % 7 = b");
    expect(cluster.cpuMs()).toBeGreaterThan(before);
  } finally {
    await cluster.stop();
  }
}, 120_000);
