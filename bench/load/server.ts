// `next start` for one load phase, started as tests/e2e/harness.ts starts it (production mode,
// loopback, its own database, a long keep-alive) plus what the bench needs to explain its
// figures: the process id, for CPU time from /proc, and the event-loop probe (./probe.cjs).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../tests/free-port";

/** Environment naming a server's database: DATABASE_PATH (SQLite; DATABASE_URL undefined), or DATABASE_URL and DATABASE_POOL_SIZE. */
export type DatabaseEnv = Record<string, string | undefined>;

export interface LoadServer {
  baseUrl: string;
  pid: number;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts `next start` on the database `database` names (DATABASE_PATH, or DATABASE_URL and DATABASE_POOL_SIZE). */
export async function startLoadServer(database: DatabaseEnv, probeFile: string, nodeArgs: string[] = []): Promise<LoadServer> {
  const root = process.cwd();
  const port = await freePort();
  const probe = path.join(root, "bench", "load", "probe.cjs");
  let output = "";
  const child = spawn(
    process.execPath,
    [
      "--require",
      probe,
      ...nodeArgs,
      path.join(root, "node_modules", "next", "dist", "bin", "next"),
      "start",
      "-H",
      "127.0.0.1",
      "-p",
      String(port),
      "--keepAliveTimeout",
      "65000",
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        ...database,
        PROVENANCE_DEMO: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        LOAD_PROBE_FILE: probeFile,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.on("data", (d) => (output += String(d)));
  child.stderr.on("data", (d) => (output += String(d)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer within 60 s:\n${output}`);
    const up = await fetch(`${baseUrl}/login`, { redirect: "manual" }).then(
      (r) => r.status > 0,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    pid: child.pid!,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// Linux counts CPU time in clock ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat.
const TICK_MS = 10;

/** The fields of a /proc stat file after the command name (which sits in parentheses and may hold spaces): [0] is field 3, state. */
export function statFields(file: string): string[] {
  const stat = readFileSync(file, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** utime + stime of one process (all its threads) or, under task/, of one thread, in ms. */
export function statCpuMs(file: string, withReapedChildren = false): number {
  const fields = statFields(file);
  const own = Number(fields[11]) + Number(fields[12]);
  // cutime + cstime: children that have exited and been waited for by this process.
  return (own + (withReapedChildren ? Number(fields[13]) + Number(fields[14]) : 0)) * TICK_MS;
}

export interface CpuTimes {
  /** Every thread of the server: JavaScript, libuv's pool (argon2, file I/O), GC helpers. */
  totalMs: number;
  /** The JavaScript thread alone, where rendering, route handlers and SQLite calls run. */
  mainThreadMs: number;
}

/** CPU time used so far by the server. `next start` serves in its own process (no child). */
export function serverCpu(pid: number): CpuTimes {
  return { totalMs: statCpuMs(`/proc/${pid}/stat`), mainThreadMs: statCpuMs(`/proc/${pid}/task/${pid}/stat`) };
}

/** Busy and total CPU time of the whole machine so far, in ms, from /proc/stat's first line. */
export function machineCpu(): { busyMs: number; totalMs: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const idle = fields[3]! + fields[4]!;
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busyMs: (total - idle) * TICK_MS, totalMs: total * TICK_MS };
}
