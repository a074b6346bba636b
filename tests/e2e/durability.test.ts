// No acknowledged save is ever lost: concurrent reviewers save spans through the HTTP API, the
// server is killed with SIGKILL while saves are in flight, a new server starts on the same
// file, and every span whose save was answered 201 is there, exactly as answered, in a file
// that passes integrity_check. Saves cut off by the kill were never acknowledged: each may or
// may not have been written, but never half (a written span has its audit row).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "@/lib/text";
import { startServer, type TestServer } from "./harness";
import { api, createFirstAdminOverHttp, signInOverHttp } from "./http-session";

const WRITERS = 12;
const KILL_AFTER = 150; // acknowledged saves before the kill
const PASSWORD = "a long admin password";

interface Attempt {
  documentId: number;
  body: { kind: "claim" | "opinion" | "quote"; start: number; end: number; exact: string; note: string };
  outcome: "acknowledged" | "refused" | "unanswered";
  id?: number;
  status?: number;
}

interface Doc {
  id: number;
  text: string;
}

let first: TestServer;
let second: TestServer | null = null;
let cookie: string;
let projectId: number;
let docs: Doc[];

/** Opens the server's SQLite file read-only (this test is about the file itself: SQLite only). */
function readOnly<T>(server: TestServer, read: (db: Database.Database) => T): T {
  if (server.database.dialect !== "sqlite") throw new Error("the durability test runs on SQLite only");
  const db = new Database(server.database.path, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  first = await startServer({ demo: "texts" });
  await createFirstAdminOverHttp(first.baseUrl, "ada", PASSWORD);
  cookie = await signInOverHttp(first.baseUrl, "ada", PASSWORD);
  // The demo's three articles; the administrator manages the demo project and may annotate it.
  docs = readOnly(first, (db) => db.prepare<[], Doc>("select id, text from documents order by id").all());
  projectId = readOnly(first, (db) => db.prepare<[], { id: number }>("select project_id as id from documents limit 1").get()!.id);
});

afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

/** The i-th span writer w saves: spread over the documents, every one different, tagged by its note. */
function spanFor(w: number, i: number): Attempt {
  const doc = docs[(w + i) % docs.length]!;
  const length = codePointLength(doc.text);
  const start = (w * 101 + i * 17) % (length - 20);
  const end = start + 1 + ((w + i) % 19);
  const kind = (["claim", "opinion", "quote"] as const)[i % 3]!;
  return {
    documentId: doc.id,
    body: { kind, start, end, exact: sliceCodePoints(doc.text, start, end), note: `durability w${w} #${i}` },
    outcome: "unanswered",
  };
}

/** Runs the writers until the server dies; kills it once KILL_AFTER saves are acknowledged. */
async function saveUntilKilled(): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  let acknowledged = 0;
  // In an object, so TypeScript does not narrow it to null across the writers' closures.
  const state: { kill: Promise<void> | null } = { kill: null };
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; state.kill === null; i++) {
      const attempt = spanFor(w, i);
      attempts.push(attempt);
      try {
        const res = await api(first.baseUrl, cookie, "POST", `/api/projects/${projectId}/documents/${attempt.documentId}/annotations`, attempt.body);
        attempt.status = res.status;
        attempt.outcome = res.status === 201 ? "acknowledged" : "refused";
        if (res.status !== 201) return;
        attempt.id = res.json.id as number;
        if (++acknowledged === KILL_AFTER) state.kill = first.kill("SIGKILL"); // the other writers' saves are in flight now
      } catch {
        return; // the connection died with the server: this save was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  await state.kill;
  return attempts;
}

describe("a server killed mid-stream", () => {
  it("keeps every acknowledged span, exactly as acknowledged, in a sound file", async () => {
    const attempts = await saveUntilKilled();
    const acknowledged = attempts.filter((a) => a.outcome === "acknowledged");
    const unanswered = attempts.filter((a) => a.outcome === "unanswered");
    expect(attempts.filter((a) => a.outcome === "refused").map((a) => a.status)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(unanswered.length, "no save was in flight when the server was killed").toBeGreaterThan(0);

    second = await startServer({ database: first.database, demo: "texts" });
    // The restarted server serves every acknowledged span, as it was answered.
    const served = new Map<number, Record<string, unknown>>();
    for (const doc of docs) {
      const res = await api(second.baseUrl, cookie, "GET", `/api/projects/${projectId}/documents/${doc.id}/annotations`);
      expect(res.status).toBe(200);
      for (const span of res.json.annotations as Record<string, unknown>[]) served.set(span.id as number, span);
    }
    for (const a of acknowledged) expect(served.get(a.id!), a.body.note).toMatchObject(a.body);

    const stored = readOnly(second, (db) => ({
      integrity: db.pragma("integrity_check", { simple: true }),
      spans: db
        .prepare<[], { id: number; note: string; audited: number }>(
          `select a.id, a.note, exists(select 1 from audit_log l where l.entity = 'annotation' and l.entity_id = a.id and l.action = 'create') as audited
         from annotations a where a.note like 'durability %'`,
        )
        .all(),
    }));
    expect(stored.integrity).toBe("ok");
    const byNote = new Map(stored.spans.map((s) => [s.note, s]));
    for (const a of acknowledged) expect(byNote.get(a.body.note)?.id, a.body.note).toBe(a.id);
    // A save is one transaction: no span without its audit row, whether acknowledged or not.
    expect(stored.spans.filter((s) => s.audited !== 1)).toEqual([]);
    const writtenAnyway = unanswered.filter((a) => byNote.has(a.body.note)).length;
    expect(stored.spans).toHaveLength(acknowledged.length + writtenAnyway);
    console.log(
      `[durability] ${acknowledged.length} saves acknowledged, all kept; ${unanswered.length} in flight at SIGKILL: ` +
        `${writtenAnyway} written before the process died (unacknowledged), ${unanswered.length - writtenAnyway} never written`,
    );

    // And the restarted server takes new saves.
    const after = spanFor(WRITERS, 0);
    const res = await api(second.baseUrl, cookie, "POST", `/api/projects/${projectId}/documents/${after.documentId}/annotations`, after.body);
    expect(res.status).toBe(201);
  }, 120_000);
});
