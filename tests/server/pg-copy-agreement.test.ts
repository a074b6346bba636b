// Issue 13's acceptance: a SQLite database holding the sample corpus (../shared/corpus) with two
// reviewers' spans, gold from adjudication and outlet and document ratings, copied into
// PostgreSQL by the copy tool, shows the same agreement figures on both backends. The figures on
// PostgreSQL come from a child process (a process picks its database once, when it loads).
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, databasePath, getDb } from "@/db";
import { one } from "@/db/rows";
import { documents } from "@/db/tables";
import { acceptAllUnanimous } from "@/lib/server/adjudication";
import { createAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { runCopy } from "@/lib/server/db-copy/run";
import { importDocuments } from "@/lib/server/documents";
import { rateDocument, rateOutlet } from "@/lib/server/ratings";
import type { SessionUser } from "@/lib/server/session";
import { buildOffsetIndex } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { startPgCluster, type PgCluster } from "../pg-cluster";
import { agreementFigures } from "./agreement-figures";
import { addMember, admin, project, reviewer } from "./helpers";

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");

let cluster: PgCluster;
let manager: SessionUser;
let projectId: number;

/** The sentences of a text as [from, to) JS ranges (full stop included). */
function sentences(text: string): [number, number][] {
  return [...text.matchAll(/[^.\n]+\./gu)].map((m) => [m.index + (m[0].length - m[0].trimStart().length), m.index + m[0].length]);
}

async function tag(
  user: SessionUser,
  docId: number,
  text: string,
  kind: AnnotationKind,
  [from, to]: [number, number],
  attributes: Record<string, unknown>,
): Promise<void> {
  const index = buildOffsetIndex(text);
  const result = await createAnnotation(user, projectId, docId, {
    kind,
    start: index.toCodePoint(from),
    end: index.toCodePoint(to),
    exact: text.slice(from, to),
    attributes,
  });
  if (!result.ok) throw new Error(`${kind} on document ${docId}: ${result.error}`);
}

/** Two readings of one article: the same first claim, an opinion where they differ in kind or extent, a quote for one of them. */
async function annotate(ana: SessionUser, bo: SessionUser, docId: number, text: string, n: number): Promise<void> {
  const [s1, s2, s3] = sentences(text);
  await tag(ana, docId, text, "claim", s1!, { checkworthy: "yes" });
  await tag(bo, docId, text, "claim", s1!, { checkworthy: n % 2 === 0 ? "yes" : "no" });
  await tag(ana, docId, text, "opinion", s2!, { holder: "author", sentiment: -1 });
  await tag(bo, docId, text, n % 2 === 0 ? "opinion" : "claim", [s2![0], s2![1] - 1 - n], n % 2 === 0 ? { holder: "author", sentiment: 1 } : {});
  await tag(ana, docId, text, "quote", s3!, { speaker_text: `Speaker ${n}`, speaker_type: "named_person", mode: "direct", cue: "said" });
}

async function rate(who: SessionUser, outletId: number, docId: number, shift: number): Promise<void> {
  for (const [axis, value] of [
    ["left_right", shift],
    ["reliability", 40 + shift * 4],
  ] as const) {
    const result = await rateOutlet(who, projectId, outletId, { axis, value, rationale: "From the sourcing and the word choice." });
    if (!result.ok) throw new Error(result.error);
  }
  const stance = await rateDocument(who, projectId, docId, { axis: "stance", value: shift > 0 ? 1 : -1, rationale: "How the lede frames it." });
  const genre = await rateDocument(who, projectId, docId, { axis: "genre", label: shift > 0 ? "analysis" : "reporting", rationale: "Its structure." });
  if (!stance.ok || !genre.ok) throw new Error("rating refused");
}

describe.skipIf(!existsSync(CORPUS))("a copy into PostgreSQL", () => {
  beforeAll(async () => {
    cluster = await startPgCluster("agreement_copy");
    manager = await admin();
    const [ana, bo, judge] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge")];
    projectId = await project("Sample corpus on two backends");
    await addMember(projectId, ana, "annotator");
    await addMember(projectId, bo, "annotator");
    await addMember(projectId, judge, "adjudicator");
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    for (const [n, file] of files.entries()) {
      const bytes = readFileSync(path.join(CORPUS, file));
      const imported = await importDocuments({ kind: "user", user: manager }, projectId, [{ fileName: file, bytes }], {
        story: "Iran in Iraq",
        outlet: `Outlet ${n % 3}`,
      });
      if (!imported.ok) throw new Error(imported.problems.map((p) => p.message).join("; "));
      const { id, text, outletId } = (await one(getDb().select().from(documents).where(eq(documents.id, imported.documents[0]!.id))))!;
      await annotate(ana, bo, id, text, n);
      await rate(ana, outletId!, id, 1 + n);
      await rate(bo, outletId!, id, 2 - n);
      if (n >= 2) continue;
      for (const who of [ana, bo]) await markDocumentDone(who, projectId, id);
      const gold = await acceptAllUnanimous(judge, projectId, id, { reason: "both agree" });
      if (!gold.ok) throw new Error(gold.error);
    }
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it("shows the same agreement figures on SQLite and on PostgreSQL", async () => {
    const onSqlite = (await agreementFigures(manager, projectId)) as { all: { documents: unknown[]; ratings: unknown[] } };
    // Not a vacuous comparison: every article is in the figures, with ratings agreement.
    expect(onSqlite.all.documents).toHaveLength(5);
    expect(onSqlite.all.ratings.length).toBeGreaterThan(0);
    await closeDb();

    const copied = await runCopy(databasePath(), cluster.url, { replace: false });
    expect(copied.ok).toBe(true);
    expect(copied.checks.find((c) => c.table === "annotations")?.pg.rows).toBeGreaterThan(5 * 5);

    const child = await run(process.execPath, ["--import", "tsx", "tests/server/agreement-figures.ts", String(projectId), String(manager.id)], {
      env: { ...process.env, DATABASE_URL: cluster.url },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(JSON.parse(child.stdout)).toEqual(onSqlite);
  }, 120_000);
});
