// The "Load" section of bench/RESULTS.md: one table per main phase (per route), one table of
// the steps that find where throughput stops growing, each with the machine, the date and
// how busy the machine was with other work.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { PhaseResult } from "./phase";
import { ROUTES } from "./stats";

export const SECTION_TITLE = "Load: many reviewers at once";

export interface Attempted {
  result: PhaseResult;
  /** Runs of this phase, including the one kept. */
  runs: number;
}

export const ms = (n: number): string => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n).toLocaleString("en")} ms` : "–");
export const pct = (n: number): string => `${Math.round(n)}%`;
const load = (r: PhaseResult): string => `${r.loadStart.toFixed(2)} → ${r.loadEnd.toFixed(2)}`;

/** "Server CPU 112% of one core (JavaScript thread 96%", or for two instances "…(2 instances, summed; JavaScript threads …". */
function serverCpuText(r: PhaseResult): string {
  const database = r.databaseCpu === null ? "" : `, PostgreSQL ${pct(r.databaseCpu)}`;
  const threads = r.instances > 1 ? `${r.instances} instances, summed; JavaScript threads` : "JavaScript thread";
  return `Server CPU ${pct(r.serverCpu)} of one core (${threads} ${pct(r.mainThreadCpu)}, ${ms(r.mainThreadMsPerRequest)} per request)${database}`;
}

export function phaseSummary(r: PhaseResult, runs: number): string[] {
  const s = r.signIn;
  return [
    `**${r.reviewers} reviewers, ${r.seconds} s**: ${r.requests.toLocaleString("en")} requests, **${r.throughput.toFixed(1)} req/s**; ` +
      `**${r.serverErrors} × 5xx**, **${r.busyBodies} responses mentioning SQLITE_BUSY** (${r.busyInLog} in the server log), ${r.networkErrors} network errors. ` +
      `${serverCpuText(r)}, load generator ${pct(r.clientCpu)}, other processes ${pct(r.othersCpu)}; ` +
      `event-loop delay p99 ${ms(r.loopDelayP99)} in the median second, worst ${ms(r.loopDelayMax)}; load average (1 min) ${load(r)}` +
      `${runs > 1 ? `; kept the least disturbed of ${runs} runs` : ""}.`,
    s === undefined
      ? ""
      : `Before it, the ${s.count} sign-ins (spread over the ramp) took p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, p99 ${ms(s.p99)} (${s.statuses}).`,
  ].filter(Boolean);
}

/** Where the JavaScript thread's time went, from the profile: groups of 1% or more, then the top functions. */
export function profileLines(r: PhaseResult): string[] {
  if (r.profile === null || r.profile.groups.length === 0) return [];
  const groups = r.profile.groups
    .filter((g) => g.percent >= 1)
    .map((g) => `${g.what} ${pct(g.percent)}`)
    .join("; ");
  const functions = r.profile.functions
    .slice(0, 6)
    .map((f) => `\`${f.what}\` ${f.percent.toFixed(1)}%`)
    .join(", ");
  return [`Server JavaScript thread during the window (V8 profile, self time): ${groups}. Busiest functions: ${functions}.`];
}

export function phaseTable(r: PhaseResult): string[] {
  const rows = r.routes.map(
    (x) => `| ${ROUTES[x.route]} | ${x.count.toLocaleString("en")} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} | ${x.statuses} |`,
  );
  return ["| route | requests | p50 | p95 | p99 | max | status codes |", "| --- | --- | --- | --- | --- | --- | --- |", ...rows];
}

function p99Of(r: PhaseResult, route: keyof typeof ROUTES): string {
  return ms(r.routes.find((x) => x.route === route)?.p99 ?? NaN);
}

/** The steps of one backend; a PostgreSQL column only when the database is a server of its own. */
export function stepsTable(steps: Attempted[]): string[] {
  const postgres = steps.some((s) => s.result.databaseCpu !== null);
  const threads = steps.some((s) => s.result.instances > 1) ? "server CPU (JS threads), both instances" : "server CPU (JS thread)";
  const head =
    `| reviewers | req/s | p50 (all) | p99 (all) | p99 list page | p99 document page | p99 span list | p99 create | ${threads} | JS thread per request | ` +
    `${postgres ? "PostgreSQL CPU | " : ""}event-loop p99 | 5xx / BUSY | others' CPU | load avg | runs |`;
  const rows = steps.map(
    ({ result: r, runs }) =>
      `| ${r.reviewers} | ${r.throughput.toFixed(1)} | ${ms(r.overall.p50)} | ${ms(r.overall.p99)} | ${p99Of(r, "list")} | ${p99Of(r, "page")} | ${p99Of(r, "spans")} | ${p99Of(r, "create")} | ` +
      `${pct(r.serverCpu)} (${pct(r.mainThreadCpu)}) | ${ms(r.mainThreadMsPerRequest)} | ${postgres ? `${pct(r.databaseCpu ?? NaN)} | ` : ""}` +
      `${ms(r.loopDelayP99)} | ${r.serverErrors} / ${r.busyBodies + r.busyInLog} | ${pct(r.othersCpu)} | ${load(r)} | ${runs} |`,
  );
  return [head, `|${" --- |".repeat(postgres ? 16 : 15)}`, ...rows];
}

