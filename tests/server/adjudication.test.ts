// Building the gold layer: accept, edit, reject, add, accept all unanimous, undo; what each
// decision writes (gold span, adjudication, audit) and each refusal, which writes nothing.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adjudications, annotations, auditLog } from "@/db/schema";
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

const TEXT =
  "The mayor said the levy adds nine dollars a month. Critics called the plan reckless. " +
  "The plant will open in 2035, officials said. Renters will pay the most.";

let ana: SessionUser;
let bo: SessionUser;
let judge: SessionUser;
let judge2: SessionUser;
let projectId: number;
let documentId: number;

function review(user = judge): DocumentReviewView {
  const result = getDocumentReview(user, projectId, documentId);
  if ("ok" in result) throw new Error(result.error);
  return result;
}

const find = (v: DocumentReviewView, text: string) => v.differences.find((d) => d.excerpt.text === text)!;
const ids = (d: { spans: { id: number }[] }) => d.spans.map((s) => s.id);

beforeAll(async () => {
  [ana, bo, judge, judge2] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge"), await reviewer("judge2")];
  projectId = await project("Adjudication");
  addMember(projectId, ana, "annotator");
  addMember(projectId, bo, "annotator");
  addMember(projectId, judge, "adjudicator");
  addMember(projectId, judge2, "adjudicator");
  documentId = addDocument(projectId, TEXT);
  // agree
  markText(ana, projectId, documentId, TEXT, "quote", "the levy adds nine dollars a month", { mode: "indirect" });
  markText(bo, projectId, documentId, TEXT, "quote", "the levy adds nine dollars a month", { mode: "indirect" });
  // different kind
  markText(ana, projectId, documentId, TEXT, "claim", "Critics called the plan reckless");
  markText(bo, projectId, documentId, TEXT, "opinion", "Critics called the plan reckless");
  // different boundaries
  markText(ana, projectId, documentId, TEXT, "claim", "The plant will open in 2035");
  markText(bo, projectId, documentId, TEXT, "claim", "plant will open in 2035");
  // only one reviewer
  markText(ana, projectId, documentId, TEXT, "opinion", "Renters will pay the most");
  markDocumentDone(ana, projectId, documentId);
});

