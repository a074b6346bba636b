// What a load phase measured, from the recorder and two snapshots around its window: latency
// and status per route, throughput, and where the machine's CPU went: the app servers (summed
// over instances), the database server (PostgreSQL; SQLite runs inside the app), this load
// generator, and other people's processes on the shared machine.
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import { monotonicMicros, type ProfileShare } from "./profile";
import { machineCpu, serverCpu } from "./server";
import type { Recorder, RouteSummary } from "./stats";

export interface PhaseResult {
  reviewers: number;
  seconds: number;
  /** "SQLite, 1 instance", "PostgreSQL, 2 instances", … */
  backend: string;
  instances: number;
  signIn: RouteSummary | undefined;
  routes: RouteSummary[];
  requests: number;
  overall: { p50: number; p99: number };
  throughput: number;
  serverErrors: number;
  busyBodies: number;
  busyInLog: number;
  networkErrors: number;
  samples: string[];
  /** Percent of one core over the measured window, summed over the instances. */
  serverCpu: number;
  mainThreadCpu: number;
  /** CPU time of the JavaScript threads per request, ms: what one request costs a server's single thread. */
  mainThreadMsPerRequest: number;
  /** The PostgreSQL cluster's processes, percent of one core; null on SQLite. */
  databaseCpu: number | null;
  clientCpu: number;
  othersCpu: number;
  /** Every busy CPU of the machine, percent of one core (up to 100 × cores). */
  machineCpu: number;
  loopDelayP99: number;
  loopDelayMax: number;
  loadStart: number;
  loadEnd: number;
  profile: { groups: ProfileShare[]; functions: ProfileShare[] } | null;
}

export interface ProbeLine {
  t: number;
  lagP99: number;
  lagMax: number;
}

/** The event-loop probe's lines (./probe.cjs) of every instance that fall in the window. */
export function probeWindow(files: string[], from: number, to: number): ProbeLine[] {
  return files
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, "utf8").split("\n").filter(Boolean))
    .map((line) => JSON.parse(line) as ProbeLine)
    .filter((line) => line.t > from && line.t <= to + 1000);
}

export interface Snapshot {
  servers: { totalMs: number; mainThreadMs: number };
  databaseMs: number;
  machine: { busyMs: number };
  client: NodeJS.CpuUsage;
  wall: number;
  time: number;
  micros: number;
  load: number;
}

export function snapshot(pids: number[], databaseCpuMs: (() => number) | null): Snapshot {
  const servers = pids.map(serverCpu);
  return {
    servers: { totalMs: servers.reduce((s, c) => s + c.totalMs, 0), mainThreadMs: servers.reduce((s, c) => s + c.mainThreadMs, 0) },
    databaseMs: databaseCpuMs?.() ?? 0,
    machine: machineCpu(),
    client: process.cpuUsage(),
    wall: performance.now(),
    time: Date.now(),
    micros: monotonicMicros(),
    load: os.loadavg()[0]!,
  };
}

const percentOfCore = (ms: number, wallMs: number): number => (100 * ms) / wallMs;

export interface MeasureContext {
  reviewers: number;
  seconds: number;
  backend: string;
  instances: number;
  hasDatabaseServer: boolean;
}

/** Everything but the profile, from the recorder and two snapshots around the measured window. */
export function measure(
  recorder: Recorder,
  a: Snapshot,
  b: Snapshot,
  probe: ProbeLine[],
  serverLog: string,
  context: MeasureContext,
): Omit<PhaseResult, "profile"> {
  const wall = b.wall - a.wall;
  const clientMs = (b.client.user - a.client.user + b.client.system - a.client.system) / 1000;
  const serverMs = b.servers.totalMs - a.servers.totalMs;
  const mainMs = b.servers.mainThreadMs - a.servers.mainThreadMs;
  const databaseMs = b.databaseMs - a.databaseMs;
  const machineMs = b.machine.busyMs - a.machine.busyMs;
  const routes = recorder.summary();
  const requests = recorder.count(["signIn"]);
  const lags = probe.map((p) => p.lagP99).sort((x, y) => x - y);
  return {
    reviewers: context.reviewers,
    seconds: context.seconds,
    backend: context.backend,
    instances: context.instances,
    signIn: routes.find((r) => r.route === "signIn"),
    routes: routes.filter((r) => r.route !== "signIn"),
    requests,
    overall: recorder.overall(),
    throughput: requests / (wall / 1000),
    serverErrors: recorder.serverErrors,
    busyBodies: recorder.busyBodies,
    busyInLog: (serverLog.match(/SQLITE_BUSY|database is locked/gi) ?? []).length,
    networkErrors: recorder.networkErrors,
    samples: [...recorder.samples, ...(/error/i.test(serverLog) ? [`server log: ${serverLog.slice(-600)}`] : [])],
    serverCpu: percentOfCore(serverMs, wall),
    mainThreadCpu: percentOfCore(mainMs, wall),
    mainThreadMsPerRequest: mainMs / Math.max(1, requests),
    databaseCpu: context.hasDatabaseServer ? percentOfCore(databaseMs, wall) : null,
    clientCpu: percentOfCore(clientMs, wall),
    othersCpu: Math.max(0, percentOfCore(machineMs - serverMs - clientMs - databaseMs, wall)),
    machineCpu: percentOfCore(machineMs, wall),
    loopDelayP99: lags.length ? lags[lags.length >> 1]! : NaN,
    loopDelayMax: probe.length ? probe.reduce((m, p) => Math.max(m, p.lagMax), 0) : NaN,
    loadStart: a.load,
    loadEnd: b.load,
  };
}
