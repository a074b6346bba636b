// The comparison's loader on a real database: which layer each document is shown in (gold
// where settled, a chosen reviewer, all pooled), blind mode, claim groups through gold, spans
// deleted and restored, documents without outlet or date, and who is told "not found".
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, stories } from "@/db/tables";
import { acceptAllUnanimous, settleGoldRating } from "@/lib/server/adjudication";
import { deleteAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { linkSpans } from "@/lib/server/claim-links";
import { layerChoiceParam, loadComparison, parseLayerChoice, type ComparisonView, type LayerChoice } from "@/lib/server/compare";
import { importDocuments } from "@/lib/server/documents";
import { recordReferenceRating } from "@/lib/server/outlets";
import { rateOutlet } from "@/lib/server/ratings";
import type { SessionUser } from "@/lib/server/session";
import type { DocumentMetadata } from "@/lib/validation/documents";
import { markText } from "./adjudication-helpers";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const T1 = "Mayor Reyes said the levy adds nine dollars a month. The council will vote on Friday.";
const T2 = "The levy adds nine dollars a month, the mayor said. Residents worry about costs. Mayor Reyes called it fair.";
const T3 = "A blog repeats that the levy adds nine dollars a month. Nobody knows why.";
const T4 = "The port will close in May.";
const T5 = "Unrelated text about the weather today.";

let manager: SessionUser, ana: SessionUser, bo: SessionUser, judge: SessionUser, outsider: SessionUser;
let P: number, S: number, S2: number, otherStory: number;
let d1: number, d2: number, d3: number, d4: number, d5: number;
const span: Record<string, number> = {};
let goldQuote: number, goldClaim: number, ledger: number;

async function addDocument(projectId: number, text: string, meta: DocumentMetadata): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], meta);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

async function view(user: SessionUser, storyId: number | null, layer: LayerChoice = { reviewerId: null }): Promise<ComparisonView> {
  const result = await loadComparison(user, P, storyId, layer);
  if (!result.ok) throw new Error(result.error);
  return result.view;
}

const layerOf = (v: ComparisonView, id: number) => v.input.documents.find((d) => d.id === id)!.layer;
const spanIds = (v: ComparisonView, documentId: number) =>
  v.input.spans
    .filter((s) => s.documentId === documentId)
    .map((s) => s.id)
    .sort((a, b) => a - b);
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const storyId = async (projectId: number, name: string) =>
  (await first(
    getDb()
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.projectId, projectId), eq(stories.name, name))),
  ))!.id;