describe("the review of a document", () => {
  it("classifies each difference and warns that a reviewer is not done", () => {
    const v = review();
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
    expect(getDocumentReview(ana, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    const outsider = await reviewer("outsider");
    expect(getDocumentReview(outsider, projectId, documentId)).toMatchObject({ ok: false, status: 404 });
    expect(decide(outsider, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 3 })).toMatchObject({ ok: false, status: 404 });
    expect(listDocumentsForReview(ana, projectId)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("adjudication refusals write nothing", () => {
  it("refuses an annotator's decisions", () => {
    const before = counts();
    const d = find(review(), "The plant will open in 2035");
    expect(decide(ana, projectId, documentId, { action: "accept", sourceId: d.spans[0]!.id, memberIds: ids(d) })).toMatchObject({ ok: false, status: 403 });
    expect(acceptAllUnanimous(bo, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    expect(decide(ana, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 3 })).toMatchObject({ ok: false, status: 403 });
    expect(counts()).toEqual(before);
  });

  it("refuses a reason over 2,000 characters with a clear message", () => {
    const before = counts();
    const d = find(review(), "The plant will open in 2035");
    const result = decide(judge, projectId, documentId, { action: "reject", memberIds: ids(d), reason: "x".repeat(2001) });
    expect(result).toMatchObject({ ok: false, status: 422, error: "The reason is at most 2,000 characters." });
    expect(counts()).toEqual(before);
  });

  it("refuses a decision made on spans that changed since the page was loaded", () => {
    const before = counts();
    const d = find(review(), "The plant will open in 2035");
    const result = decide(judge, projectId, documentId, { action: "reject", memberIds: [d.spans[0]!.id] });
    expect(result).toMatchObject({ ok: false, status: 409, code: "stale" });
    expect(counts()).toEqual(before);
  });

  it("refuses a gold span whose offsets are outside the text", () => {
    const before = counts();
    const result = decide(judge, projectId, documentId, { action: "add", kind: "claim", start: 10, end: 100_000 });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(counts()).toEqual(before);
  });
});

describe("deciding", () => {
  it("accepts all unanimous spans in one step, linking gold to both reviewers' spans, and only once", () => {
    // Allowed while bo is not done: the page shows the warning, the decision goes through.
    expect(review().notDone).toEqual(["bo"]);
    const before = counts();
    const agree = find(review(), "the levy adds nine dollars a month");
    const result = acceptAllUnanimous(judge, projectId, documentId, { reason: "both agree" });
    expect(result).toMatchObject({ ok: true, accepted: 1 });
    const row = getDb().select().from(adjudications).where(eq(adjudications.documentId, documentId)).get()!;
    expect(row).toMatchObject({ decision: "accepted", reason: "both agree", adjudicatorId: judge.id });
    expect([...row.fromAnnotationIds].sort()).toEqual([...ids(agree)].sort());
    const gold = getDb().select().from(annotations).where(eq(annotations.id, row.goldAnnotationId!)).get()!;
    expect(gold).toMatchObject({
      layer: "gold",
      annotatorId: judge.id,
      kind: "quote",
      exact: "the levy adds nine dollars a month",
      attributes: { mode: "indirect" },
    });
    expect(counts()).toMatchObject({ gold: before.gold + 1, adjudications: before.adjudications + 1 });
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "adjudication"), eq(auditLog.entityId, row.id)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["adjudicate:accepted"]);

    expect(acceptAllUnanimous(judge, projectId, documentId)).toMatchObject({
      ok: true,
      accepted: 0,
      message: "No undecided unanimous spans: nothing was accepted.",
    });
    expect(counts().gold).toBe(before.gold + 1);
    expect(find(review(), "the levy adds nine dollars a month").decided).toBe(true);
  });

  it("keeps gold spans out of the reviewers' layer", () => {
    expect(listAnnotations(judge, projectId, documentId)!.every((s) => s.layer === "annotator")).toBe(true);
  });

  it("refuses to accept the same span twice and never makes two gold copies", () => {
    const agree = find(review(), "the levy adds nine dollars a month");
    const before = counts();
    const again = decide(judge, projectId, documentId, { action: "accept", sourceId: agree.spans[0]!.id, memberIds: ids(agree) });
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect(again.ok ? "" : again.error).toMatch(/^Already decided: judge accepted this at /);
    expect(counts()).toEqual(before);
  });

  it("lets exactly one of two adjudicators win when they accept conflicting spans at once", () => {
    // Both loaded the same page: judge takes ana's boundaries, judge2 bo's.
    const d = find(review(), "The plant will open in 2035");
    const [anaSpan, boSpan] = [d.spans.find((s) => s.reviewerName === "ana")!, d.spans.find((s) => s.reviewerName === "bo")!];
    const before = counts();
    const first = decide(judge, projectId, documentId, { action: "accept", sourceId: anaSpan.id, memberIds: ids(d), reason: "the subject belongs in it" });
    const second = decide(judge2, projectId, documentId, { action: "accept", sourceId: boSpan.id, memberIds: ids(d) });
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, status: 409, code: "duplicate" });
    expect(counts().gold).toBe(before.gold + 1);
    const row = getDb()
      .select()
      .from(adjudications)
      .where(eq(adjudications.id, first.ok ? first.adjudicationId : 0))
      .get()!;
    expect(row.fromAnnotationIds).toEqual([anaSpan.id, boSpan.id]);
  });

  it("accepts an edited span with another kind and offsets", () => {
    const d = find(review(), "Critics called the plan reckless");
    const start = TEXT.indexOf("reckless");
    const result = decide(judge, projectId, documentId, {
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
    const row = getDb()
      .select()
      .from(adjudications)
      .where(eq(adjudications.id, result.ok ? result.adjudicationId : 0))
      .get()!;
    expect(row.decision).toBe("edited");
    const gold = getDb().select().from(annotations).where(eq(annotations.id, row.goldAnnotationId!)).get()!;
    expect(gold).toMatchObject({ kind: "opinion", exact: "reckless", start, end: start + 8, attributes: { sentiment: -2 } });
  });

  it("refuses to add a gold span the gold layer already has", () => {
    const before = counts();
    const start = TEXT.indexOf("reckless");
    expect(decide(judge, projectId, documentId, { action: "add", kind: "opinion", start, end: start + 8 })).toMatchObject({
      ok: false,
      status: 409,
      code: "duplicate",
    });
    expect(counts()).toEqual(before);
  });

  it("rejects a span only one reviewer marked, then the document is gold", () => {
    const d = find(review(), "Renters will pay the most");
    expect(decide(judge, projectId, documentId, { action: "reject", memberIds: ids(d), reason: "a prediction, not an opinion" })).toMatchObject({ ok: true });
    const v = review();
    expect(v.undecided).toBe(0);
    expect(v.isGold).toBe(true);
    expect(v.gold.map((g) => g.exact)).toEqual(["the levy adds nine dollars a month", "reckless", "The plant will open in 2035"]);
  });

  it("lists the document as gold in the review queue", () => {
    const list = listDocumentsForReview(judge, projectId);
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

  it("adds a span nobody marked without unsettling the document", () => {
    const result = decide(judge, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 9, reason: "missed by both" });
    expect(result).toMatchObject({ ok: true });
    expect(review().added.map((a) => [a.gold!.exact, a.reason])).toEqual([["The mayor", "missed by both"]]);
    expect(review().isGold).toBe(true);
  });
});

describe("a reviewer's span that changes after the decision", () => {
  it("leaves the earlier decision in place and lets the new span be decided on its own", () => {
    const text = "Officials said the bridge opens in May, weeks late.";
    const doc = addDocument(projectId, text);
    const first = markText(ana, projectId, doc, text, "claim", "the bridge opens in May");
    const old = markText(bo, projectId, doc, text, "claim", "the bridge opens in May");
    expect(acceptAllUnanimous(judge, projectId, doc)).toMatchObject({ accepted: 1 });
    expect(deleteAnnotation(bo, projectId, doc, old, 1)).toMatchObject({ ok: true });
    const fresh = markText(bo, projectId, doc, text, "claim", "the bridge opens in May, weeks late");
    const view = getDocumentReview(judge, projectId, doc);
    if ("ok" in view) throw new Error(view.error);
    const d = view.differences[0]!;
    expect(d.decided).toBe(false);
    expect(d.spans.map((s) => [s.id, s.decided])).toEqual([
      [first, true],
      [fresh, false],
    ]);
    expect(decide(judge, projectId, doc, { action: "accept", sourceId: first, memberIds: [first, fresh] })).toMatchObject({
      ok: false,
      status: 409,
      code: "duplicate",
    });
    const result = decide(judge, projectId, doc, { action: "reject", memberIds: [first, fresh], reason: "the first reading stands" });
    expect(result).toMatchObject({ ok: true });
    const row = getDb()
      .select()
      .from(adjudications)
      .where(eq(adjudications.id, result.ok ? result.adjudicationId : 0))
      .get()!;
    expect(row.fromAnnotationIds).toEqual([fresh]);
  });
});

describe("what reviewers see afterwards", () => {
  it("tells a reviewer where their spans were accepted, changed or rejected, and why", () => {
    const mine = getMyOutcomes(ana, projectId, documentId);
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

  it("hides adjudication from an annotator in blind mode until their layer is done", () => {
    const mine = getMyOutcomes(bo, projectId, documentId);
    expect(mine).toMatchObject({ hidden: true, outcomes: [] });
    markDocumentDone(bo, projectId, documentId);
    const after = getMyOutcomes(bo, projectId, documentId);
    if ("ok" in after) throw new Error(after.error);
    expect(after.outcomes.find((o) => o.span.exact === "plant will open in 2035")).toMatchObject({ outcome: "changed", reason: "the subject belongs in it" });
    // Only bo's own spans, never ana's.
    expect(after.outcomes).toHaveLength(3);
  });
});

describe("undoing a decision", () => {
  it("soft-deletes its gold span, reopens its spans and records both in the audit log", () => {
    const v = review();
    const d = find(v, "Renters will pay the most");
    const result = undoDecision(judge, projectId, documentId, { adjudicationId: d.decision!.id });
    expect(result).toMatchObject({ ok: true });
    expect(review().isGold).toBe(false);
    expect(find(review(), "Renters will pay the most").decided).toBe(false);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "adjudication"), eq(auditLog.entityId, d.decision!.id)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["adjudicate:rejected", "undo"]);
    expect(undoDecision(ana, projectId, documentId, { adjudicationId: d.decision!.id })).toMatchObject({ ok: false, status: 403 });
    expect(undoDecision(judge, projectId, documentId, { adjudicationId: d.decision!.id })).toMatchObject({ ok: false, status: 404 });
  });
});
