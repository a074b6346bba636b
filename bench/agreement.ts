// Agreement speed: a project of 1,000 documents × 3 reviewers × 100 spans each (target < 2 s
// for every measure of the agreement page), and the review of one 3,000-span document
// (target < 1 s). Data goes straight into a temporary SQLite file with drizzle; the timed parts
// are the app's own lib/server and lib/review functions. bench/run.ts records the rows.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { median, ms } from "./machine";
import { one } from "@/db/rows";

const DOCUMENTS = 1_000;
const REVIEWERS = 3;
const SPANS_PER_REVIEWER = 100;
const DOC_CHARS = 6_000;
const BIG_SPANS_PER_REVIEWER = 1_000;
const BIG_CHARS = 180_000;
const KINDS = ["claim", "opinion", "quote"] as const;

/** A small deterministic generator, so every run measures the same data. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function text(length: number): string {
  const words = "the council voted to add a levy to water bills critics said renters would pay most ".repeat(Math.ceil(length / 80));
  return words.slice(0, length - 1) + ".";
}

type SpanRow = {
  documentId: number;
  annotatorId: number;
  kind: (typeof KINDS)[number];
  start: number;
  end: number;
  exact: string;
  attributes: Record<string, unknown>;
};

/** Reviewers mostly agree: same slots, with jittered boundaries, an occasional other kind or attribute. */
function spansFor(documentId: number, reviewerIds: number[], body: string, perReviewer: number, random: () => number): SpanRow[] {
  const rows: SpanRow[] = [];
  const slot = Math.floor(body.length / perReviewer);
  for (let i = 0; i < perReviewer; i++) {
    const kind = KINDS[i % 3]!;
    for (const annotatorId of reviewerIds) {
      const start = i * slot + Math.floor(random() * 4);
      const end = Math.min(body.length, start + 10 + Math.floor(random() * (slot - 14)));
      const k = random() < 0.1 ? KINDS[(i + 1) % 3]! : kind;
      const attributes = k === "quote" ? { speaker_type: random() < 0.8 ? "named_person" : "unknown", mode: random() < 0.7 ? "direct" : "indirect" } : {};
      rows.push({ documentId, annotatorId, kind: k, start, end, exact: body.slice(start, end), attributes });
    }
  }
  return rows;
}

export async function benchAgreement(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-bench-agreement-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.db");
  process.env.PROVENANCE_DEMO = "0";
  const { getDb, closeDb } = await import("@/db");
  const schema = await import("@/db/schema");
  const { getProjectAgreement } = await import("@/lib/server/agreement");
  const { getDocumentReview } = await import("@/lib/server/adjudication");
  const { reviewDocument } = await import("@/lib/review");
  const { sha256Hex } = await import("@/lib/text/hash");
  const db = getDb();
  const random = lcg(42);

  const t0 = performance.now();
  const users = [];
  for (let i = 0; i < REVIEWERS + 1; i++) {
    users.push(
      await one(
        db
          .insert(schema.users)
          .values({ username: `user${i}`, displayName: `User ${i}`, passwordHash: "x", role: i === 0 ? "admin" : "member" })
          .returning(),
      ),
    );
  }
  const manager = { id: users[0]!.id, username: "user0", displayName: "User 0", role: "admin" as const };
  const reviewerIds = users.slice(1).map((u) => u.id);
  const project = await one(db.insert(schema.projects).values({ name: "Agreement bench", settings: {} }).returning());
  await db
    .insert(schema.projectMembers)
    .values([
      { projectId: project.id, userId: manager.id, role: "manager" as const },
      ...reviewerIds.map((userId) => ({ projectId: project.id, userId, role: "annotator" as const })),
    ]);
  const addDoc = async (n: number, body: string): Promise<number> =>
    (
      await one(
        db
          .insert(schema.documents)
          .values({
            projectId: project.id,
            title: `Document ${n}`,
            text: body,
            textSha256: sha256Hex(`${n}:${body}`),
            charCount: body.length,
            wordCount: Math.round(body.length / 6),
          })
          .returning({ id: schema.documents.id }),
      )
    ).id;
  await db.transaction(async (tx) => {
    const body = text(DOC_CHARS);
    for (let n = 0; n < DOCUMENTS; n++) {
      const documentId = await addDoc(n, body);
      const rows = spansFor(documentId, reviewerIds, body, SPANS_PER_REVIEWER, random);
      for (let i = 0; i < rows.length; i += 500) await tx.insert(schema.annotations).values(rows.slice(i, i + 500));
    }
  });
  const bigBody = text(BIG_CHARS);
  const bigId = await addDoc(DOCUMENTS, bigBody);
  const bigRows = spansFor(bigId, reviewerIds, bigBody, BIG_SPANS_PER_REVIEWER, random);
  await db.transaction(async (tx) => {
    for (let i = 0; i < bigRows.length; i += 500) await tx.insert(schema.annotations).values(bigRows.slice(i, i + 500));
  });
  const seedMs = performance.now() - t0;

  try {
    const project_ = async () => {
      const result = await getProjectAgreement(manager, project.id, "all");
      if ("ok" in result) throw new Error(result.error);
      return result;
    };
    const runs: number[] = [];
    let documents = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      documents = (await project_()).documents.length;
      runs.push(performance.now() - start);
    }
    const spans = bigRows.map((r, i) => ({ id: i + 1, reviewerId: r.annotatorId, kind: r.kind, start: r.start, end: r.end, attributes: r.attributes }));
    const pure: number[] = [];
    const page: number[] = [];
    for (let i = 0; i < 5; i++) {
      let start = performance.now();
      reviewDocument({ spans, reviewerIds, consensusIds: reviewerIds });
      pure.push(performance.now() - start);
      start = performance.now();
      const review = await getDocumentReview(manager, project.id, bigId);
      if ("ok" in review) throw new Error(review.error);
      page.push(performance.now() - start);
    }
    const total = DOCUMENTS * REVIEWERS * SPANS_PER_REVIEWER;
    return [
      `| seed ${DOCUMENTS.toLocaleString("en")} documents × ${REVIEWERS} reviewers × ${SPANS_PER_REVIEWER} spans (${total.toLocaleString("en")} spans) + one ${(REVIEWERS * BIG_SPANS_PER_REVIEWER).toLocaleString("en")}-span document, drizzle inserts | ${ms(seedMs)} | once |`,
      `| project agreement: load spans + α_u, span F1, percent, pair matrix, attributes, ratings, gold status (${documents.toLocaleString("en")} documents) | ${ms(median(runs))} | median of 3; target < 2000 ms |`,
      `| review of one document with ${(REVIEWERS * BIG_SPANS_PER_REVIEWER).toLocaleString("en")} spans: matching + classification (lib/review) | ${ms(median(pure))} | median of 5; target < 1000 ms |`,
      `| review of the same document as the page loads it (lib/server: spans, reviewers, decisions, excerpts) | ${ms(median(page))} | median of 5; target < 1000 ms |`,
    ];
  } finally {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}
