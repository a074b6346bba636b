// Two adjudicators acting at once on the same document or rating (see concurrency.test.ts for
// how the race is made real): exactly one decision is recorded, the other is told it is decided.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adjudications, annotations, perspectiveRatings } from "@/db/tables";
import { acceptAllUnanimous, decide, getDocumentReview, settleGoldRating, undoDecision } from "@/lib/server/adjudication";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, markText } from "./adjudication-helpers";
import { first } from "@/db/rows";

const TEXT = "The mayor said the levy adds nine dollars a month. Critics called the plan reckless.";
const QUOTE = "the levy adds nine dollars a month";

let ana: SessionUser;
let bo: SessionUser;
let judge: SessionUser;
let judge2: SessionUser;
let projectId: number;
let documents = 0;

beforeAll(async () => {
  [ana, bo, judge, judge2] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge"), await reviewer("judge2")];
  projectId = await project("Concurrent adjudication");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  await addMember(projectId, judge, "adjudicator");
  await addMember(projectId, judge2, "adjudicator");
});

/** A document both reviewers marked the same way, and the ids of that one difference's spans. */
async function agreedDocument(outlet?: string): Promise<{ documentId: number; spanIds: number[] }> {
  const documentId = await addDocument(projectId, `${TEXT} (${++documents})`, outlet);
  const spanIds = [
    await markText(ana, projectId, documentId, TEXT, "quote", QUOTE, { mode: "indirect" }),
    await markText(bo, projectId, documentId, TEXT, "quote", QUOTE, { mode: "indirect" }),
  ];
  return { documentId, spanIds };
}

const goldCount = async (documentId: number) =>
  (await first(
    getDb()
      .select({ n: count() })
      .from(annotations)
      .where(and(eq(annotations.documentId, documentId), eq(annotations.layer, "gold"))),
  ))!.n;
const decisionCount = async (documentId: number) =>
  (await first(getDb().select({ n: count() }).from(adjudications).where(eq(adjudications.documentId, documentId))))!.n;

describe("two adjudicators deciding the same difference at once", () => {
  it("makes one gold span; the other adjudicator is told it is already decided", async () => {
    const { documentId, spanIds } = await agreedDocument();
    const accept = { action: "accept", sourceId: spanIds[0], memberIds: spanIds };
    const results = await Promise.all([decide(judge, projectId, documentId, accept), decide(judge2, projectId, documentId, accept)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "duplicate", error: expect.stringContaining("Already decided") });
    expect({ gold: await goldCount(documentId), decisions: await decisionCount(documentId) }).toEqual({ gold: 1, decisions: 1 });
    const review = await getDocumentReview(judge, projectId, documentId);
    if ("ok" in review) throw new Error(review.error);
    expect(review.differences.map((d) => d.decided)).toEqual([true]);
  });

  it("accepting all unanimous spans twice at once copies each span into gold once", async () => {
    const { documentId } = await agreedDocument();
    const results = await Promise.all([acceptAllUnanimous(judge, projectId, documentId), acceptAllUnanimous(judge2, projectId, documentId)]);
    expect(results.map((r) => (r.ok ? r.accepted : r.error)).sort()).toEqual([0, 1]);
    expect({ gold: await goldCount(documentId), decisions: await decisionCount(documentId) }).toEqual({ gold: 1, decisions: 1 });
  });

  it("undoing the same decision twice: one undoes it, the other is told it is gone", async () => {
    const { documentId, spanIds } = await agreedDocument();
    const decided = await decide(judge, projectId, documentId, { action: "accept", sourceId: spanIds[0], memberIds: spanIds });
    if (!decided.ok) throw new Error(decided.error);
    const undo = { adjudicationId: decided.adjudicationId };
    const results = await Promise.all([undoDecision(judge, projectId, documentId, undo), undoDecision(judge2, projectId, documentId, undo)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 404, code: "not_found" });
    const gold = await getDb()
      .select({ version: annotations.version, deletedAt: annotations.deletedAt })
      .from(annotations)
      .where(and(eq(annotations.documentId, documentId), eq(annotations.layer, "gold")));
    expect(gold).toEqual([{ version: 2, deletedAt: expect.any(Date) }]);
    expect(await decisionCount(documentId)).toBe(0);
  });
});

describe("two adjudicators settling the same gold rating at once", () => {
  it("keeps one gold rating; the other adjudicator is told it was settled meanwhile", async () => {
    const { documentId } = await agreedDocument("Harbor Ledger");
    const outletId = (await getDb().query.documents.findFirst({ where: (d, { eq }) => eq(d.id, documentId) }))!.outletId!;
    const settle = (user: SessionUser, value: number) =>
      settleGoldRating(user, projectId, { outletId, axis: "left_right", value, rationale: `${user.username} says ${value}`, expectedUpdatedAt: null });
    const results = await Promise.all([settle(judge, -1), settle(judge2, 1)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "stale" });
    const gold = await getDb()
      .select({ value: perspectiveRatings.value })
      .from(perspectiveRatings)
      .where(and(eq(perspectiveRatings.outletId, outletId), eq(perspectiveRatings.isGold, true)));
    expect(gold).toHaveLength(1);
  });
});
