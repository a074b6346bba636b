// A SQLite database of this app with a row in every table, made through the app's own code (the
// demo project: articles, spans, gold, links, ratings; then a session, an API token, a throttled
// sign-in, a segment, a published rating and a rejected suggestion), and the PostgreSQL side's
// plain SQL views of it for the copy tests.
import path from "node:path";
import Database from "better-sqlite3";
import type pg from "pg";
import { databasePath, getSqlite } from "@/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { ensureDemoProject } from "@/lib/server/demo";
import { recordReferenceRating } from "@/lib/server/outlets";
import { createSegment } from "@/lib/server/segments";
import { createSession, generateSessionToken } from "@/lib/server/session";
import { rejectSuggestion } from "@/lib/server/suggestions-decide";
import { loginFailed, throttleKeys } from "@/lib/server/throttle";
import { admin } from "./helpers";
import { byWords, open, QUOTES, suggestWorld } from "./suggestions-helpers";

function ok<T extends { ok: boolean }>(result: T): T & { ok: true } {
  if (!result.ok) throw new Error(`seeding refused: ${JSON.stringify(result)}`);
  return result as T & { ok: true };
}

/** Fills this test file's database (DATABASE_PATH) and returns its path. */
export async function seedEveryTable(): Promise<string> {
  await ensureDemoProject("full");
  const boss = await admin();
  // Enough sessions (text keys) and suggestion decisions to span several small pages.
  for (let i = 0; i < 8; i++) await createSession(generateSessionToken(), boss.id);
  ok(await createApiToken(boss, { name: "Nightly export ✓" }));
  await loginFailed(throttleKeys("mallory", "203.0.113.9"));
  const w = await suggestWorld();
  ok(await rejectSuggestion(w.ana, w.p, w.doc, byWords(await open(w.ana, w), QUOTES.okafor).key));
  const segment = ok(await createSegment(w.ana, w.p, w.doc, { start: 0, end: 12, outlet: "Wire Service Ω" }));
  const outletId = getSqlite().prepare<[number], { id: number }>("select original_outlet_id as id from segments where id = ?").get(segment.segment.id)!.id;
  const published = {
    publisher: "AllSides",
    axis: "left_right",
    value: -1.25,
    label: "Lean Left",
    retrievedAt: "2031-01-02",
    url: "https://allsides.example/r",
  };
  ok(await recordReferenceRating(boss, outletId, published));
  // A reply whose parent has the larger id: the copy must insert the child before its parent.
  getSqlite().exec("update annotations set parent_id = (select max(id) from annotations) where id = (select min(id) from annotations)");
  return databasePath();
}

/** A consistent copy of the database at `source`, as its own file, for tests that change it. */
export function fileCopy(source: string, dir: string, name: string): string {
  const copy = path.join(dir, name);
  const db = new Database(source, { readonly: true });
  try {
    db.prepare("vacuum into ?").run(copy);
  } finally {
    db.close();
  }
  return copy;
}

/** Runs `work` with a SQLite connection on `file` (created when missing) that may write. */
export function editSqlite<T>(file: string, work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/** count(*) per table through plain SQL on each side, independent of the copy tool's own reader. */
export async function plainCounts(
  sourceFile: string,
  pool: pg.Pool,
  tables: string[],
): Promise<{ sqlite: Record<string, number>; pg: Record<string, number> }> {
  const counts = { sqlite: {} as Record<string, number>, pg: {} as Record<string, number> };
  const db = new Database(sourceFile, { readonly: true });
  try {
    for (const t of tables) {
      counts.sqlite[t] = db.prepare<[], { n: number }>(`select count(*) as n from "${t}"`).get()!.n;
      counts.pg[t] = Number((await pool.query<{ n: string }>(`select count(*) as n from "${t}"`)).rows[0]!.n);
    }
  } finally {
    db.close();
  }
  return counts;
}
