// One load phase: a fresh copy of the seeded database, fresh `next start` processes on it (one,
// or two on one PostgreSQL database), a warm-up of each by the administrator (not recorded),
// every reviewer signing in (spread over the ramp), then all of them cycling for `seconds`.
// With two instances the reviewers are dealt to the two addresses in turn: client-side round
// robin standing in for a load balancer. Alongside: CPU of the servers (all threads, and the
// JavaScript threads), of the PostgreSQL cluster, of other processes on this shared machine,
// and the event loops' delay.
import { rmSync } from "node:fs";
import path from "node:path";
import { Client } from "./http";
import { measure, probeWindow, snapshot, type PhaseResult } from "./measure";
import { summarizeProfile } from "./profile";
import { runReviewer, type LoadDocument } from "./reviewer";
import { ADMIN, REVIEWER_PASSWORD, reviewerName } from "./seed";
import { startLoadServer, type DatabaseEnv, type LoadServer } from "./server";
import { loginForm, postSignIn } from "./sign-in";
import { Recorder } from "./stats";

export type { PhaseResult } from "./measure";

export interface PhaseOptions {
  reviewers: number;
  seconds: number;
  rampSeconds: number;
  thinkMs: number;
  /** Names this phase's files in workDir: `probe-<tag>-<i>.jsonl`, `profile-<tag>/`. */
  tag: string;
  workDir: string;
  /** The fresh database of this phase, as environment for `next start`. */
  database: DatabaseEnv;
  backend: string;
  instances: number;
  databaseCpuMs: (() => number) | null;
  projectId: number;
  documents: LoadDocument[];
  /** Sample the servers' JavaScript threads with V8's profiler (every 5 ms) during the window. */
  profile: boolean;
}

async function signInAll(servers: LoadServer[], options: PhaseOptions, recorder: Recorder): Promise<Client[]> {
  const forms = await Promise.all(servers.map((server) => loginForm(new Client(server.baseUrl))));
  const clients = Array.from({ length: options.reviewers }, (_, i) => new Client(servers[i % servers.length]!.baseUrl));
  const gap = (options.rampSeconds * 1000) / options.reviewers;
  await Promise.all(
    clients.map(async (client, i) => {
      await new Promise((r) => setTimeout(r, i * gap));
      const reply = await postSignIn(client, forms[i % servers.length]!, reviewerName(i), REVIEWER_PASSWORD);
      recorder.record("signIn", reply.status, reply.ms, reply.body, 303);
      if (!client.hasCookie("pd_session"))
        throw new Error(`${reviewerName(i)} could not sign in (${reply.status}). The server's log ends:\n${servers[i % servers.length]!.log().slice(-2000)}`);
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

async function startServers(options: PhaseOptions, probeFiles: string[], profileDir: string): Promise<LoadServer[]> {
  const profiling = options.profile ? ["--cpu-prof", "--cpu-prof-interval", "5000", `--cpu-prof-dir=${profileDir}`] : [];
  const servers: LoadServer[] = [];
  try {
    // One after the other: on a fresh database the first applies the migrations (a no-op on a copy of the seed).
    for (const probeFile of probeFiles) servers.push(await startLoadServer(options.database, probeFile, profiling));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return servers;
}

export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const probeFiles = Array.from({ length: options.instances }, (_, i) => path.join(options.workDir, `probe-${options.tag}-${i + 1}.jsonl`));
  const profileDir = path.join(options.workDir, `profile-${options.tag}`);
  for (const f of [...probeFiles, profileDir]) rmSync(f, { recursive: true, force: true });
  const servers = await startServers(options, probeFiles, profileDir);
  const pids = servers.map((s) => s.pid);
  let result: Omit<PhaseResult, "profile">;
  let window: [number, number];
  try {
    for (const server of servers) await warmUp(server, options);
    const recorder = new Recorder();
    const clients = await signInAll(servers, options, recorder);
    const start = snapshot(pids, options.databaseCpuMs);
    const { projectId, documents, thinkMs } = options;
    const deadline = start.wall + options.seconds * 1000;
    await Promise.all(clients.map((client, index) => runReviewer({ client, recorder, projectId, documents, index, thinkMs, deadline })));
    const end = snapshot(pids, options.databaseCpuMs);
    clients.forEach((c) => c.close());
    window = [start.micros, end.micros];
    const log = servers.map((s) => s.log()).join("\n");
    result = measure(recorder, start, end, probeWindow(probeFiles, start.time, end.time), log, {
      ...options,
      hasDatabaseServer: options.databaseCpuMs !== null,
    });
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
  return { ...result, profile: options.profile ? summarizeProfile(profileDir, ...window) : null };
}