// How often each route comes up in a reviewer's cycle of 11 requests (bench/load/reviewer.ts).
const MIX: Partial<Record<keyof typeof ROUTES, number>> = { list: 1, page: 1, spans: 2, create: 4, edit: 2, remove: 1 };

/** The data layer's own cost per route, and per request of the mix, beside the server's CPU per request. */
export function dataLayerLine(costs: Partial<Record<keyof typeof ROUTES, number>>, phase: PhaseResult): string {
  const entries = Object.entries(costs) as [keyof typeof ROUTES, number][];
  const weighted = mixCost(costs);
  const parts = entries.map(([route, cost]) => `${ROUTES[route].split(" (")[1]!.replace(")", "")} ${cost.toFixed(2)} ms`);
  return (
    `The data layer alone (the same lib/server calls each route makes, session check included, in one process on the ${phase.reviewers}-reviewer phase's database; median of 200 calls` +
    `${phase.databaseCpu === null ? "" : "; wall time, PostgreSQL's work and the loopback round trips included"}): ` +
    `${parts.join(", ")}; ${weighted.toFixed(2)} ms per request of the mix, against ${ms(phase.mainThreadMsPerRequest)} of JavaScript-thread CPU per request in the server.`
  );
}

/** With one reviewer the server serves one request at a time: its latencies are the service times. */
export function serviceLine(steps: Attempted[]): string {
  const alone = steps.find((s) => s.result.reviewers === 1)?.result;
  if (alone === undefined) return "";
  const parts = alone.routes.map((x) => `${ROUTES[x.route].split(" (")[1]!.replace(")", "")} ${ms(x.p50)}`);
  return `Service time with one reviewer (p50, nothing else queued): ${parts.join(", ")}; the JavaScript thread spent ${ms(alone.mainThreadMsPerRequest)} of CPU per request.`;
}

/** Index of the first step that adds reviewers but gains under 10% req/s, or -1. */
export function bendIndex(steps: Attempted[]): number {
  return steps.findIndex((s, i) => i > 0 && s.result.throughput < steps[i - 1]!.result.throughput * 1.1);
}

/** Where throughput stops growing. */
export function bendLine(steps: Attempted[]): string {
  const at = bendIndex(steps);
  if (at < 0) {
    const last = steps[steps.length - 1]?.result;
    return last === undefined ? "" : `Throughput still grew at every step, up to ${last.throughput.toFixed(1)} req/s at ${last.reviewers} reviewers.`;
  }
  const [a, b] = [steps[at - 1]!.result, steps[at]!.result];
  return `Throughput stops growing between ${a.reviewers} and ${b.reviewers} reviewers (${a.throughput.toFixed(1)} → ${b.throughput.toFixed(1)} req/s); past that, more reviewers only wait longer (p99 ${ms(a.overall.p99)} → ${ms(b.overall.p99)}).`;
}

/** The data layer's cost per request of the reviewers' mix, from its per-route costs. */
export function mixCost(costs: Partial<Record<keyof typeof ROUTES, number>>): number {
  return (Object.entries(costs) as [keyof typeof ROUTES, number][]).reduce((sum, [route, cost]) => sum + cost * (MIX[route] ?? 0), 0) / 11;
}

/** Replaces this section of RESULTS.md (up to the next "## "), or appends it. */
export function writeSection(file: string, body: string): void {
  const report = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const start = report.indexOf(`## ${SECTION_TITLE}\n`);
  if (start < 0) {
    writeFileSync(file, `${report.trimEnd()}\n\n${body}`);
    return;
  }
  const next = report.indexOf("\n## ", start + 3);
  writeFileSync(file, report.slice(0, start) + body + (next < 0 ? "" : report.slice(next + 1)));
}
