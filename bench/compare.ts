// The comparison of a story and match suggestions, on one story of 50 documents × 3,000 spans
// (bench/compare-seed.ts), as server time (the function call a page or route makes), three ways:
// cold, in a fresh child process with nothing cached; first call after the story was warmed
// (warmComparison, warmStory) as a page would start it; and warm, median of several runs after
// one warm-up, alternating with a bare better-sqlite3 read of the same rows, the ceiling no
// uncached loader can beat. bench/run.ts records it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { median, ms } from "./machine";
import { DOCUMENTS, SPANS_PER_REVIEWER, seedCompareStory, type SeededStory } from "./compare-seed";

const COMPARE_RUNS = 5;
const SUGGEST_RUNS = 10;
const COMPARE_TARGET_MS = 500;
const SUGGEST_TARGET_MS = 200;

const verdict = (time: number, target: number): string => (time < target ? `target < ${target} ms: met` : `target < ${target} ms: NOT MET`);

/**
 * nproc, the CPU model as /proc/cpuinfo names it, Node's version, and the load when the run
 * began: on a shared machine the load explains more of the spread than anything measured here.
 */
function machineRow(): string {
  const nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? "unknown";
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
  return `| machine | nproc ${nproc}; ${model}; Node ${process.version} | load average (1 / 5 / 15 min) at the start: ${load} |`;
}

/** Times `fn` and `base` alternately, `runs` times each after one warm-up of each. */
async function alternate(runs: number, fn: () => Promise<unknown>, base: () => Promise<unknown>): Promise<{ fn: number[]; base: number[] }> {
  await fn();
  await base();
  const times = { fn: [] as number[], base: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.fn.push(await timeOnce(fn));
    times.base.push(await timeOnce(base));
  }
  return times;
}

type Manager = import("@/lib/server/session").SessionUser;

// The bare reads each figure is held against: every column the comparison reads of the span
// rows it shows (gold on the settled documents, reviewers' spans elsewhere); and the text of
// every live span in the story's other documents, which is what a cold suggestion must read.
const SHOWN_ROWS = `select a.id, a.document_id, a.annotator_id, a.layer, a.kind, a.start, a."end", a.exact, a.attributes
  from annotations a join documents d on d.id = a.document_id
  where d.story_id = ? and a.deleted_at is null
    and a.layer = case when d.id in (select value from json_each(?)) then 'gold' else 'annotator' end`;
const CANDIDATE_ROWS = `select a.id, a.annotator_id, a.layer, a.exact from annotations a join documents d on d.id = a.document_id
  where d.story_id = ? and a.document_id <> ? and a.deleted_at is null`;

interface Job {
  seeded: SeededStory;
  manager: Manager;
}

async function runComparison({ seeded, manager }: Job): Promise<string> {
  const { loadComparison } = await import("@/lib/server/compare");
  const result = await loadComparison(manager, seeded.projectId, seeded.storyId, { reviewerId: null });
  if (!result.ok) throw new Error(`loadComparison refused: ${result.error}`);
  const { input, comparison } = result.view;
  return `${input.documents.length} documents, ${input.spans.length.toLocaleString("en")} spans shown, ${comparison.outlets.length} outlet rows, ${comparison.speakers.length} speakers, ${comparison.timelines.length} claim timelines`;
}

async function runSuggest({ seeded, manager }: Job): Promise<string> {
  const { suggestMatches } = await import("@/lib/server/claim-links/suggest");
  const result = await suggestMatches(manager, seeded.projectId, seeded.probe.documentId, seeded.probe.annotationId);
  if (!result.ok) throw new Error(`suggestMatches refused: ${result.error}`);
  return `${result.suggestions.length} returned`;
}

async function bareRead(what: "comparison" | "suggest", { seeded }: Job): Promise<number> {
  const { getSqlite } = await import("@/db");
  const sqlite = getSqlite();
  if (what === "comparison") return sqlite.prepare(SHOWN_ROWS).raw(true).all(seeded.storyId, JSON.stringify(seeded.settled)).length;
  return sqlite.prepare(CANDIDATE_ROWS).all(seeded.storyId, seeded.probe.documentId).length;
}

const CHILD_FLAG = "--compare-cold-child";

/** One call in a fresh process on the bench database: nothing cached, nothing compiled. */
function coldInChild(what: string, job: Job): { ms: number; note: string } {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join("bench", "compare.ts"), CHILD_FLAG, what, JSON.stringify(job)], {
    encoding: "utf8",
    env: process.env,
  });
  return JSON.parse(out.trim().split("\n").at(-1)!) as { ms: number; note: string };
}

async function child(what: string, job: Job): Promise<void> {
  // Open the connection and load the modules first: a server has done both before its first request.
  await import("@/db").then((db) => db.getSqlite());
  await import("@/lib/server/compare");
  await import("@/lib/server/claim-links/suggest");
  const t = performance.now();
  let note: string;
  if (what === "comparison" || what === "suggest") note = await (what === "comparison" ? runComparison(job) : runSuggest(job));
  else note = String(await bareRead(what === "comparison-read" ? "comparison" : "suggest", job));
  console.log(JSON.stringify({ ms: performance.now() - t, note }));
}