beforeAll(async () => {
  manager = await admin();
  [ana, bo, judge, outsider] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge"), await reviewer("outsider")];
  P = await project("Compare"); // blind mode is on by default
  await addMember(P, ana, "annotator");
  await addMember(P, bo, "annotator");
  await addMember(P, judge, "adjudicator");
  d1 = await addDocument(P, T1, { outlet: "Daily Ledger", story: "Levy vote", publishedAt: "2024-03-01" });
  d2 = await addDocument(P, T2, { outlet: "Harbor Times", story: "Levy vote", publishedAt: "2024-03-02" });
  d3 = await addDocument(P, T3, { story: "Levy vote" });
  d4 = await addDocument(P, T4, { outlet: "Daily Ledger", story: "Port closure" });
  d5 = await addDocument(P, T5, {});
  S = await storyId(P, "Levy vote");
  S2 = await storyId(P, "Port closure");
  const Q = await project("Elsewhere");
  await addDocument(Q, "Another project's story text.", { story: "Elsewhere story" });
  otherStory = await storyId(Q, "Elsewhere story");

  const mayor = { speaker_text: "Mayor Reyes", speaker_type: "named_person", mode: "indirect" };
  for (const [who, user] of [
    ["ana", ana],
    ["bo", bo],
  ] as const) {
    // d1: both reviewers agree on everything, so accepting the unanimous spans settles it.
    span[`${who}1q`] = await markText(user, P, d1, T1, "quote", "the levy adds nine dollars a month", mayor);
    span[`${who}1c`] = await markText(user, P, d1, T1, "claim", "The council will vote on Friday", { certainty: "certain" });
    span[`${who}2c`] = await markText(user, P, d2, T2, "claim", "The levy adds nine dollars a month", { certainty: "probable" });
    span[`${who}2q`] = await markText(user, P, d2, T2, "quote", "called it fair", {
      speaker_text: who === "ana" ? "Mayor Reyes" : "mayor reyes ",
      speaker_type: "named_person",
      mode: "direct",
    });
  }
  span.ana2o = await markText(ana, P, d2, T2, "opinion", "Residents worry about costs", { holder: "author", sentiment: -1 });
  span.ana3c = await markText(ana, P, d3, T3, "claim", "the levy adds nine dollars a month");
  // bo starts d3 and deletes his only span: an assignment, no live span.
  span.bo3c = await markText(bo, P, d3, T3, "claim", "Nobody knows why");
  expect((await deleteAnnotation(bo, P, d3, span.bo3c, 1)).ok).toBe(true);

  expect((await linkSpans(ana, P, span.ana1q!, span.ana2c!)).ok).toBe(true);
  expect((await linkSpans(ana, P, span.ana3c!, span.ana2c!)).ok).toBe(true);
  expect((await linkSpans(manager, P, span.bo2c!, span.ana1q!)).ok).toBe(true);
  expect((await acceptAllUnanimous(judge, P, d1, { reason: "" })).ok).toBe(true);
  const gold = await getDb()
    .select({ id: annotations.id, kind: annotations.kind })
    .from(annotations)
    .where(and(eq(annotations.documentId, d1), eq(annotations.layer, "gold")));
  goldQuote = gold.find((g) => g.kind === "quote")!.id;
  goldClaim = gold.find((g) => g.kind === "claim")!.id;

  ledger = (await view(manager, S)).input.documents.find((d) => d.id === d1)!.outletId!;
  expect((await rateOutlet(ana, P, ledger, { axis: "left_right", value: -1, rationale: "Ana's reading" })).ok).toBe(true);
  expect((await rateOutlet(bo, P, ledger, { axis: "left_right", value: 2, rationale: "Bo's reading" })).ok).toBe(true);
  expect((await settleGoldRating(judge, P, { outletId: ledger, axis: "left_right", value: 0.5, rationale: "Settled" })).ok).toBe(true);
  expect(
    (
      await recordReferenceRating(manager, ledger, {
        publisher: "AllSides",
        axis: "left_right",
        value: -2,
        retrievedAt: "2024-01-01",
        url: "https://example.org/r",
      })
    ).ok,
  ).toBe(true);
});

describe("the layer rule, per document", () => {
  it("shows gold where settled and pools every reviewer elsewhere, when no reviewer is chosen", async () => {
    const v = await view(manager, S);
    expect(layerOf(v, d1)).toEqual({ kind: "gold" });
    expect(layerOf(v, d2)).toEqual({ kind: "pooled", reviewers: 2 });
    expect(layerOf(v, d3)).toEqual({ kind: "pooled", reviewers: 1 });
    expect(spanIds(v, d1)).toEqual(sorted([goldQuote, goldClaim]));
    expect(v.input.spans.filter((s) => s.documentId === d1).every((s) => s.annotatorId === null)).toBe(true);
    expect(spanIds(v, d2)).toEqual(sorted([span.ana2c!, span.ana2q!, span.ana2o!, span.bo2c!, span.bo2q!]));
    expect(spanIds(v, d3)).toEqual([span.ana3c]);
    expect(v.reviewers.map((r) => r.name)).toEqual(["ana", "bo"]);
    expect(v.blind).toBe(false);
  });

  it("shows a chosen reviewer where they have spans or an assignment, gold still where settled", async () => {
    const v = await view(manager, S, { reviewerId: bo.id });
    expect(layerOf(v, d1)).toEqual({ kind: "gold" });
    expect(layerOf(v, d2)).toEqual({ kind: "reviewer", reviewerId: bo.id, reviewerName: "bo" });
    // bo deleted his only span on d3 but is assigned there: his (empty) layer is shown.
    expect(layerOf(v, d3)).toEqual({ kind: "reviewer", reviewerId: bo.id, reviewerName: "bo" });
    expect(spanIds(v, d2)).toEqual(sorted([span.bo2c!, span.bo2q!]));
    expect(spanIds(v, d3)).toEqual([]);
    const other = await view(manager, S, { reviewerId: ana.id });
    expect(spanIds(other, d3)).toEqual([span.ana3c]);
  });

  it("falls back to pooled where the chosen reviewer has nothing, and to none where nobody has", async () => {
    const v = await view(manager, null, { reviewerId: judge.id });
    expect(layerOf(v, d2)).toEqual({ kind: "pooled", reviewers: 2 });
    expect(layerOf(v, d4)).toEqual({ kind: "none" });
  });

  it("shows no gold layer where every reviewer is done with nothing marked: nothing was compared or decided", async () => {
    const gone = await markText(ana, P, d5, T5, "claim", "Unrelated text");
    expect((await deleteAnnotation(ana, P, d5, gone, 1)).ok).toBe(true);
    expect(layerOf(await view(manager, null), d5)).toEqual({ kind: "none" });
    expect((await markDocumentDone(ana, P, d5)).ok).toBe(true);
    const v = await view(manager, null);
    expect(layerOf(v, d5)).toEqual({ kind: "none" });
    expect(spanIds(v, d5)).toEqual([]);
  });

  it("reads each span's attributes", async () => {
    const q = (await view(manager, S, { reviewerId: ana.id })).input.spans.find((s) => s.id === span.ana2q)!;
    expect(q).toMatchObject({
      kind: "quote",
      annotatorId: ana.id,
      speakerText: "Mayor Reyes",
      speakerType: "named_person",
      mode: "direct",
      exact: "called it fair",
    });
    const o = (await view(manager, S, { reviewerId: ana.id })).input.spans.find((s) => s.id === span.ana2o)!;
    expect(o).toMatchObject({ kind: "opinion", holder: "author", sentiment: -1 });
    expect(T2.slice(o.start, o.end)).toBe(o.exact);
  });
});

