// Export speed and memory on 1,000,000 spans (10,000 documents × 100 spans). Each format runs
// in a child process beside a bare better-sqlite3 iterate() over the same span rows, alternating,
// so the machine's noise hits both; the result is a ratio. Then the first byte of an HTTP export
// from a real `next start` (needs `npm run build`). bench/run.ts records the rows.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { median, ms } from "./machine";
import { DOCUMENTS, SPANS_PER_REVIEWER, seedExportCorpus } from "./export-seed";

const FORMATS = [
  { format: "jsonl", floor: 0.5 },
  { format: "csv", floor: 0.5 },
  { format: "w3c", floor: 0.25 },
  { format: "brat", floor: 0.25 },
  { format: "uima-xmi", floor: 0.25 },
  { format: "conll", floor: 0.25 },
] as const;

interface ChildResult {
  ms: number;
  rows: number;
  bytes: number;
  rssBefore: number;
  rssPeak: number;
}

function runChild(what: string, projectId: number, dbPath: string): ChildResult {
  const out = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", "export-child.ts"), what, String(projectId)], {
    env: { ...process.env, DATABASE_PATH: dbPath, PROVENANCE_DEMO: "0" },
    encoding: "utf8",
    maxBuffer: 1024 * 1024,
  });
  if (out.status !== 0) throw new Error(`${what} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout.trim().split("\n").pop()!) as ChildResult;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (rows: number, time: number): string => `${Math.round(rows / (time / 1000)).toLocaleString("en")}/s`;

async function firstByte(projectId: number, managerId: number, dbPath: string): Promise<string[]> {
  const { createSession, generateSessionToken } = await import("@/lib/server/session");
  const { startServer } = await import("../tests/e2e/harness");
  const token = generateSessionToken();
  await createSession(token, managerId);
  const server = await startServer({ dbPath, demo: false });
  const rows: string[] = [];
  const url = (format: string) => `${server.baseUrl}/projects/${projectId}/export/download?format=${format}&layer=all`;
  const headers = { cookie: `pd_session=${token}` };
  try {
    for (const { format } of FORMATS) {
      const ttfb: number[] = [];
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        const reader = (await fetch(url(format), { headers })).body!.getReader();
        await reader.read();
        ttfb.push(performance.now() - start);
        await reader.cancel();
        // Let the cancelled export wind down before the next one is timed.
        await new Promise((r) => setTimeout(r, 1500));
      }
      let whole = "";
      if (format === "jsonl" || format === "csv") {
        const start = performance.now();
        await (await fetch(url(format), { headers })).arrayBuffer();
        whole = `; the whole file in ${ms(performance.now() - start)}`;
      }
      rows.push(`| HTTP ${format} export of 1,000,000 spans: first byte | ${ms(median(ttfb))} | median of 3${whole}; target < 500 ms |`);
      console.error(rows.at(-1));
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export async function benchExport(options: { http: boolean } = { http: true }): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-bench-export-"));
  const dbPath = path.join(dir, "bench.db");
  process.env.DATABASE_PATH = dbPath;
  process.env.PROVENANCE_DEMO = "0";
  const { closeDb } = await import("@/db");
  try {
    const t0 = performance.now();
    const seeded = await seedExportCorpus();
    const rows = [
      `| seed ${DOCUMENTS.toLocaleString("en")} documents × ${2 * SPANS_PER_REVIEWER} spans (${seeded.spans.toLocaleString("en")} spans), raw inserts | ${ms(performance.now() - t0)} | once |`,
    ];
    for (const { format, floor } of FORMATS) {
      const baseline: ChildResult[] = [];
      const runs: ChildResult[] = [];
      for (let i = 0; i < 2; i++) {
        baseline.push(runChild("baseline", seeded.projectId, dbPath));
        runs.push(runChild(format, seeded.projectId, dbPath));
      }
      const base = median(baseline.map((r) => r.ms));
      const time = median(runs.map((r) => r.ms));
      const ratio = base / time;
      const growth = Math.max(...runs.map((r) => r.rssPeak - r.rssBefore));
      rows.push(
        `| ${format}: 1,000,000 spans | ${ms(time)} (${perSecond(seeded.spans, time)}); ${(ratio * 100).toFixed(0)}% of bare iterate() | bare iterate ${ms(base)} (${perSecond(seeded.spans, base)}); floor ${floor * 100}%${ratio >= floor ? "" : " — MISSED"}; ${mb(runs[0]!.bytes)} written; RSS +${mb(growth)} at peak (limit 150 MB); median of 2, alternating |`,
      );
      console.error(rows.at(-1));
    }
    if (options.http) rows.push(...(await firstByte(seeded.projectId, seeded.managerId, dbPath)));
    return rows;
  } finally {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}
