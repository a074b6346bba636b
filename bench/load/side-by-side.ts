// The tables that set the backends beside each other (SQLite, PostgreSQL with one and with two
// instances): per main phase, throughput, latency, 5xx and where the CPU went; per step,
// throughput and p99 in columns, with where each one bends.
import { bendLine, ms, pct, type Attempted } from "./report";

export interface BackendRuns {
  label: string;
  main: Attempted[];
  steps: Attempted[];
}

/** One row per main phase and backend, the phases in the order they ran. */
export function backendsTable(runs: BackendRuns[]): string[] {
  const phases = [...new Set(runs.flatMap((b) => b.main.map((a) => a.result.reviewers)))];
  const rows = phases.flatMap((reviewers) =>
    runs.flatMap(({ label, main }) =>
      main
        .filter((a) => a.result.reviewers === reviewers)
        .map(
          ({ result: r, runs: n }) =>
            `| ${r.reviewers} for ${r.seconds} s | ${label} | ${r.throughput.toFixed(1)} | ${ms(r.overall.p50)} | ${ms(r.overall.p99)} | ${r.serverErrors} | ` +
            `${pct(r.serverCpu)} (${pct(r.mainThreadCpu)}) | ${r.databaseCpu === null ? "–" : pct(r.databaseCpu)} | ${pct(r.clientCpu)} | ${pct(r.othersCpu)} | ${n} |`,
        ),
    ),
  );
  return [
    "| reviewers | backend | req/s | p50 (all) | p99 (all) | 5xx | server CPU (JS threads), summed over instances | PostgreSQL CPU | load generator CPU | others' CPU | runs |",
    `|${" --- |".repeat(11)}`,
    ...rows,
  ];
}

/** Steps in rows, each backend's req/s and p99 in two columns. */
export function stepsSideBySide(runs: BackendRuns[]): string[] {
  const withSteps = runs.filter((b) => b.steps.length > 0);
  if (withSteps.length === 0) return [];
  const counts = [...new Set(withSteps.flatMap((b) => b.steps.map((s) => s.result.reviewers)))];
  const head = `| reviewers | ${withSteps.map((b) => `${b.label}: req/s | ${b.label}: p99`).join(" | ")} |`;
  const rows = counts.map((n) => {
    const cells = withSteps.map((b) => {
      const step = b.steps.find((s) => s.result.reviewers === n)?.result;
      return step === undefined ? "– | –" : `${step.throughput.toFixed(1)} | ${ms(step.overall.p99)}`;
    });
    return `| ${n} | ${cells.join(" | ")} |`;
  });
  const bends = withSteps.map((b) => `- ${b.label}: ${bendLine(b.steps)}`);
  return [head, `|${" --- |".repeat(1 + 2 * withSteps.length)}`, ...rows, "", ...bends];
}
