// Building the gold layer: accept, edit, reject, add, accept all unanimous, undo; what each
// decision writes (gold span, adjudication, audit) and each refusal, which writes nothing.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adjudications, annotations, auditLog } from "@/db/tables";
import {
  acceptAllUnanimous,
  decide,
  getDocumentReview,
  getMyOutcomes,
  listDocumentsForReview,
  undoDecision,
  type DocumentReviewView,
} from "@/lib/server/adjudication";
import { deleteAnnotation, listAnnotations } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, counts, markText } from "./adjudication-helpers";
import { first } from "@/db/rows";

const TEXT =
  "The mayor said the levy adds nine dollars a month. Critics called the plan reckless. " +
  "The plant will open in 2035, officials said. Renters will pay the most.";

let ana: SessionUser;
let bo: SessionUser;
let judge: SessionUser;
let judge2: SessionUser;
let projectId: number;
let documentId: number;

async function review(user = judge): Promise<DocumentReviewView> {
  const result = await getDocumentReview(user, projectId, documentId);
  if ("ok" in result) throw new Error(result.error);
  return result;
}

const find = (v: DocumentReviewView, text: string) => v.differences.find((d) => d.excerpt.text === text)!;
const ids = (d: { spans: { id: number }[] }) => d.spans.map((s) => s.id);

beforeAll(async () => {
  [ana, bo, judge, judge2] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge"), await reviewer("judge2")];
  projectId = await project("Adjudication");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  await addMember(projectId, judge, "adjudicator");
  await addMember(projectId, judge2, "adjudicator");
  documentId = await addDocument(projectId, TEXT);
  // agree
  await markText(ana, projectId, documentId, TEXT, "quote", "the levy adds nine dollars a month", { mode: "indirect" });
  await markText(bo, projectId, documentId, TEXT, "quote", "the levy adds nine dollars a month", { mode: "indirect" });
  // different kind
  await markText(ana, projectId, documentId, TEXT, "claim", "Critics called the plan reckless");
  await markText(bo, projectId, documentId, TEXT, "opinion", "Critics called the plan reckless");
  // different boundaries
  await markText(ana, projectId, documentId, TEXT, "claim", "The plant will open in 2035");
  await markText(bo, projectId, documentId, TEXT, "claim", "plant will open in 2035");
  // only one reviewer
  await markText(ana, projectId, documentId, TEXT, "opinion", "Renters will pay the most");
  await markDocumentDone(ana, projectId, documentId);
});