describe("blind mode", () => {
  it("shows an annotator only their own spans on every document, whatever layer they ask for", async () => {
    const v = await view(ana, S, { reviewerId: bo.id });
    expect(v.blind).toBe(true);
    expect(v.reviewers).toEqual([]);
    expect(v.layer).toEqual({ reviewerId: ana.id });
    for (const id of [d1, d2, d3]) expect(layerOf(v, id)).toEqual({ kind: "reviewer", reviewerId: ana.id, reviewerName: "ana" });
    expect(v.input.spans.every((s) => s.annotatorId === ana.id)).toBe(true);
    expect(spanIds(v, d1)).toEqual(sorted([span.ana1q!, span.ana1c!]));
  });

  it("shows an annotator their own outlet ratings only; others see every reviewer's, never the gold one", async () => {
    expect((await view(ana, S)).input.ratings).toEqual([{ outletId: ledger, axis: "left_right", raterId: ana.id, value: -1 }]);
    expect((await view(judge, S)).input.ratings.map((r) => r.value).sort()).toEqual([-1, 2]);
    expect((await view(ana, S)).input.published).toMatchObject([{ outletId: ledger, publisher: "AllSides", value: -2 }]);
    expect((await view(ana, S)).input.axes.map((a) => a.key)).toEqual(["left_right", "reliability", "stance"]);
  });
});

describe("claim groups", () => {
  it("map a settled document's gold span into the group its reviewers' spans were linked in", async () => {
    const [group] = (await view(manager, S)).input.groups;
    expect(group!.spanIds).toEqual(sorted([goldQuote, span.ana2c!, span.bo2c!, span.ana3c!]));
    expect(group!.label).toBe("the levy adds nine dollars a month");
    const timeline = (await view(manager, S)).comparison.timelines[0]!;
    // The two reviewers of the pooled document marked the same words: one appearance, marked by two.
    expect(timeline.entries.map((e) => e.documentId)).toEqual([d1, d2, d3]);
    expect(timeline.entries.map((e) => e.markedBy ?? 1)).toEqual([1, 2, 1]);
  });

  it("hold only the spans the layer shows: a chosen reviewer's, or a blind annotator's own", async () => {
    expect((await view(manager, S, { reviewerId: bo.id })).input.groups[0]!.spanIds).toEqual(sorted([goldQuote, span.bo2c!]));
    expect((await view(ana, S)).input.groups[0]!.spanIds).toEqual(sorted([span.ana1q!, span.ana2c!, span.ana3c!]));
  });
});

