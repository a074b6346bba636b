// `npx tsx bench/synchronous.ts`: what `PRAGMA synchronous = FULL` costs a span save against
// NORMAL (both in WAL mode), through the real data layer: createAnnotation on a database made by
// the real migrations, on the same disk the app's data folder is on. One connection, the pragma
// flipped between rounds and the order swapped each round, so drift on this shared machine
// (other jobs, the file growing, WAL checkpoints) falls on both settings alike. Prints the figures
// and a section for bench/RESULTS.md.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb, databasePath, getDb, getSqlite } from "@/db";
import { documents, users } from "@/db/tables";
import { createAnnotation } from "@/lib/server/annotations";
import { ensureDemoProject } from "@/lib/server/demo";
import type { SessionUser } from "@/lib/server/session";
import { createFirstAdmin } from "@/lib/server/users";
import { codePointLength, sliceCodePoints } from "@/lib/text";
import { machineLine, median, percentile } from "./machine";
import { first } from "@/db/rows";

const SETTINGS = ["FULL", "NORMAL"] as const;
type Setting = (typeof SETTINGS)[number];
const ROUNDS = Number(process.env.SYNC_ROUNDS ?? 10);
const SAVES_PER_ROUND = Number(process.env.SYNC_SAVES ?? 200);

interface Target {
  user: SessionUser;
  projectId: number;
  documentId: number;
  text: string;
}

/** A fresh database beside the app's own data folder (same disk), with the demo articles and an admin. */
async function prepare(dir: string): Promise<Target> {
  process.env.DATABASE_PATH = path.join(dir, "synchronous.db");
  getDb();
  await ensureDemoProject("texts");
  const created = await createFirstAdmin({ username: "bench", displayName: "Bench", password: "a bench password" });
  if (!created.ok) throw new Error(created.error);
  const row = (await first(getDb().select().from(users).where(eq(users.id, created.userId))))!;
  const doc = (await first(getDb().select({ id: documents.id, projectId: documents.projectId, text: documents.text }).from(documents).limit(1)))!;
  return {
    user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role },
    projectId: doc.projectId,
    documentId: doc.id,
    text: doc.text,
  };
}

/** Times `count` span saves, each its own transaction as a request makes it; milliseconds per save. */
async function saves(target: Target, setting: Setting, count: number, offset: number): Promise<{ times: number[]; wallMs: number }> {
  getSqlite().pragma(`synchronous = ${setting}`);
  const applied = getSqlite().pragma("synchronous", { simple: true });
  if (applied !== (setting === "FULL" ? 2 : 1)) throw new Error(`synchronous is ${String(applied)}, not ${setting}`);
  const length = codePointLength(target.text);
  const times: number[] = [];
  const began = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const start = (offset + i * 7) % (length - 12);
    const end = start + 1 + ((offset + i) % 11);
    const input = { kind: "claim" as const, start, end, exact: sliceCodePoints(target.text, start, end), note: `${setting} ${offset + i}` };
    const t0 = process.hrtime.bigint();
    const result = await createAnnotation(target.user, target.projectId, target.documentId, input);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!result.ok) throw new Error(`save refused: ${result.error}`);
  }
  return { times, wallMs: Number(process.hrtime.bigint() - began) / 1e6 };
}

interface Figures {
  p50: number;
  p95: number;
  perSecond: number;
}

function figures(times: number[], wallMs: number): Figures {
  return { p50: median(times), p95: percentile(times, 95), perSecond: (times.length / wallMs) * 1000 };
}

const f2 = (n: number): string => `${n.toFixed(2)} ms`;
const rate = (n: number): string => `${Math.round(n).toLocaleString("en")}/s`;

function report(all: Record<Setting, Figures>, load: string): string[] {
  const { FULL: full, NORMAL: normal } = all;
  const total = ROUNDS * SAVES_PER_ROUND;
  return [
    "## Durability: synchronous = FULL vs NORMAL",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average at the start ${load}.`,
    "Run with `npx tsx bench/synchronous.ts`.",
    "",
    "| what | FULL | NORMAL | FULL ÷ NORMAL |",
    "| --- | --- | --- | --- |",
    `| span save (createAnnotation), p50 | ${f2(full.p50)} | ${f2(normal.p50)} | ${(full.p50 / normal.p50).toFixed(2)}× |`,
    `| span save, p95 | ${f2(full.p95)} | ${f2(normal.p95)} | ${(full.p95 / normal.p95).toFixed(2)}× |`,
    `| saves per second, one after another | ${rate(full.perSecond)} | ${rate(normal.perSecond)} | ${(full.perSecond / normal.perSecond).toFixed(2)}× |`,
    "",
    `${total.toLocaleString("en")} saves under each setting (${ROUNDS} rounds of ${SAVES_PER_ROUND}, alternating, order swapped each round), one`,
    "connection in WAL mode, each save one IMMEDIATE transaction (span, audit row, assignment) as the API makes it,",
    "on a database file on the same disk as the data folder.",
  ];
}

async function main(): Promise<void> {
  const dataFolder = path.dirname(databasePath());
  mkdirSync(dataFolder, { recursive: true });
  const dir = mkdtempSync(path.join(dataFolder, ".bench-synchronous-"));
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
  try {
    const target = await prepare(dir);
    await saves(target, "FULL", 50, 0); // warm-up: statement cache, first WAL frames
    await saves(target, "NORMAL", 50, 50);
    const times: Record<Setting, number[]> = { FULL: [], NORMAL: [] };
    const wall: Record<Setting, number> = { FULL: 0, NORMAL: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? SETTINGS : [...SETTINGS].reverse();
      for (const setting of order) {
        const run = await saves(target, setting, SAVES_PER_ROUND, 100 + (round * 2 + order.indexOf(setting)) * SAVES_PER_ROUND);
        times[setting].push(...run.times);
        wall[setting] += run.wallMs;
      }
    }
    const all = { FULL: figures(times.FULL, wall.FULL), NORMAL: figures(times.NORMAL, wall.NORMAL) };
    console.log(report(all, load).join("\n"));
  } finally {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
