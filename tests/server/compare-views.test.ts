// The two views built on the comparison's loader: the quotes behind a speakers × outlets cell
// (always the spans the cell counted) and side-by-side reading of one to three documents.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { stories } from "@/db/tables";
import { linkSpans } from "@/lib/server/claim-links";
import { loadComparison, loadReading, quotesInCell, type LayerChoice } from "@/lib/server/compare";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { createSource } from "@/lib/server/sources";
import type { DocumentMetadata } from "@/lib/validation/documents";
import { markText } from "./adjudication-helpers";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const T1 = "Mayor Reyes said the levy is fair. The council said costs will rise. Rates go up in May.";
const T2 = "The levy is fair, the mayor said. The council said costs will rise. Rates go up in May.";
const T3 = "Someone said the levy is fair. Rates go up in May.";

let manager: SessionUser, ana: SessionUser, bo: SessionUser, outsider: SessionUser;
let P: number, S: number, S2: number;
let d1: number, d2: number, d3: number, dOther: number;
let council: number;
const span: Record<string, number> = {};
const POOLED: LayerChoice = { reviewerId: null };

async function addDocument(text: string, meta: DocumentMetadata): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, P, [{ text }], meta);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

const storyId = async (name: string) =>
  (await first(
    getDb()
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.projectId, P), eq(stories.name, name))),
  ))!.id;

beforeAll(async () => {
  manager = await admin();
  [ana, bo, outsider] = [await reviewer("ana"), await reviewer("bo"), await reviewer("outsider")];
  P = await project("Views");
  await addMember(P, ana, "annotator");
  await addMember(P, bo, "annotator");
  d1 = await addDocument(T1, { outlet: "Daily Ledger", story: "Levy", publishedAt: "2024-03-01" });
  d2 = await addDocument(T2, { outlet: "Harbor Times", story: "Levy", publishedAt: "2024-03-02" });
  d3 = await addDocument(T3, { story: "Levy" });
  dOther = await addDocument("A different story altogether.", { story: "Other" });
  S = await storyId("Levy");
  S2 = await storyId("Other");
  const created = await createSource(manager, P, { name: "City Council", kind: "government" });
  if (!created.ok) throw new Error(created.error);
  council = created.source.id;
  const mayor = (text: string) => ({ speaker_text: text, speaker_type: "named_person", mode: "indirect" });
  const byCouncil = { source_id: council, speaker_type: "named_org", mode: "indirect" };
  span.ana1m = await markText(ana, P, d1, T1, "quote", "the levy is fair", mayor("Mayor Reyes"));
  span.bo1m = await markText(bo, P, d1, T1, "quote", "the levy is fair", mayor("Mayor Reyes"));
  span.ana1c = await markText(ana, P, d1, T1, "quote", "costs will rise", byCouncil);
  span.ana1r = await markText(ana, P, d1, T1, "claim", "Rates go up in May");
  span.ana2m = await markText(ana, P, d2, T2, "quote", "The levy is fair", mayor("Mayor Reyes"));
  span.bo2m = await markText(bo, P, d2, T2, "quote", "The levy is fair", mayor(" MAYOR REYES"));
  span.bo2c = await markText(bo, P, d2, T2, "quote", "costs will rise", byCouncil);
  span.ana2r = await markText(ana, P, d2, T2, "claim", "Rates go up in May");
  span.ana3u = await markText(ana, P, d3, T3, "quote", "the levy is fair", { mode: "indirect" });
  span.ana3r = await markText(ana, P, d3, T3, "claim", "Rates go up in May");
  expect((await linkSpans(ana, P, span.ana1r!, span.ana2r!)).ok).toBe(true);
  expect((await linkSpans(ana, P, span.ana3r!, span.ana2r!)).ok).toBe(true);
});

async function cell(user: SessionUser, key: string, outletId: number | null, layer = POOLED) {
  const result = await quotesInCell(user, P, S, layer, key, outletId);
  if (!result.ok) throw new Error(result.error);
  return result;
}

async function outletOf(documentId: number): Promise<number> {
  const loaded = await loadComparison(manager, P, S, POOLED);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.view.input.documents.find((d) => d.id === documentId)!.outletId!;
}

