// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, a server on a free
// localhost port (its unix socket stays in that folder, so it never meets the machine's own
// cluster), one UTF8 database, and stop() that stops the server and removes the folder.
// Tests run it with fsync off (nothing there must survive a crash); benchmarks that set it
// beside SQLite's synchronous=FULL ask for a durable one (fsync, synchronous_commit and
// full_page_writes on, PostgreSQL's defaults), so a commit costs what it costs in production.
import { execFile } from "node:child_process";
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";

const run = promisify(execFile);

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust authentication: local tests only). */
  url: string;
  port: number;
  /** The temporary folder: data directory, server.log and the unix socket. */
  dir: string;
  stop: () => Promise<void>;
}

const SERVER_BINARIES = ["initdb", "pg_ctl", "postgres"];

const hasServerBinaries = (dir: string): boolean =>
  SERVER_BINARIES.every((name) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** The folder holding initdb and pg_ctl: $PG_BINDIR alone when set, else `pg_config --bindir` or the newest /usr/lib/postgresql/<n>/bin. */
export async function findPgBinDir(): Promise<string> {
  const candidates = process.env.PG_BINDIR ? [process.env.PG_BINDIR] : await knownBinDirs();
  const found = candidates.find(hasServerBinaries);
  if (!found) {
    throw new Error(
      `PostgreSQL's server binaries (${SERVER_BINARIES.join(", ")}) were not found in ${candidates.join(", ") || "any known place"}. ` +
        "Install them with `sudo apt-get install -y postgresql` (npm test's pretest step does this as root), or set PG_BINDIR.",
    );
  }
  return found;
}

async function knownBinDirs(): Promise<string[]> {
  const candidates: string[] = [];
  try {
    candidates.push((await run("pg_config", ["--bindir"])).stdout.trim());
  } catch {
    // No pg_config on the PATH (it comes with libpq-dev or the server package).
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debian, version, "bin")));
  }
  return candidates;
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the `postgres` OS user when we are root (initdb refuses root). */
async function runPg(binary: string, args: string[]): Promise<void> {
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  try {
    await run(file, argv, { env: { ...process.env, LC_ALL: "C.UTF-8" } });
  } catch (error) {
    const { stderr = "", stdout = "" } = error as { stderr?: string; stdout?: string };
    throw new Error(`${path.basename(binary)} failed: ${stderr || stdout || String(error)}`);
  }
}

async function ownFolder(dir: string): Promise<void> {
  if (!isRoot()) return;
  const uid = Number((await run("id", ["-u", "postgres"])).stdout);
  const gid = Number((await run("id", ["-g", "postgres"])).stdout);
  chownSync(dir, uid, gid);
}

export interface PgClusterOptions {
  /** Every commit flushed to disk before it is acknowledged (default false: fsync off, for tests). */
  durable?: boolean;
}

const NOT_DURABLE = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
const DURABLE = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on";

async function startServer(bin: string, dir: string, durable: boolean): Promise<number> {
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  // Another process may take the port between freePort() and the server's bind: try again.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${durable ? DURABLE : NOT_DURABLE}`;
    try {
      // -w waits until the server accepts connections (or fails after -t seconds).
      await runPg(path.join(bin, "pg_ctl"), ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", options]);
      return port;
    } catch (error) {
      const serverLog = existsSync(log) ? readFileSync(log, "utf8") : "";
      if (attempt >= 3 || !serverLog.includes("could not bind")) throw new Error(`${(error as Error).message}\n${serverLog}`);
    }
  }
}

/** Starts a new cluster with one UTF8 database (code point lengths, as SQLite's length()). */
export async function startPgCluster(database = "provenance_test", options: PgClusterOptions = {}): Promise<PgCluster> {
  const durable = options.durable ?? false;
  const bin = await findPgBinDir();
  const dir = mkdtempSync(path.join(tmpdir(), "pd-pg-"));
  let started = false;
  const stop = async (): Promise<void> => {
    if (started) await runPg(path.join(bin, "pg_ctl"), ["stop", "-D", path.join(dir, "data"), "-m", "fast", "-w"]);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ownFolder(dir);
    await runPg(path.join(bin, "initdb"), [
      "-D",
      path.join(dir, "data"),
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      ...(durable ? [] : ["--no-sync"]),
    ]);
    const port = await startServer(bin, dir, durable);
    started = true;
    const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await admin.connect();
    try {
      await admin.query(`create database "${database}" encoding 'UTF8' template template0`);
    } finally {
      await admin.end();
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, dir, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
