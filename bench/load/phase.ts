// One load phase: a fresh copy of the seeded database, a fresh `next start`, a warm-up by the
// administrator (not recorded), every reviewer signing in (spread over the ramp), then all of
// them cycling for `seconds`. Alongside: CPU of the server (all threads, and the JavaScript
// thread), CPU used by other processes on this shared machine, and the event loop's delay.
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "./http";
import { runReviewer, type LoadDocument } from "./reviewer";
import { ADMIN, REVIEWER_PASSWORD, reviewerName } from "./seed";
import { monotonicMicros, summarizeProfile, type ProfileShare } from "./profile";
import { machineCpu, serverCpu, startLoadServer, type CpuTimes, type LoadServer } from "./server";
import { loginForm, postSignIn } from "./sign-in";
import { Recorder, type RouteSummary } from "./stats";

export interface PhaseOptions {
  reviewers: number;
  seconds: number;
  rampSeconds: number;
  thinkMs: number;
  seedPath: string;
  workDir: string;
  projectId: number;
  documents: LoadDocument[];
  /** Sample the server's JavaScript thread with V8's profiler (every 5 ms) during the window. */
  profile: boolean;
}

export interface PhaseResult {
  reviewers: number;
  seconds: number;
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
  /** Percent of one core over the measured window. */
  serverCpu: number;
  mainThreadCpu: number;
  /** CPU time of the JavaScript thread per request, ms: what one request costs the single thread. */
  mainThreadMsPerRequest: number;
  clientCpu: number;
  othersCpu: number;
  loopDelayP99: number;
  loopDelayMax: number;
  loadStart: number;
  loadEnd: number;
  profile: { groups: ProfileShare[]; functions: ProfileShare[] } | null;
}

interface ProbeLine {
  t: number;
  lagP99: number;
  lagMax: number;
}

function probeWindow(file: string, from: number, to: number): ProbeLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ProbeLine)
    .filter((line) => line.t > from && line.t <= to + 1000);
}

async function signInAll(server: LoadServer, options: PhaseOptions, recorder: Recorder): Promise<Client[]> {
  const form = await loginForm(new Client(server.baseUrl));
  const clients = Array.from({ length: options.reviewers }, () => new Client(server.baseUrl));
  const gap = (options.rampSeconds * 1000) / options.reviewers;
  await Promise.all(
    clients.map(async (client, i) => {
      await new Promise((r) => setTimeout(r, i * gap));
      const reply = await postSignIn(client, form, reviewerName(i), REVIEWER_PASSWORD);
      recorder.record("signIn", reply.status, reply.ms, reply.body, 303);
      if (!client.hasCookie("pd_session")) throw new Error(`${reviewerName(i)} could not sign in (${reply.status}).`);
    }),
  );
  return clients;
}

async function warmUp(server: LoadServer, options: PhaseOptions): Promise<void> {
  const client = new Client(server.baseUrl);
  await postSignIn(client, await loginForm(client), ADMIN.username, ADMIN.password);
  const ctx = { client, recorder: new Recorder(), projectId: options.projectId, documents: options.documents, index: 0, thinkMs: 0 };
  await runReviewer({ ...ctx, deadline: performance.now() + 3000 });
  client.close();
}

const percentOfCore = (ms: number, wallMs: number): number => (100 * ms) / wallMs;

interface Snapshot {
  server: CpuTimes;
  machine: { busyMs: number };
  client: NodeJS.CpuUsage;
  wall: number;
  time: number;
  micros: number;
  load: number;
}

const snapshot = (pid: number): Snapshot => ({
  server: serverCpu(pid),
  machine: machineCpu(),
  client: process.cpuUsage(),
  wall: performance.now(),
  time: Date.now(),
  micros: monotonicMicros(),
  load: os.loadavg()[0]!,
});

/** Everything but the profile, from the recorder and two snapshots around the measured window. */
function measure(recorder: Recorder, a: Snapshot, b: Snapshot, probe: ProbeLine[], serverLog: string, options: PhaseOptions): Omit<PhaseResult, "profile"> {
  const wall = b.wall - a.wall;
  const clientMs = (b.client.user - a.client.user + b.client.system - a.client.system) / 1000;
  const serverMs = b.server.totalMs - a.server.totalMs;
  const routes = recorder.summary();
  const requests = recorder.count(["signIn"]);
  const lags = probe.map((p) => p.lagP99).sort((x, y) => x - y);
  return {
    reviewers: options.reviewers,
    seconds: options.seconds,
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
    mainThreadCpu: percentOfCore(b.server.mainThreadMs - a.server.mainThreadMs, wall),
    mainThreadMsPerRequest: (b.server.mainThreadMs - a.server.mainThreadMs) / Math.max(1, requests),
    clientCpu: percentOfCore(clientMs, wall),
    othersCpu: Math.max(0, percentOfCore(b.machine.busyMs - a.machine.busyMs - serverMs - clientMs, wall)),
    loopDelayP99: lags.length ? lags[lags.length >> 1]! : NaN,
    loopDelayMax: probe.length ? probe.reduce((m, p) => Math.max(m, p.lagMax), 0) : NaN,
    loadStart: a.load,
    loadEnd: b.load,
  };
}

function freshFiles(options: PhaseOptions): { dbPath: string; probeFile: string; profileDir: string } {
  const dbPath = path.join(options.workDir, `phase-${options.reviewers}.db`);
  const probeFile = path.join(options.workDir, `probe-${options.reviewers}.jsonl`);
  const profileDir = path.join(options.workDir, `profile-${options.reviewers}`);
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, probeFile, profileDir]) rmSync(f, { recursive: true, force: true });
  copyFileSync(options.seedPath, dbPath);
  return { dbPath, probeFile, profileDir };
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const { dbPath, probeFile, profileDir } = freshFiles(options);
  const profiling = options.profile ? ["--cpu-prof", "--cpu-prof-interval", "5000", `--cpu-prof-dir=${profileDir}`] : [];
  const server = await startLoadServer(dbPath, probeFile, profiling);
  let result: Omit<PhaseResult, "profile">;
  let window: [number, number];
  try {
    await warmUp(server, options);
    const recorder = new Recorder();
    const clients = await signInAll(server, options, recorder);
    const start = snapshot(server.pid);
    const { projectId, documents, thinkMs } = options;
    const deadline = start.wall + options.seconds * 1000;
    await Promise.all(clients.map((client, index) => runReviewer({ client, recorder, projectId, documents, index, thinkMs, deadline })));
    const end = snapshot(server.pid);
    clients.forEach((c) => c.close());
    window = [start.micros, end.micros];
    result = measure(recorder, start, end, probeWindow(probeFile, start.time, end.time), server.log(), options);
  } finally {
    await server.stop();
  }
  return { ...result, profile: options.profile ? summarizeProfile(profileDir, ...window) : null };
}