describe("the quotes behind a matrix cell", () => {
  it("are exactly the spans every cell of the matrix counted, in every layer", async () => {
    for (const [user, layer] of [
      [manager, POOLED],
      [manager, { reviewerId: bo.id }],
      [ana, POOLED],
    ] as const) {
      const loaded = await loadComparison(user, P, S, layer);
      if (!loaded.ok) throw new Error(loaded.error);
      let cells = 0;
      for (const row of loaded.view.comparison.speakers) {
        for (const c of row.cells) {
          const quotes = (await cell(user, row.key, c.outletId, layer)).quotes;
          expect(quotes).toHaveLength(c.count);
          expect(quotes.map((q) => q.span.id).sort()).toEqual([...c.spanIds].sort());
          cells += c.count;
        }
      }
      expect(cells).toBe(loaded.view.input.spans.filter((s) => s.kind === "quote").length);
    }
  });

  it("list every reviewer's quote of a speaker in an outlet, named as the matrix names them", async () => {
    const harbor = await outletOf(d2);
    const mayor = await cell(manager, "text:mayor reyes", harbor);
    expect(mayor.outletName).toBe("Harbor Times");
    expect(mayor.speakerName).toBe("Mayor Reyes");
    expect(mayor.quotes.map((q) => q.span.id)).toEqual([span.ana2m, span.bo2m]);
    expect(mayor.quotes.every((q) => q.document.id === d2 && q.speakerName === "Mayor Reyes")).toBe(true);
    expect((await cell(manager, `source:${council}`, harbor)).quotes.map((q) => q.span.id)).toEqual([span.bo2c]);
    expect((await cell(manager, "unattributed", null)).quotes.map((q) => q.span.id)).toEqual([span.ana3u]);
  });

  it("show a blind annotator their own quotes only", async () => {
    const ledger = await outletOf(d1);
    expect((await cell(manager, "text:mayor reyes", ledger)).quotes.map((q) => q.span.id)).toEqual([span.ana1m, span.bo1m]);
    expect((await cell(ana, "text:mayor reyes", ledger)).quotes.map((q) => q.span.id)).toEqual([span.ana1m]);
  });

  it("refuse a non-member, an unknown speaker and an outlet with no document here", async () => {
    expect(await quotesInCell(outsider, P, S, POOLED, "text:mayor reyes", null)).toMatchObject({ ok: false, status: 404 });
    expect(await quotesInCell(manager, P, S, POOLED, "text:nobody", null)).toMatchObject({ ok: false, status: 404 });
    expect(await quotesInCell(manager, P, S, POOLED, "text:mayor reyes", 999_999)).toMatchObject({ ok: false, status: 404 });
    expect(await quotesInCell(manager, P, S2, POOLED, "text:mayor reyes", null)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("side-by-side reading", () => {
  it("gives the documents asked for, in that order, with their text, spans and the links between them", async () => {
    const result = await loadReading(manager, P, S, [d2, d1], POOLED);
    if (!result.ok) throw new Error(result.error);
    const v = result.view;
    expect(v.documents.map((d) => d.document.id)).toEqual([d2, d1]);
    expect(v.documents.map((d) => d.text)).toEqual([T2, T1]);
    expect(v.documents[0]!.spans.map((s) => s.id)).toEqual([span.ana2m, span.bo2m, span.bo2c, span.ana2r]);
    for (const d of v.documents) for (const s of d.spans) expect(d.text.slice(s.start, s.end)).toBe(s.exact);
    expect(v.storyDocuments.map((d) => d.id)).toEqual([d1, d2, d3]);
    // Only the linked spans of the documents shown: d3's is in another column not on screen.
    expect(v.groups).toHaveLength(1);
    expect(v.groups[0]!.spanIds).toEqual([span.ana1r, span.ana2r].sort((a, b) => a! - b!));
    expect(v.sources).toEqual([{ id: council, name: "City Council", kind: "government" }]);
    expect(v.story).toEqual({ id: S, name: "Levy" });
  });

  it("shows a blind annotator their own spans only", async () => {
    const result = await loadReading(ana, P, S, [d2], { reviewerId: bo.id });
    if (!result.ok) throw new Error(result.error);
    expect(result.view.blind).toBe(true);
    expect(result.view.documents[0]!.spans.map((s) => s.id)).toEqual([span.ana2m, span.ana2r]);
  });

  it("refuses no document or more than three (400), and another story's document or a non-member (404)", async () => {
    expect(await loadReading(manager, P, S, [], POOLED)).toMatchObject({ ok: false, status: 400 });
    expect(await loadReading(manager, P, S, [d1, d2, d3, dOther], POOLED)).toMatchObject({ ok: false, status: 400 });
    expect(await loadReading(manager, P, S, [d1, dOther], POOLED)).toMatchObject({ ok: false, status: 404 });
    expect(await loadReading(outsider, P, S, [d1], POOLED)).toMatchObject({ ok: false, status: 404 });
    expect(await loadReading(manager, P, 999_999, [d1], POOLED)).toMatchObject({ ok: false, status: 404 });
  });
});
