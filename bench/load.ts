// npm run bench:load: many reviewers at once against `next start` on loopback, on SQLite and on
// PostgreSQL with one and with two instances (--backends). Seeds each database once through
// lib/server (reviewers, a project, a few dozen articles), then per phase starts fresh servers on
// a fresh copy and lets N simulated reviewers sign in and annotate as fast as they answer. Main
// phases (50 and 200 reviewers, 60 s) give the per-route figures; shorter steps find where
// throughput stops growing. Within a phase the backends run one after the other, so each table
// compares them under the same conditions. Writes the "Load" section of bench/RESULTS.md.
// Options: see bench/load/args.ts, or `npm run bench:load -- --help`.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseLoadArgs, USAGE, type LoadArgs } from "./load/args";
import { prepareBackends, runDbChild, type Backend, type Backends } from "./load/backends";
import { ensureBuild } from "./load/build";
import { attemptOrStop, type Runs } from "./load/attempt";
import { bendLine, mixCost, dataLayerLine, phaseSummary, phaseTable, profileLines, SECTION_TITLE, serviceLine, stepsTable, writeSection } from "./load/report";
import { describeSetup } from "./load/setup-text";
import { backendsTable, stepsSideBySide } from "./load/side-by-side";
import type { RouteKey } from "./load/stats";
import { whyLine } from "./load/why";

const ROOT = process.cwd();

/** Median ms per route of the data layer alone, once per dialect, on the first backend's last main database. */
async function dataLayers(all: Runs[], workDir: string): Promise<Map<Backend["dialect"], Partial<Record<RouteKey, number>>>> {
  const costs = new Map<Backend["dialect"], Partial<Record<RouteKey, number>>>();
  for (const runs of all) {
    if (runs.lastMain === null || costs.has(runs.backend.dialect)) continue;
    const out = path.join(workDir, `data-layer-${runs.backend.name}.json`);
    try {
      await runDbChild(["data-layer", runs.backend.seedFile, out], runs.lastMain);
      costs.set(runs.backend.dialect, JSON.parse(readFileSync(out, "utf8")) as Partial<Record<RouteKey, number>>);
    } catch (error) {
      console.error(`[${runs.label}] timing the data layer failed, left out: ${(error as Error).message}`);
    }
  }
  return costs;
}

function backendSection(runs: Runs, args: LoadArgs, costs: Partial<Record<RouteKey, number>> | undefined, showCosts: boolean, suffix: string): string[] {
  const lines: string[] = [];
  if (runs.failed !== null) {
    // The error's first line, and the first error the server logged (the failure's own lines can be long).
    const [first, ...rest] = runs.failed.split("\n");
    const logged = rest.find((line) => /Error/.test(line))?.trim();
    lines.push(`**${runs.label} stopped early**: ${first!}${logged === undefined ? "" : ` \`${logged.replace(/`/g, "'")}\``}`, "");
  }
  for (const { result, runs: n } of runs.main) {
    lines.push(
      `### ${result.reviewers} reviewers for ${result.seconds} s${suffix}`,
      "",
      ...phaseSummary(result, n),
      "",
      ...phaseTable(result),
      "",
      ...profileLines(result),
      "",
    );
    if (result.samples.length > 0)
      lines.push("Unexpected replies (first few):", "", ...result.samples.map((s) => `- \`${s.replace(/`/g, "'").replace(/\s+/g, " ")}\``), "");
  }
  const last = runs.main.at(-1)?.result;
  if (costs !== undefined && showCosts && last !== undefined) lines.push(dataLayerLine(costs, last), "");
  if (runs.steps.length > 0)
    lines.push(
      `### Steps of ${args.stepSeconds} s with ${args.stepThinkMs} ms mean think time: where it bends${suffix}`,
      "",
      ...stepsTable(runs.steps),
      "",
      serviceLine(runs.steps),
      bendLine(runs.steps),
      whyLine(runs.steps, costs === undefined ? null : mixCost(costs)),
      "",
    );
  return lines;
}

async function measureAll(
  args: LoadArgs,
  backends: Backends,
  workDir: string,
  buildLine: string,
  reviewers: number,
): Promise<{ body: string; failed: boolean }> {
  const all: Runs[] = backends.list.map((backend) => ({ backend, label: backend.label, main: [], steps: [], lastMain: null, failed: null }));
  for (const n of args.reviewers)
    for (const runs of all) await attemptOrStop(runs, { kind: "main", reviewers: n, seconds: args.seconds, thinkMs: args.thinkMs }, args, workDir);
  const costs = await dataLayers(all, workDir);
  for (const n of args.steps)
    for (const runs of all) await attemptOrStop(runs, { kind: "step", reviewers: n, seconds: args.stepSeconds, thinkMs: args.stepThinkMs }, args, workDir);

  const lines = [`## ${SECTION_TITLE}`, "", ...describeSetup(args, backends, reviewers, buildLine), ""];
  if (all.length > 1) {
    lines.push("### The backends side by side", "", ...backendsTable(all), "");
    if (args.steps.length > 0)
      lines.push(`Steps of ${args.stepSeconds} s with ${args.stepThinkMs} ms mean think time (tables per backend below):`, "", ...stepsSideBySide(all), "");
  }
  const shown = new Set<Backend["dialect"]>();
  for (const runs of all) {
    const suffix = all.length > 1 || runs.backend.name !== "sqlite" ? ` — ${runs.label}` : "";
    const dialect = runs.backend.dialect;
    lines.push(...backendSection(runs, args, costs.get(dialect), !shown.has(dialect), suffix));
    shown.add(dialect);
  }
  return { body: lines.join("\n"), failed: all.some((r) => r.failed !== null) };
}

async function main(): Promise<void> {
  let args: LoadArgs;
  try {
    if (process.argv.includes("--help")) throw new Error("");
    args = parseLoadArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`.trim());
    process.exit(2);
  }
  const buildLine = ensureBuild(ROOT, args.build);
  console.log(buildLine);
  const workDir = mkdtempSync(path.join(tmpdir(), "pd-load-"));
  const reviewers = Math.max(...args.reviewers, ...args.steps);
  console.log(`Seeding ${args.backends.join(", ")} with ${reviewers} reviewers and ${args.documents} articles…`);
  const backends = await prepareBackends(args.backends, workDir, reviewers, args.documents, args.poolSize);
  // Interrupted (Ctrl-C), stop the PostgreSQL cluster too rather than leave it running in /tmp.
  const interrupted = (): void => void backends.stop().finally(() => process.exit(130));
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  let measured: { body: string; failed: boolean };
  try {
    measured = await measureAll(args, backends, workDir, buildLine, reviewers);
  } finally {
    await backends.stop();
  }
  const { body, failed } = measured;
  console.log(`\n${body}`);
  if (args.write) writeSection(path.join(ROOT, "bench", "RESULTS.md"), body);
  if (args.keep) console.log(`Work folder kept: ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
  if (failed) {
    console.error("A backend stopped early: see the start of its section.");
    process.exitCode = 1;
  }
}

void main();
