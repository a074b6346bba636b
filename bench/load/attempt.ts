// One phase of the load bench on one backend: waiting for the shared machine to go quiet, a
// fresh copy of the seed, the phase itself, and a rerun when other people's processes took
// more than the allowed share of a core. A backend whose phase fails is stopped there, so a
// long run still reports the others.
import type { LoadArgs } from "./args";
import type { Backend } from "./backends";
import { runPhase } from "./phase";
import { waitForQuiet } from "./quiet";
import { phaseSummary, profileLines, type Attempted } from "./report";
import { loadDocument } from "./reviewer";
import type { DatabaseEnv } from "./server";
import type { BackendRuns } from "./side-by-side";

export interface Phase {
  kind: "main" | "step";
  reviewers: number;
  seconds: number;
  thinkMs: number;
}

export interface Runs extends BackendRuns {
  backend: Backend;
  /** The database of the last main phase, for the data-layer timing. */
  lastMain: DatabaseEnv | null;
  /** Why this backend's phases stopped early (the error), or null. */
  failed: string | null;
}

/** Runs a phase on a fresh database, again when other work on the machine took more than the allowed share of a core. */
async function attempt(runs: Runs, phase: Phase, args: LoadArgs, workDir: string): Promise<Attempted> {
  const { backend } = runs;
  const tag = `${backend.name}-${phase.kind}-${phase.reviewers}`;
  const documents = backend.seed.documents.map((d) => loadDocument(d.id, d.text));
  let best: Attempted | null = null;
  for (let run = 1; run <= 1 + args.retries; run++) {
    if (args.waitQuiet > 0) {
      const quiet = await waitForQuiet(args.disturbedPercent, args.waitQuiet);
      if (quiet.waited > 5) console.log(`  waited ${quiet.waited} s for other processes to go quiet (now ${Math.round(quiet.busy)}% of a core).`);
    }
    const database = await backend.freshDatabase(tag);
    if (phase.kind === "main") runs.lastMain = database;
    const result = await runPhase({
      ...phase,
      rampSeconds: args.rampSeconds,
      tag,
      workDir,
      database,
      backend: backend.label,
      instances: backend.instances,
      databaseCpuMs: backend.databaseCpuMs,
      projectId: backend.seed.projectId,
      documents,
      profile: args.profile,
    });
    console.log([`[${backend.label}]`, ...phaseSummary(result, run), ...profileLines(result)].join("\n"));
    if (best === null || result.othersCpu < best.result.othersCpu) best = { result, runs: run };
    best.runs = run;
    if (result.othersCpu <= args.disturbedPercent || run > args.retries) break;
    console.log(`  other processes used ${Math.round(result.othersCpu)}% of a core: running this phase again.`);
  }
  return best!;
}

/** Runs the phase unless this backend has failed already; a failure stops its later phases, not the other backends'. */
export async function attemptOrStop(runs: Runs, phase: Phase, args: LoadArgs, workDir: string): Promise<void> {
  if (runs.failed !== null) return;
  try {
    const done = await attempt(runs, phase, args, workDir);
    (phase.kind === "main" ? runs.main : runs.steps).push(done);
  } catch (error) {
    runs.failed = `the ${phase.reviewers}-reviewer ${phase.kind === "main" ? "phase" : "step"} failed: ${(error instanceof Error ? error.message : String(error)).slice(0, 1500)}`;
    console.error(`[${runs.label}] stopped: ${runs.failed}`);
  }
}