describe("deleted spans", () => {
  it("are not counted nor grouped, and count again once restored", async () => {
    const claims = (v: ComparisonView) => v.comparison.outlets.find((o) => o.outletId === null)!.figures.counts.claim;
    const anaLayer = { reviewerId: ana.id };
    expect(claims(await view(manager, S, anaLayer))).toBe(1);
    expect((await deleteAnnotation(ana, P, d3, span.ana3c!, 1)).ok).toBe(true);
    const gone = await view(manager, S, anaLayer);
    expect(claims(gone)).toBe(0);
    expect(gone.input.spans.some((s) => s.id === span.ana3c)).toBe(false);
    expect(gone.input.groups[0]!.spanIds).not.toContain(span.ana3c);
    expect((await restoreAnnotation(ana, P, d3, span.ana3c!)).ok).toBe(true);
    const back = await view(manager, S, anaLayer);
    expect(claims(back)).toBe(1);
    expect(back.input.groups[0]!.spanIds).toContain(span.ana3c);
  });
});

describe("a change between two views", () => {
  it("is seen at once: a document's cached spans are re-read when one of them changes", async () => {
    const layer = { reviewerId: ana.id };
    const certainty = async () => (await view(manager, S, layer)).input.spans.find((s) => s.id === span.ana2c)!.certainty;
    expect(await certainty()).toBe("probable");
    const edited = await updateAnnotation(ana, P, d2, span.ana2c!, { version: 1, attributes: { certainty: "possible" } });
    expect(edited.ok).toBe(true);
    expect(await certainty()).toBe("possible");
    const added = await markText(ana, P, d2, T2, "claim", "Residents worry");
    expect(spanIds(await view(manager, S, layer), d2)).toContain(added);
    expect((await deleteAnnotation(ana, P, d2, added, 1)).ok).toBe(true);
    expect(spanIds(await view(manager, S, layer), d2)).not.toContain(added);
  });
});

describe("scope", () => {
  it("keeps a document without outlet or date, as such", async () => {
    const v = await view(manager, S);
    expect(v.input.documents.find((d) => d.id === d3)).toMatchObject({ outletId: null, outletName: null, publishedAt: null, url: null });
    expect(v.input.documents.map((d) => d.id)).toEqual([d1, d2, d3]);
    expect(v.comparison.outlets.map((o) => o.outletName)).toEqual(["Daily Ledger", "Harbor Times", null]);
  });

  it("compares a story of one document", async () => {
    const v = await view(manager, S2);
    expect(v.story).toMatchObject({ id: S2, name: "Port closure" });
    expect(v.input.documents.map((d) => d.id)).toEqual([d4]);
    expect(v.comparison.outlets).toHaveLength(1);
    expect(v.input.groups).toEqual([]);
  });

  it("compares the whole project: every document, every story's claim groups", async () => {
    const v = await view(manager, null);
    expect(v.story).toBeNull();
    expect(sorted(v.input.documents.map((d) => d.id))).toEqual(sorted([d1, d2, d3, d4, d5]));
    expect(v.input.groups).toHaveLength(1);
  });

  it("tells a non-member, an unknown project and another project's story the same: not found", async () => {
    const refusal = await loadComparison(outsider, P, S, { reviewerId: null });
    expect(refusal).toMatchObject({ ok: false, status: 404 });
    expect(await loadComparison(manager, 999_999, null, { reviewerId: null })).toEqual(refusal);
    expect(await loadComparison(outsider, P, null, { reviewerId: null })).toEqual(refusal);
    expect(await loadComparison(manager, P, 999_999, { reviewerId: null })).toMatchObject({ ok: false, status: 404 });
    expect(await loadComparison(manager, P, otherStory, { reviewerId: null })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("the layer choice in a URL", () => {
  it("reads reviewer:ID and nothing else, and writes it back", () => {
    expect(parseLayerChoice("reviewer:12")).toEqual({ reviewerId: 12 });
    for (const junk of [null, undefined, "", "gold", "reviewer:", "reviewer:0", "reviewer:-3", "reviewer:1.5", "reviewer:12x", "reviewer:99999999999999999"]) {
      expect(parseLayerChoice(junk)).toEqual({ reviewerId: null });
    }
    expect(layerChoiceParam({ reviewerId: 12 })).toBe("reviewer:12");
    expect(layerChoiceParam({ reviewerId: null })).toBeNull();
    expect(parseLayerChoice(layerChoiceParam({ reviewerId: 7 }))).toEqual({ reviewerId: 7 });
  });
});