describe("the review of a document", () => {
  it("classifies each difference and warns that a reviewer is not done", async () => {
    const v = await review();
    expect(v.differences.map((d) => [d.excerpt.text, d.label])).toEqual([
      ["the levy adds nine dollars a month", "Agree"],
      ["Critics called the plan reckless", "Different kind"],
      ["The plant will open in 2035", "Different boundaries"],
      ["Renters will pay the most", "Only one reviewer marked it"],
    ]);
    expect(v.notDone).toEqual(["bo"]);
    expect(v.reviewers.map((r) => [r.name, r.done])).toEqual([
      ["ana", true],
      ["bo", false],
    ]);
    expect(v.unanimousUndecided).toBe(1);
    expect(v.isGold).toBe(false);
    expect(v.marks).toHaveLength(3);
  });

  it("is refused to annotators, and a non-member is told the document does not exist", async () => {
    expect(await getDocumentReview(ana, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    const outsider = await reviewer("outsider");
    expect(await getDocumentReview(outsider, projectId, documentId)).toMatchObject({ ok: false, status: 404 });
    expect(await decide(outsider, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 3 })).toMatchObject({ ok: false, status: 404 });
    expect(await listDocumentsForReview(ana, projectId)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("adjudication refusals write nothing", () => {
  it("refuses an annotator's decisions", async () => {
    const before = await counts();
    const d = find(await review(), "The plant will open in 2035");
    expect(await decide(ana, projectId, documentId, { action: "accept", sourceId: d.spans[0]!.id, memberIds: ids(d) })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(await acceptAllUnanimous(bo, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    expect(await decide(ana, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 3 })).toMatchObject({ ok: false, status: 403 });
    expect(await counts()).toEqual(before);
  });

  it("refuses a reason over 2,000 characters with a clear message", async () => {
    const before = await counts();
    const d = find(await review(), "The plant will open in 2035");
    const result = await decide(judge, projectId, documentId, { action: "reject", memberIds: ids(d), reason: "x".repeat(2001) });
    expect(result).toMatchObject({ ok: false, status: 422, error: "The reason is at most 2,000 characters." });
    expect(await counts()).toEqual(before);
  });

  it("refuses a decision made on spans that changed since the page was loaded", async () => {
    const before = await counts();
    const d = find(await review(), "The plant will open in 2035");
    const result = await decide(judge, projectId, documentId, { action: "reject", memberIds: [d.spans[0]!.id] });
    expect(result).toMatchObject({ ok: false, status: 409, code: "stale" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a gold span whose offsets are outside the text", async () => {
    const before = await counts();
    const result = await decide(judge, projectId, documentId, { action: "add", kind: "claim", start: 10, end: 100_000 });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(await counts()).toEqual(before);
  });
});

describe("deciding", () => {
  it("accepts all unanimous spans in one step, linking gold to both reviewers' spans, and only once", async () => {
    // Allowed while bo is not done: the page shows the warning, the decision goes through.
    expect((await review()).notDone).toEqual(["bo"]);
    const before = await counts();
    const agree = find(await review(), "the levy adds nine dollars a month");
    const result = await acceptAllUnanimous(judge, projectId, documentId, { reason: "both agree" });
    expect(result).toMatchObject({ ok: true, accepted: 1 });
    const row = (await first(getDb().select().from(adjudications).where(eq(adjudications.documentId, documentId))))!;
    expect(row).toMatchObject({ decision: "accepted", reason: "both agree", adjudicatorId: judge.id });
    expect([...row.fromAnnotationIds].sort()).toEqual([...ids(agree)].sort());
    const gold = (await first(getDb().select().from(annotations).where(eq(annotations.id, row.goldAnnotationId!))))!;
    expect(gold).toMatchObject({
      layer: "gold",
      annotatorId: judge.id,
      kind: "quote",
      exact: "the levy adds nine dollars a month",
      attributes: { mode: "indirect" },
    });
    expect(await counts()).toMatchObject({ gold: before.gold + 1, adjudications: before.adjudications + 1 });
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "adjudication"), eq(auditLog.entityId, row.id)));
    expect(audit.map((a) => a.action)).toEqual(["adjudicate:accepted"]);

    expect(await acceptAllUnanimous(judge, projectId, documentId)).toMatchObject({
      ok: true,
      accepted: 0,
      message: "No undecided unanimous spans: nothing was accepted.",
    });
    expect((await counts()).gold).toBe(before.gold + 1);
    expect(find(await review(), "the levy adds nine dollars a month").decided).toBe(true);
  });

  it("keeps gold spans out of the reviewers' layer", async () => {
    expect((await listAnnotations(judge, projectId, documentId))!.every((s) => s.layer === "annotator")).toBe(true);
  });

  it("refuses to accept the same span twice and never makes two gold copies", async () => {
    const agree = find(await review(), "the levy adds nine dollars a month");
    const before = await counts();
    const again = await decide(judge, projectId, documentId, { action: "accept", sourceId: agree.spans[0]!.id, memberIds: ids(agree) });
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect(again.ok ? "" : again.error).toMatch(/^Already decided: judge accepted this at /);
    expect(await counts()).toEqual(before);
  });

  it("lets exactly one of two adjudicators win when they accept conflicting spans at once", async () => {
    // Both loaded the same page: judge takes ana's boundaries, judge2 bo's.
    const d = find(await review(), "The plant will open in 2035");
    const [anaSpan, boSpan] = [d.spans.find((s) => s.reviewerName === "ana")!, d.spans.find((s) => s.reviewerName === "bo")!];
    const before = await counts();
    const firstDecision = await decide(judge, projectId, documentId, {
      action: "accept",
      sourceId: anaSpan.id,
      memberIds: ids(d),
      reason: "the subject belongs in it",
    });
    const second = await decide(judge2, projectId, documentId, { action: "accept", sourceId: boSpan.id, memberIds: ids(d) });
    expect(firstDecision).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, status: 409, code: "duplicate" });
    expect((await counts()).gold).toBe(before.gold + 1);
    const row = (await first(
      getDb()
        .select()
        .from(adjudications)
        .where(eq(adjudications.id, firstDecision.ok ? firstDecision.adjudicationId : 0)),
    ))!;
    expect(row.fromAnnotationIds).toEqual([anaSpan.id, boSpan.id]);
  });

  it("accepts an edited span with another kind and offsets", async () => {
    const d = find(await review(), "Critics called the plan reckless");
    const start = TEXT.indexOf("reckless");
    const result = await decide(judge, projectId, documentId, {
      action: "edit",
      sourceId: d.spans[1]!.id,
      memberIds: ids(d),
      kind: "opinion",
      start,
      end: start + 8,
      attributes: { sentiment: -2 },
      reason: "only the evaluation",
    });
    expect(result).toMatchObject({ ok: true });
    const row = (await first(
      getDb()
        .select()
        .from(adjudications)
        .where(eq(adjudications.id, result.ok ? result.adjudicationId : 0)),
    ))!;
    expect(row.decision).toBe("edited");
    const gold = (await first(getDb().select().from(annotations).where(eq(annotations.id, row.goldAnnotationId!))))!;
    expect(gold).toMatchObject({ kind: "opinion", exact: "reckless", start, end: start + 8, attributes: { sentiment: -2 } });
  });

  it("refuses to add a gold span the gold layer already has", async () => {
    const before = await counts();
    const start = TEXT.indexOf("reckless");
    expect(await decide(judge, projectId, documentId, { action: "add", kind: "opinion", start, end: start + 8 })).toMatchObject({
      ok: false,
      status: 409,
      code: "duplicate",
    });
    expect(await counts()).toEqual(before);
  });

  it("rejects a span only one reviewer marked, then the document is gold", async () => {
    const d = find(await review(), "Renters will pay the most");
    expect(await decide(judge, projectId, documentId, { action: "reject", memberIds: ids(d), reason: "a prediction, not an opinion" })).toMatchObject({
      ok: true,
    });
    const v = await review();
    expect(v.undecided).toBe(0);
    expect(v.isGold).toBe(true);
    expect(v.gold.map((g) => g.exact)).toEqual(["the levy adds nine dollars a month", "reckless", "The plant will open in 2035"]);
  });

  it("lists the document as gold in the review queue", async () => {
    const list = await listDocumentsForReview(judge, projectId);
    if ("ok" in list) throw new Error(list.error);
    expect(list.rows).toEqual([
      {
        id: documentId,
        title: expect.any(String),
        reviewers: 2,
        doneReviewers: 1,
        progress: { state: "settled", differences: 4, undecided: 0, layers: 2, gold: true },
      },
    ]);
  });

  it("adds a span nobody marked without unsettling the document", async () => {
    const result = await decide(judge, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 9, reason: "missed by both" });
    expect(result).toMatchObject({ ok: true });
    expect((await review()).added.map((a) => [a.gold!.exact, a.reason])).toEqual([["The mayor", "missed by both"]]);
    expect((await review()).isGold).toBe(true);
  });
});

describe("a reviewer's span that changes after the decision", () => {
  it("leaves the earlier decision in place and lets the new span be decided on its own", async () => {
    const text = "Officials said the bridge opens in May, weeks late.";
    const doc = await addDocument(projectId, text);
    const firstSpan = await markText(ana, projectId, doc, text, "claim", "the bridge opens in May");
    const old = await markText(bo, projectId, doc, text, "claim", "the bridge opens in May");
    expect(await acceptAllUnanimous(judge, projectId, doc)).toMatchObject({ accepted: 1 });
    expect(await deleteAnnotation(bo, projectId, doc, old, 1)).toMatchObject({ ok: true });
    const fresh = await markText(bo, projectId, doc, text, "claim", "the bridge opens in May, weeks late");
    const view = await getDocumentReview(judge, projectId, doc);
    if ("ok" in view) throw new Error(view.error);
    const d = view.differences[0]!;
    expect(d.decided).toBe(false);
    expect(d.spans.map((s) => [s.id, s.decided])).toEqual([
      [firstSpan, true],
      [fresh, false],
    ]);
    expect(await decide(judge, projectId, doc, { action: "accept", sourceId: firstSpan, memberIds: [firstSpan, fresh] })).toMatchObject({
      ok: false,
      status: 409,
      code: "duplicate",
    });
    const result = await decide(judge, projectId, doc, { action: "reject", memberIds: [firstSpan, fresh], reason: "the firstSpan reading stands" });
    expect(result).toMatchObject({ ok: true });
    const row = (await first(
      getDb()
        .select()
        .from(adjudications)
        .where(eq(adjudications.id, result.ok ? result.adjudicationId : 0)),
    ))!;
    expect(row.fromAnnotationIds).toEqual([fresh]);
  });
});

describe("what reviewers see afterwards", () => {
  it("tells a reviewer where their spans were accepted, changed or rejected, and why", async () => {
    const mine = await getMyOutcomes(ana, projectId, documentId);
    if ("ok" in mine) throw new Error(mine.error);
    expect(mine.hidden).toBe(false);
    expect(mine.outcomes.map((o) => [o.span.exact, o.outcome, o.reason])).toEqual([
      ["the levy adds nine dollars a month", "accepted", "both agree"],
      ["Critics called the plan reckless", "changed", "only the evaluation"],
      ["The plant will open in 2035", "accepted", "the subject belongs in it"],
      ["Renters will pay the most", "rejected", "a prediction, not an opinion"],
    ]);
    expect(mine.outcomes[1]!.changes).toEqual([
      `kind opinion instead of claim`,
      `boundaries ${TEXT.indexOf("reckless")}–${TEXT.indexOf("reckless") + 8} instead of 51–83`,
    ]);
  });

  it("hides adjudication from an annotator in blind mode until their layer is done", async () => {
    const mine = await getMyOutcomes(bo, projectId, documentId);
    expect(mine).toMatchObject({ hidden: true, outcomes: [] });
    await markDocumentDone(bo, projectId, documentId);
    const after = await getMyOutcomes(bo, projectId, documentId);
    if ("ok" in after) throw new Error(after.error);
    expect(after.outcomes.find((o) => o.span.exact === "plant will open in 2035")).toMatchObject({ outcome: "changed", reason: "the subject belongs in it" });
    // Only bo's own spans, never ana's.
    expect(after.outcomes).toHaveLength(3);
  });
});

describe("undoing a decision", () => {
  it("soft-deletes its gold span, reopens its spans and records both in the audit log", async () => {
    const v = await review();
    const d = find(v, "Renters will pay the most");
    const result = await undoDecision(judge, projectId, documentId, { adjudicationId: d.decision!.id });
    expect(result).toMatchObject({ ok: true });
    expect((await review()).isGold).toBe(false);
    expect(find(await review(), "Renters will pay the most").decided).toBe(false);
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "adjudication"), eq(auditLog.entityId, d.decision!.id)));
    expect(audit.map((a) => a.action)).toEqual(["adjudicate:rejected", "undo"]);
    expect(await undoDecision(ana, projectId, documentId, { adjudicationId: d.decision!.id })).toMatchObject({ ok: false, status: 403 });
    expect(await undoDecision(judge, projectId, documentId, { adjudicationId: d.decision!.id })).toMatchObject({ ok: false, status: 404 });
  });
});
