// Where the servers' JavaScript threads spent the measured window, from V8's CPU profiles
// (`node --cpu-prof`, written when a server exits; with two instances, both summed). Samples are cut to the window by their
// timestamps, which V8 takes from CLOCK_MONOTONIC like process.hrtime() in this process.
// Self time is grouped by what the code is, so the table reads as "rendering vs SQLite vs …".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  what: string;
  percent: number;
}

/** Microseconds on the clock V8 stamps its samples with. */
export const monotonicMicros = (): number => Number(process.hrtime.bigint() / 1000n);

// Ordered: the first group whose test matches a frame takes its self time. Native calls into
// SQLite show no frame of their own: V8 charges them to the JavaScript that made them, which is
// drizzle-orm inside the app bundle (running statements) or better-sqlite3's prepare().
const GROUPS: [string, (fn: string, url: string) => boolean][] = [
  ["idle", (fn) => fn === "(idle)"],
  ["garbage collection", (fn) => fn === "(garbage collector)"],
  ["better-sqlite3 (compiling SQL: drizzle prepares each query anew)", (_, url) => url.includes("better-sqlite3")],
  ["node-postgres (wire protocol, parsing rows)", (_, url) => /node_modules\/pg(-[a-z]+)?\//.test(url)],
  ["app bundle (app code, lib/server, drizzle-orm, zod; on SQLite also the statements themselves)", (_, url) => url.includes("/.next/server/")],
  ["React rendering and Next's compiled runtime", (_, url) => url.includes("next/dist/compiled")],
  ["Next.js server (routing, proxy.ts, request handling)", (_, url) => url.includes("next/dist")],
  ["Node.js (HTTP, web streams, async hooks)", (_, url) => url.startsWith("node:")],
  ["native (socket writes, string encoding, JSON)", (fn, url) => url === "" && !fn.startsWith("(")],
  ["V8 program and other", () => true],
];

interface Tally {
  byGroup: Map<string, number>;
  byFunction: Map<string, number>;
  total: number;
}

/** Adds one profile's self time during [fromMicros, toMicros] to the tally. */
function tallyProfile(profile: CpuProfile, fromMicros: number, toMicros: number, tally: Tally): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (at < fromMicros || at > toMicros) return;
    const frame = nodes.get(id)!;
    const group = GROUPS.find(([, test]) => test(frame.functionName, frame.url))![0];
    tally.byGroup.set(group, (tally.byGroup.get(group) ?? 0) + delta);
    const name = `${frame.functionName || "(anonymous)"} ${frame.url ? path.basename(frame.url) : ""}`.trim();
    tally.byFunction.set(name, (tally.byFunction.get(name) ?? 0) + delta);
    tally.total += delta;
  });
}

/** Self time by group during [fromMicros, toMicros] over every profile in `dir`, largest first, plus the top functions. */
export function summarizeProfile(dir: string, fromMicros: number, toMicros: number): { groups: ProfileShare[]; functions: ProfileShare[] } {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : [];
  if (files.length === 0) return { groups: [], functions: [] };
  const tally: Tally = { byGroup: new Map(), byFunction: new Map(), total: 0 };
  for (const file of files) tallyProfile(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile, fromMicros, toMicros, tally);
  const { byGroup, byFunction, total } = tally;
  const shares = (m: Map<string, number>): ProfileShare[] =>
    [...m].map(([what, us]) => ({ what, percent: (100 * us) / Math.max(1, total) })).sort((a, b) => b.percent - a.percent);
  return { groups: shares(byGroup), functions: shares(byFunction).slice(0, 12) };
}