/** Runs `warm` while measuring the longest the event loop went without a turn, as requests would feel it. */
async function warmWithLag(warm: () => Promise<void>): Promise<{ total: number; lag: number }> {
  let lag = 0;
  let last = performance.now();
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    lag = Math.max(lag, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const t = performance.now();
  await warm();
  const total = performance.now() - t;
  running = false;
  return { total, lag };
}

async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function benchComparison(job: Job): Promise<string[]> {
  const db = await import("@/db");
  const { warmComparison } = await import("@/lib/server/compare/spans");
  const cold = coldInChild("comparison", job);
  const coldBase = coldInChild("comparison-read", job);
  // Warmed: a fresh connection (so an empty span cache), warmComparison, then the first view.
  await db.closeDb();
  db.getSqlite();
  const warming = await warmWithLag(() => warmComparison(job.seeded.projectId, job.seeded.storyId));
  const warmed = await timeOnce(() => runComparison(job));
  const read = await bareRead("comparison", job);
  let shown = "";
  const times = await alternate(
    COMPARE_RUNS,
    async () => void (shown = await runComparison(job)),
    () => bareRead("comparison", job),
  );
  const warm = median(times.fn);
  const base = median(times.base);
  const what = `story comparison (loadComparison, pooled layer, as manager), ${DOCUMENTS} documents × ${(2 * SPANS_PER_REVIEWER).toLocaleString("en")} spans`;
  return [
    `| ${what}: cold (fresh process, nothing cached) | ${ms(cold.ms)}; ${(cold.ms / coldBase.ms).toFixed(1)}× the bare read | ${verdict(cold.ms, COMPARE_TARGET_MS)}; bare SELECT of the ${read.toLocaleString("en")} shown span rows in its own fresh process ${ms(coldBase.ms)} |`,
    `| ${what}: first view after warmComparison | ${ms(warmed)}; ${(warmed / base).toFixed(2)}× the bare read | ${verdict(warmed, COMPARE_TARGET_MS)}; warmComparison took ${ms(warming.total)} in the background, the event loop waited at most ${ms(warming.lag)} for a turn |`,
    `| ${what}: warm | ${ms(warm)}; ${(warm / base).toFixed(2)}× the bare read | ${verdict(warm, COMPARE_TARGET_MS)}; bare SELECT of the same rows (raw arrays, attributes as JSON text) ${ms(base)}; ${shown}; median of ${COMPARE_RUNS} after one warm-up, alternating |`,
  ];
}

async function benchSuggestions(job: Job): Promise<string[]> {
  const { warmStory } = await import("@/lib/server/claim-links/warm");
  const cold = coldInChild("suggest", job);
  const coldBase = coldInChild("suggest-read", job);
  // Warmed: the process cache dropped, as in a fresh server, then warmStory, then the first call.
  delete (globalThis as { __claimLinkCandidates?: unknown }).__claimLinkCandidates;
  const warming = await warmWithLag(() => warmStory(job.seeded.storyId));
  let found = "";
  const warmed = await timeOnce(async () => void (found = await runSuggest(job)));
  const read = await bareRead("suggest", job);
  const times = await alternate(
    SUGGEST_RUNS,
    () => runSuggest(job),
    () => bareRead("suggest", job),
  );
  const warm = median(times.fn);
  const base = median(times.base);
  const what = `match suggestions for one claim over the story's ${DOCUMENTS} documents (suggestMatches, default limit, ${found})`;
  return [
    `| ${what}: cold (fresh process, nothing cached) | ${ms(cold.ms)}; ${(cold.ms / coldBase.ms).toFixed(1)}× the bare read | ${verdict(cold.ms, SUGGEST_TARGET_MS)}; builds the story's span vectors; bare SELECT of the ${read.toLocaleString("en")} candidate rows in its own fresh process ${ms(coldBase.ms)} |`,
    `| ${what}: first call after warmStory | ${ms(warmed)}; ${(warmed / base).toFixed(2)}× the bare read | ${verdict(warmed, SUGGEST_TARGET_MS)}; warmStory took ${ms(warming.total)} in the background, the event loop waited at most ${ms(warming.lag)} for a turn |`,
    `| ${what}: warm | ${ms(warm)}; ${(warm / base).toFixed(2)}× the bare read | ${verdict(warm, SUGGEST_TARGET_MS)}; warm calls rank cached vectors; bare SELECT of the candidate rows ${ms(base)}; median of ${SUGGEST_RUNS} after one warm-up, alternating |`,
  ];
}

export async function benchCompare(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-bench-compare-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.db");
  process.env.PROVENANCE_DEMO = "0";
  const { closeDb } = await import("@/db");
  try {
    const t0 = performance.now();
    const seeded = await seedCompareStory();
    const manager = { id: seeded.managerId, username: "manager", displayName: "Manager", role: "member" as const };
    const job: Job = { seeded, manager };
    const rows = [
      machineRow(),
      `| seed ${DOCUMENTS} documents × ${(2 * SPANS_PER_REVIEWER).toLocaleString("en")} spans (${seeded.spans.toLocaleString("en")} spans, 10 documents settled in gold), raw inserts | ${ms(performance.now() - t0)} | once |`,
    ];
    for (const part of [benchComparison, benchSuggestions]) {
      const more = await part(job);
      for (const row of more) console.error(row);
      rows.push(...more);
    }
    return rows;
  } finally {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === CHILD_FLAG) {
  child(process.argv[3]!, JSON.parse(process.argv[4]!) as Job).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
