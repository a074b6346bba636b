// The "Why:" line under a backend's steps: why throughput bends, said from the figures rather
// than assumed. A server's one JavaScript thread, the machine's cores, the data layer's share of
// a request, SQLite's single writer or PostgreSQL's own CPU, and what happens past the peak.
import os from "node:os";
import type { PhaseResult } from "./measure";
import { bendIndex, ms, pct, type Attempted } from "./report";

const gcShare = (r: PhaseResult): number | undefined => r.profile?.groups.find((g) => g.what === "garbage collection")?.percent;

/** What stopped the peak step from going faster: one saturated thread per instance, all the cores, or neither (disturbed). */
function limitText(peak: PhaseResult, cores: number): string {
  const instances = peak.instances;
  const perThread = peak.mainThreadCpu / instances;
  const perRequest = peak.mainThreadMsPerRequest;
  const lateTimers = `timers on it ran ${ms(peak.loopDelayP99)} late (p99 of the median second): every request waits behind those already queued.`;
  if (perThread >= 80 && instances === 1)
    return `the server's JavaScript thread was busy ${pct(perThread)} of the time. Node runs all of a request's JavaScript on that one thread, so at ${ms(perRequest)} of its CPU per request it tops out near ${Math.round(1000 / perRequest)} req/s, and ${lateTimers}`;
  if (perThread >= 80)
    return `each of the ${instances} servers' JavaScript threads was busy ${pct(perThread)} of the time. Node runs all of a request's JavaScript on one thread, so at ${ms(perRequest)} of that CPU per request ${instances} instances top out near ${Math.round((instances * 1000) / perRequest)} req/s, and ${lateTimers.replace("on it", "on them")}`;
  const underTest = peak.machineCpu - peak.othersCpu;
  if (underTest >= 0.85 * 100 * cores) {
    const database = peak.databaseCpu === null ? "" : `, PostgreSQL ${pct(peak.databaseCpu)}`;
    return (
      `the machine's ${cores} cores were full (${pct(peak.machineCpu)} of one core in all: servers ${pct(peak.serverCpu)}${database}, load generator ${pct(peak.clientCpu)}, other processes ${pct(peak.othersCpu)}), ` +
      `so the servers' JavaScript threads, busy ${pct(perThread)} each, could get no more: the cores, not one thread, are the ceiling here.`
    );
  }
  const threads = instances === 1 ? "the server's JavaScript thread was busy only" : `the servers' JavaScript threads were busy only`;
  return `${threads} ${pct(perThread)} of the time${instances === 1 ? "" : " each"} (other processes ${pct(peak.othersCpu)}): this run did not reach the thread's ceiling, so the figures are disturbed.`;
}

function dataLayerText(peak: PhaseResult, dataLayerMs: number | null): string {
  if (dataLayerMs === null) return "";
  const perRequest = peak.mainThreadMsPerRequest;
  // What the CPU profiles of the load runs found; this run's own profile is above unless --no-profile.
  const rest = `Next.js routing and proxy.ts, React rendering, HTTP and web streams (${peak.profile === null ? "the profiles of earlier runs" : "profiles above"})`;
  if (peak.databaseCpu === null)
    return ` The data layer (SQLite through drizzle, session check included) is ${ms(dataLayerMs)} of those ${ms(perRequest)} (${pct((100 * dataLayerMs) / perRequest)}); the rest is ${rest}.`;
  return (
    ` The data layer alone (lib/server through drizzle and node-postgres, session check included) takes ${ms(dataLayerMs)} per request of the mix in wall time, ` +
    `PostgreSQL's work and the round trips included, beside ${ms(perRequest)} of JavaScript-thread CPU per request in the servers; most of that CPU is ${rest}.`
  );
}

function databaseText(steps: Attempted[], peak: PhaseResult): string {
  if (peak.databaseCpu === null) {
    const busy = steps.reduce((n, s) => n + s.result.busyBodies + s.result.busyInLog, 0);
    return busy === 0 ? " SQLite's single writer is not what bends: no request met SQLITE_BUSY." : ` ${busy} replies or log lines mentioned SQLITE_BUSY.`;
  }
  const errors = steps.reduce((n, s) => n + s.result.serverErrors, 0);
  const perRequest = (peak.databaseCpu * 10) / Math.max(0.1, peak.throughput);
  return ` PostgreSQL used ${pct(peak.databaseCpu)} of one core at the peak (${ms(perRequest)} of its CPU per request)${errors === 0 ? ", and no request failed with a 5xx" : `; ${errors} replies were 5xx`}.`;
}

function pastPeakText(peak: PhaseResult, last: PhaseResult): string {
  if (last.throughput >= peak.throughput) return "";
  const [gcPeak, gcLast] = [gcShare(peak), gcShare(last)];
  return (
    ` Past the peak throughput falls (${peak.throughput.toFixed(1)} → ${last.throughput.toFixed(1)} req/s at ${last.reviewers}) as JavaScript time per request grows (${ms(peak.mainThreadMsPerRequest)} → ${ms(last.mainThreadMsPerRequest)})` +
    // Name garbage collection only when its share visibly grew (a whole point or more).
    (gcPeak !== undefined && gcLast !== undefined && gcLast - gcPeak >= 1
      ? `, garbage collection going from ${pct(gcPeak)} to ${pct(gcLast)} of the thread with more requests in flight.`
      : ".")
  );
}

/** Why one backend's steps bend, or "" when throughput never stopped growing. */
export function whyLine(steps: Attempted[], dataLayerMs: number | null, cores = os.cpus().length): string {
  if (bendIndex(steps) < 0) return "";
  const peak = steps.reduce((best, s) => (s.result.throughput > best.result.throughput ? s : best)).result;
  const last = steps[steps.length - 1]!.result;
  const single = peak.instances === 1 && peak.databaseCpu === null;
  const closing = single
    ? " More reviewers per machine need more processes (several instances behind a load balancer, issue 13) or less work per request."
    : "";
  return `Why: at the peak (${peak.reviewers} reviewers, ${peak.throughput.toFixed(1)} req/s) ${limitText(peak, cores)}${dataLayerText(peak, dataLayerMs)}${databaseText(steps, peak)}${pastPeakText(peak, last)}${closing}`;
}
