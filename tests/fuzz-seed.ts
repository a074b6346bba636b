// Seed handling and run budgets for the fuzz suites (tests/unit/fuzz, tests/server/fuzz).
// Every property in a run uses one seed: FUZZ_SEED when it is set, else the committed default,
// so CI replays exactly the same cases on every run and a failure anywhere can be replayed by
// running the same files with the seed the failure message prints.
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";

/** Committed so CI is reproducible; set FUZZ_SEED to explore other cases. */
export const DEFAULT_FUZZ_SEED = 20_250_610;

/**
 * Generated cases per property (fast-check's numRuns), in one place so their sum can be
 * checked. The pure properties carry the bulk; the route and data-layer properties do real
 * I/O per case and get fewer. Each file passes its entry to `fuzz`.
 */
export const FUZZ_RUNS = {
  offsetRoundTrip: 2500,
  offsetIndexAgrees: 1500,
  paragraphMapping: 1000,
  snapping: 2000,
  edgeMoves: 1000,
  quoteSelectors: 800,
  normalizeIdempotent: 2000,
  cleanTitleIdempotent: 600,
  importText: 400,
  importBytes: 300,
  importHtml: 100,
  markupDepthBound: 60,
  calendarDates: 1000,
  routeBodies: 300,
  spanLifecycles: 100,
} as const satisfies Record<string, number>;

export type FuzzProperty = keyof typeof FUZZ_RUNS;

// fast-check's seeds are 32-bit integers.
const SEED_MIN = -(2 ** 31);
const SEED_MAX = 2 ** 31 - 1;

/** The run's seed: FUZZ_SEED when set, else the committed default. A malformed value stops the run. */
export function fuzzSeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.FUZZ_SEED;
  if (raw === undefined || raw.trim() === "") return DEFAULT_FUZZ_SEED;
  const seed = Number(raw);
  if (!/^\s*-?\d+\s*$/.test(raw) || seed < SEED_MIN || seed > SEED_MAX) {
    throw new Error(`FUZZ_SEED must be a whole number from ${SEED_MIN} to ${SEED_MAX}; got "${raw}".`);
  }
  return seed;
}

/** What a failure prints besides fast-check's own report: the command that replays it. */
export function replayHint(seed: number, file: string): string {
  return `Replay this run: FUZZ_SEED=${seed} npx vitest run ${file}`;
}

/**
 * Runs `property` for `numRuns` cases from `seed`. On failure, throws fast-check's report (the
 * shrunk counterexample, its seed and path), the assertion that failed, and the command that
 * replays the run.
 */
export async function checkProperty<Ts>(property: fc.IRawProperty<Ts>, run: { name: string; seed: number; numRuns: number; file: string }): Promise<void> {
  const details = await fc.check(property, { seed: run.seed, numRuns: run.numRuns });
  if (!details.failed) return;
  const report = (await fc.asyncDefaultReportMessage(details)) ?? "The property failed.";
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Fuzz property "${run.name}" failed with FUZZ_SEED=${run.seed}.\n${report}\n\nWhat failed: ${cause}\n\n${replayHint(run.seed, run.file)}`, {
    cause: details.errorInstance,
  });
}

/** Runs one of the suite's properties with its budget and the run's seed; `fileUrl` is the test's `import.meta.url`. */
export async function fuzz<Ts>(name: FuzzProperty, property: fc.IRawProperty<Ts>, fileUrl: string): Promise<void> {
  const file = path.relative(process.cwd(), fileURLToPath(fileUrl));
  await checkProperty(property, { name, seed: fuzzSeed(), numRuns: FUZZ_RUNS[name], file });
}
