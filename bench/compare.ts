// The comparison of a story and match suggestions, on one story of 50 documents × 3,000 spans
// (bench/compare-seed.ts). Each is timed in this process as server time (the function call a
// page or route makes), median of several runs after one warm-up, alternating with a bare
// better-sqlite3 read of the same rows: the ceiling no loader can beat. bench/run.ts records it.
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
  const load = loadavg().map((n) => n.toFixed(1)).join(" / ");
  return `| machine | nproc ${nproc}; ${model}; Node ${process.version} | load average (1 / 5 / 15 min) at the start: ${load} |`;
}

/** Times `fn` and `base` alternately, `runs` times each after one warm-up of each. */
function alternate(runs: number, fn: () => void, base: () => void): { fn: number[]; base: number[] } {
  fn();
  base();
  const times = { fn: [] as number[], base: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    fn();
    times.fn.push(performance.now() - t);
    t = performance.now();
    base();
    times.base.push(performance.now() - t);
  }
  return times;
}

async function benchComparison(seeded: SeededStory, manager: import("@/lib/server/session").SessionUser): Promise<string[]> {
  const { getSqlite } = await import("@/db");
  const { loadComparison } = await import("@/lib/server/compare");
  // The rows the comparison shows (gold on the settled documents, reviewers' spans elsewhere),
  // with every column it reads, and with offsets and kinds only: the least any loader must read.
  const shownRows = (columns: string) =>
    getSqlite()
      .prepare(
        `select ${columns} from annotations a join documents d on d.id = a.document_id
          where d.story_id = ? and a.deleted_at is null
            and a.layer = case when d.id in (select value from json_each(?)) then 'gold' else 'annotator' end`,
      )
      .raw(true);
  const rows = shownRows(`a.id, a.document_id, a.annotator_id, a.layer, a.kind, a.start, a."end", a.exact, a.attributes`);
  const lean = shownRows(`a.id, a.document_id, a.annotator_id, a.kind, a.start, a."end"`);
  const settled = JSON.stringify(seeded.settled);
  let shown = "";
  let read = 0;
  const times = alternate(
    COMPARE_RUNS,
    () => {
      const result = loadComparison(manager, seeded.projectId, seeded.storyId, { reviewerId: null });
      if (!result.ok) throw new Error(`loadComparison refused: ${result.error}`);
      const { input, comparison } = result.view;
      shown = `${input.documents.length} documents, ${input.spans.length.toLocaleString("en")} spans shown, ${comparison.outlets.length} outlet rows, ${comparison.speakers.length} speakers, ${comparison.timelines.length} claim timelines`;
    },
    () => {
      read = rows.all(seeded.storyId, settled).length;
    },
  );
  const time = median(times.fn);
  const base = median(times.base);
  const floor = median(Array.from({ length: COMPARE_RUNS }, () => {
    const t = performance.now();
    lean.all(seeded.storyId, settled);
    return performance.now() - t;
  }));
  return [
    `| story comparison (loadComparison, pooled layer, as manager): ${DOCUMENTS} documents × ${(2 * SPANS_PER_REVIEWER).toLocaleString("en")} spans | ${ms(time)}; ${(time / base).toFixed(1)}× the bare read | ${verdict(time, COMPARE_TARGET_MS)}; bare SELECT of the same ${read.toLocaleString("en")} span rows (raw arrays, attributes as JSON text) ${ms(base)}, with offsets and kinds only ${ms(floor)}; ${shown}; median of ${COMPARE_RUNS} after one warm-up, alternating |`,
  ];
}

async function benchSuggestions(seeded: SeededStory, manager: import("@/lib/server/session").SessionUser): Promise<string[]> {
  const db = await import("@/db");
  const { suggestMatches } = await import("@/lib/server/claim-links");
  const { documentId, annotationId } = seeded.probe;
  const suggest = (): number => {
    const result = suggestMatches(manager, seeded.projectId, documentId, annotationId);
    if (!result.ok) throw new Error(`suggestMatches refused: ${result.error}`);
    return result.suggestions.length;
  };
  // Cold: the first call in this process (suggestMatches keeps its span vectors in memory), on a
  // fresh connection.
  db.closeDb();
  db.getDb();
  let t = performance.now();
  const found = suggest();
  const cold = performance.now() - t;
  // The baseline: what a cold call has to read, every live span's text in the story's other documents.
  const candidates = db.getSqlite().prepare(
    `select a.id, a.annotator_id, a.layer, a.exact
       from annotations a join documents d on d.id = a.document_id
      where d.story_id = ? and a.document_id <> ? and a.deleted_at is null`,
  );
  t = performance.now();
  const read = candidates.all(seeded.storyId, documentId).length;
  const coldBase = performance.now() - t;
  const times = alternate(SUGGEST_RUNS, suggest, () => candidates.all(seeded.storyId, documentId));
  const warm = median(times.fn);
  const base = median(times.base);
  const what = `match suggestions for one claim over the story's ${DOCUMENTS} documents (suggestMatches, default limit, ${found} returned)`;
  return [
    `| ${what}: cold | ${ms(cold)} | ${verdict(cold, SUGGEST_TARGET_MS)}; first call in the process, which builds suggestMatches' in-memory span vectors; reading the ${read.toLocaleString("en")} candidate rows cold took ${ms(coldBase)} |`,
    `| ${what}: warm | ${ms(warm)}; ${(warm / base).toFixed(1)}× the bare read | ${verdict(warm, SUGGEST_TARGET_MS)}; warm calls rank cached vectors, so they read fewer rows than the bare SELECT of the candidate rows (${ms(base)}); median of ${SUGGEST_RUNS} after one warm-up, alternating |`,
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
    const rows = [machineRow(), `| seed ${DOCUMENTS} documents × ${(2 * SPANS_PER_REVIEWER).toLocaleString("en")} spans (${seeded.spans.toLocaleString("en")} spans, 10 documents settled in gold), raw inserts | ${ms(performance.now() - t0)} | once |`];
    for (const part of [benchComparison, benchSuggestions]) {
      const more = await part(seeded, manager);
      for (const row of more) console.error(row);
      rows.push(...more);
    }
    return rows;
  } finally {
    closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}
