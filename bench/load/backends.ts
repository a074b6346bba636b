// The set-ups one load run compares (--backends): SQLite with one `next start` (as before the
// PostgreSQL work), and PostgreSQL with one or two `next start` on the same database. Each is
// seeded once by bench/load/db-child.ts and hands every phase a fresh copy of its seed.
import { execFile } from "node:child_process";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { SeedFile } from "./db-child";
import { startLoadCluster, type LoadCluster } from "./postgres";
import type { DatabaseEnv } from "./server";

const run = promisify(execFile);

export const BACKEND_NAMES = ["sqlite", "pg1", "pg2"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export interface Backend {
  name: BackendName;
  label: string;
  dialect: "sqlite" | "postgres";
  /** `next start` processes on the one database; reviewers are dealt to them in turn. */
  instances: number;
  seed: SeedFile;
  seedFile: string;
  /** Environment naming a fresh copy of the seed for one phase (tag: a file or database name). */
  freshDatabase: (tag: string) => Promise<DatabaseEnv>;
  /** CPU ms used so far by the database server, or null when the database is inside the app (SQLite). */
  databaseCpuMs: (() => number) | null;
}

export interface Backends {
  list: Backend[];
  /** "PostgreSQL 15.x, fsync=on, …; pool of N connections per instance", or null without PostgreSQL. */
  postgresLine: string | null;
  stop: () => Promise<void>;
}

const LABELS: Record<BackendName, string> = {
  sqlite: "SQLite, 1 instance",
  pg1: "PostgreSQL, 1 instance",
  pg2: "PostgreSQL, 2 instances",
};

/** Runs bench/load/db-child.ts with the database named by `database`; its own errors are shown. */
export async function runDbChild(args: string[], database: DatabaseEnv): Promise<void> {
  try {
    await run(process.execPath, ["--import", "tsx", path.join("bench", "load", "db-child.ts"), ...args], {
      env: { ...process.env, ...database, PROVENANCE_DEMO: "0" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr = "" } = error as { stderr?: string };
    throw new Error(`bench/load/db-child.ts ${args[0]} failed: ${stderr || String(error)}`);
  }
}

async function seedWith(database: DatabaseEnv, reviewers: number, documents: number, out: string): Promise<SeedFile> {
  await runDbChild(["seed", String(reviewers), String(documents), out], database);
  return JSON.parse(readFileSync(out, "utf8")) as SeedFile;
}

/** Seeds what `names` need (one SQLite file, one PostgreSQL cluster) and describes each backend. */
export async function prepareBackends(names: BackendName[], workDir: string, reviewers: number, documents: number, poolSize: number): Promise<Backends> {
  const list: Backend[] = [];
  let cluster: LoadCluster | null = null;
  try {
    if (names.includes("sqlite")) {
      const seedPath = path.join(workDir, "seed.db");
      const seedFile = path.join(workDir, "seed-sqlite.json");
      const seed = await seedWith({ DATABASE_PATH: seedPath, DATABASE_URL: undefined }, reviewers, documents, seedFile);
      const freshDatabase = async (tag: string): Promise<DatabaseEnv> => {
        const dbPath = path.join(workDir, `${tag}.db`);
        for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
        copyFileSync(seedPath, dbPath);
        return { DATABASE_PATH: dbPath, DATABASE_URL: undefined };
      };
      list.push({ name: "sqlite", label: LABELS.sqlite, dialect: "sqlite", instances: 1, seed, seedFile, freshDatabase, databaseCpuMs: null });
    }
    const pgNames = names.filter((n) => n !== "sqlite");
    if (pgNames.length > 0) {
      const pgCluster = (cluster = await startLoadCluster());
      const seedFile = path.join(workDir, "seed-postgres.json");
      const seed = await seedWith({ DATABASE_URL: pgCluster.seedUrl }, reviewers, documents, seedFile);
      const freshDatabase = async (tag: string): Promise<DatabaseEnv> => ({
        DATABASE_URL: await pgCluster.copySeed(tag.replace(/\W/g, "_")),
        DATABASE_POOL_SIZE: String(poolSize),
      });
      for (const name of pgNames)
        list.push({
          name,
          label: LABELS[name],
          dialect: "postgres",
          instances: name === "pg2" ? 2 : 1,
          seed,
          seedFile,
          freshDatabase,
          databaseCpuMs: pgCluster.cpuMs,
        });
    }
  } catch (error) {
    await cluster?.stop();
    throw error;
  }
  const order = (b: Backend): number => BACKEND_NAMES.indexOf(b.name);
  return {
    list: list.sort((a, b) => order(a) - order(b)),
    postgresLine:
      cluster === null ? null : `PostgreSQL ${cluster.version} (${cluster.settings}); a pool of ${poolSize} connections per instance (DATABASE_POOL_SIZE)`,
    stop: async () => await cluster?.stop(),
  };
}
