// Claim links against a real database: who may link which spans, how links grow, merge and
// shrink, what the audit log keeps, how a deleted span's membership survives a restore, and
// which spans are suggested as matches.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { adjudications, auditLog, claimLinks, claimLinkSpans, projects } from "@/db/tables";
import { decide } from "@/lib/server/adjudication";
import { createAnnotation, deleteAnnotation, restoreAnnotation } from "@/lib/server/annotations";
import { linkOf, linkSpans, suggestMatches, unlinkSpan } from "@/lib/server/claim-links";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { addMember, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const TEXTS = {
  wire: "The levy will add $9 a month to a typical water bill. The plant will cost $240 million.",
  ledger: "Households will pay $9 more per month on water bills. Governor Hale refused a state loan.",
  press: "The price tag is $240 million before overruns. The levy adds $9 a month to every water bill.",
  lone: "The levy will add $9 a month, a lone report says.",
  dredging: "The levy will add $9 a month to pay for dredging.",
};

interface World {
  p: number;
  docs: Record<keyof typeof TEXTS, number>;
  people: Record<"mona" | "ana" | "bo" | "jude" | "nico", SessionUser>;
}

let w: World;
let n = 0;

async function importOne(p: number, text: string, meta: { title: string; outlet?: string; story?: string; publishedAt?: string }): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, p, [{ text }], meta);
  if (!result.ok) throw new Error(result.problems.map((x) => x.message).join("; "));
  return result.documents[0]!.id;
}

/** A span on the first occurrence of `needle`; the test texts are ASCII, so indexes are code points. */
async function span(user: SessionUser, doc: keyof typeof TEXTS, needle: string, kind: AnnotationKind = "claim", p = w.p, docId = w.docs[doc]): Promise<number> {
  const start = TEXTS[doc].indexOf(needle);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  const made = await createAnnotation(user, p, docId, { kind, start, end: start + needle.length, exact: needle });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

async function goldSpan(doc: keyof typeof TEXTS, needle: string): Promise<number> {
  const start = TEXTS[doc].indexOf(needle);
  const decided = await decide(w.people.jude, w.p, w.docs[doc], { action: "add", kind: "claim", start, end: start + needle.length });
  if (!decided.ok) throw new Error(decided.error);
  return (await first(getDb().select({ id: adjudications.goldAnnotationId }).from(adjudications).where(eq(adjudications.id, decided.adjudicationId))))!.id!;
}

const linkAudits = async (): Promise<number> => (await first(getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.entity, "claim_link"))))!.n;
const linkCount = async (): Promise<number> => (await first(getDb().select({ n: count() }).from(claimLinks)))!.n;
const ids = (r: { spans: { annotationId: number }[] }): number[] => r.spans.map((s) => s.annotationId).sort((a, b) => a - b);

async function setBlind(p: number, blindMode: boolean): Promise<void> {
  const row = (await first(getDb().select({ settings: projects.settings }).from(projects).where(eq(projects.id, p))))!;
  await getDb()
    .update(projects)
    .set({ settings: { ...(row.settings as object), blindMode } })
    .where(eq(projects.id, p));
}

beforeAll(async () => {
  const people = {
    mona: await reviewer("mona"),
    ana: await reviewer("ana"),
    bo: await reviewer("bo"),
    jude: await reviewer("jude"),
    nico: await reviewer("nico"),
  };
  const p = await project("Water levy");
  await addMember(p, people.mona, "manager");
  await addMember(p, people.ana, "annotator");
  await addMember(p, people.bo, "annotator");
  await addMember(p, people.jude, "adjudicator");
  const story = "Levy vote";
  const docs = {
    wire: await importOne(p, TEXTS.wire, { title: "Council approves levy", outlet: "Coastal Wire", story, publishedAt: "2031-03-14" }),
    ledger: await importOne(p, TEXTS.ledger, { title: "A water future", outlet: "Harbor Ledger", story, publishedAt: "2031-03-15" }),
    press: await importOne(p, TEXTS.press, { title: "Another tax on your tap", outlet: "Free Press", story, publishedAt: "2031-03-16" }),
    lone: await importOne(p, TEXTS.lone, { title: "A lone report" }),
    dredging: await importOne(p, TEXTS.dredging, { title: "Dredging", story: "Harbour dredging" }),
  };
  w = { p, docs, people };
});

describe("linking two spans", () => {
  it("creates a link holding both, with outlet, title and date, oldest first, and audits it", async () => {
    const a = await span(w.people.mona, "ledger", "Households will pay $9 more per month");
    const b = await span(w.people.mona, "wire", "The levy will add $9 a month");
    const audits = await linkAudits();
    const linked = await linkSpans(w.people.mona, w.p, a, b);
    expect(linked).toMatchObject({ ok: true });
    if (!linked.ok) return;
    expect(linked.spans.map((s) => [s.annotationId, s.outletName, s.documentTitle, s.publishedAt, s.kind, s.layer])).toEqual([
      [b, "Coastal Wire", "Council approves levy", "2031-03-14", "claim", "annotator"],
      [a, "Harbor Ledger", "A water future", "2031-03-15", "claim", "annotator"],
    ]);
    expect(linked.spans[0]).toMatchObject({ exact: "The levy will add $9 a month", annotatorName: "mona" });
    expect(await linkAudits()).toBe(audits + 1);
    const entry = (await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "claim_link"), eq(auditLog.entityId, linked.linkId))),
    ))!;
    expect(entry).toMatchObject({ action: "link", actorId: w.people.mona.id, after: { annotationIds: [a, b] } });
    expect(await linkOf(w.people.ana, w.p, a)).toMatchObject({ ok: false, status: 404 }); // blind: not hers, so not there
    expect(await linkOf(w.people.jude, w.p, a)).toMatchObject({ ok: true, linkId: linked.linkId });
  });

  it("refuses a span linked to itself, with a message, and writes nothing", async () => {
    const a = await span(w.people.mona, "wire", "The plant will cost $240 million");
    const before = [await linkCount(), await linkAudits()];
    expect(await linkSpans(w.people.mona, w.p, a, a)).toMatchObject({ ok: false, status: 400, error: expect.stringContaining("itself") });
    expect([await linkCount(), await linkAudits()]).toEqual(before);
  });

  it("refuses two spans of the same document", async () => {
    const a = await span(w.people.mona, "press", "The price tag is $240 million");
    const b = await span(w.people.mona, "press", "The levy adds $9 a month");
    expect(await linkSpans(w.people.mona, w.p, a, b)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("same document") });
  });

  it("refuses a document in no story, and spans of two different stories, saying why", async () => {
    const wire = await span(w.people.mona, "wire", "a typical water bill");
    const lone = await span(w.people.mona, "lone", "The levy will add $9 a month");
    const dredging = await span(w.people.mona, "dredging", "The levy will add $9 a month");
    expect(await linkSpans(w.people.mona, w.p, wire, lone)).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringContaining("“A lone report” is in no story"),
    });
    expect(await linkSpans(w.people.mona, w.p, dredging, wire)).toMatchObject({ ok: false, status: 409, error: expect.stringContaining("different stories") });
  });

  it("answers 404 for a span of another project, for a non-member, and for an unknown id", async () => {
    const other = await project(`Elsewhere ${++n}`);
    await addMember(other, w.people.mona, "manager");
    const elsewhere = await importOne(other, TEXTS.ledger, { title: "Copy", story: "Levy vote" });
    const foreign = await span(w.people.mona, "ledger", "Governor Hale refused a state loan", "claim", other, elsewhere);
    const mine = await span(w.people.mona, "wire", "The plant will cost");
    const before = [await linkCount(), await linkAudits()];
    expect(await linkSpans(w.people.mona, w.p, mine, foreign)).toMatchObject({ ok: false, status: 404 });
    expect(await linkSpans(w.people.mona, other, foreign, mine)).toMatchObject({ ok: false, status: 404 });
    expect(await linkSpans(w.people.nico, w.p, mine, foreign)).toMatchObject({ ok: false, status: 404 });
    expect(await linkSpans(w.people.mona, w.p, mine, 999_999)).toMatchObject({ ok: false, status: 404 });
    expect(await linkOf(w.people.nico, w.p, mine)).toMatchObject({ ok: false, status: 404 });
    expect(await unlinkSpan(w.people.nico, w.p, mine)).toMatchObject({ ok: false, status: 404 });
    expect([await linkCount(), await linkAudits()]).toEqual(before);
  });
});

describe("growing, merging and shrinking links", () => {
  it("adds a span to the link its partner is in, then merges two links into the older one", async () => {
    const wire = await span(w.people.mona, "wire", "$240 million");
    const press = await span(w.people.mona, "press", "$240 million");
    const ledger = await span(w.people.mona, "ledger", "Governor Hale refused a state loan");
    const first = await linkSpans(w.people.mona, w.p, wire, press);
    if (!first.ok) throw new Error(first.error);
    const grown = await linkSpans(w.people.mona, w.p, ledger, press);
    expect(grown).toMatchObject({ ok: true, linkId: first.linkId });
    if (!grown.ok) return;
    expect(ids(grown)).toEqual([wire, press, ledger].sort((a, b) => a - b));

    // A second link of two other spans, then one span from each: one link remains, with all five.
    const x = await span(w.people.bo, "wire", "The levy will add");
    const y = await span(w.people.bo, "ledger", "Households will pay");
    const second = await linkSpans(w.people.mona, w.p, x, y);
    if (!second.ok) throw new Error(second.error);
    const links = await linkCount();
    const merged = await linkSpans(w.people.mona, w.p, y, press);
    expect(merged).toMatchObject({ ok: true, linkId: first.linkId });
    if (!merged.ok) return;
    expect(ids(merged)).toEqual([wire, press, ledger, x, y].sort((a, b) => a - b));
    expect(await linkCount()).toBe(links - 1);
    const audit = (
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "claim_link"), eq(auditLog.action, "merge")))
    ).at(-1)!;
    expect(audit).toMatchObject({ entityId: first.linkId, after: { mergedLinkId: second.linkId } });
    // Linking two spans already together changes nothing.
    const audits = await linkAudits();
    expect(await linkSpans(w.people.mona, w.p, x, press)).toMatchObject({ ok: true, linkId: first.linkId });
    expect(await linkAudits()).toBe(audits);
  });

  it("unlinks one span, and deletes a link left with one span", async () => {
    const a = await span(w.people.mona, "wire", "to a typical water bill");
    const b = await span(w.people.mona, "ledger", "on water bills");
    const c = await span(w.people.mona, "press", "to every water bill");
    await linkSpans(w.people.mona, w.p, a, b);
    const all = await linkSpans(w.people.mona, w.p, c, a);
    if (!all.ok) throw new Error(all.error);
    expect(await unlinkSpan(w.people.mona, w.p, c)).toEqual({ ok: true });
    expect(await linkOf(w.people.mona, w.p, c)).toEqual({ ok: true, linkId: null, spans: [] });
    expect(ids((await linkOf(w.people.mona, w.p, a)) as { spans: { annotationId: number }[] })).toEqual([a, b].sort((x, y) => x - y));
    expect(await unlinkSpan(w.people.mona, w.p, b)).toEqual({ ok: true });
    expect(await first(getDb().select().from(claimLinks).where(eq(claimLinks.id, all.linkId)))).toBeUndefined();
    expect(await linkOf(w.people.mona, w.p, a)).toEqual({ ok: true, linkId: null, spans: [] });
    expect(await unlinkSpan(w.people.mona, w.p, a)).toMatchObject({ ok: false, status: 409, error: "This span is not linked to any other span." });
    const last = (
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "claim_link"), eq(auditLog.entityId, all.linkId)))
    ).at(-1)!;
    expect(last).toMatchObject({ action: "unlink", after: { deleted: true } });
  });
});

describe("deleted and restored spans", () => {
  it("hides a deleted span from its link and brings it back, still linked, when restored", async () => {
    const a = await span(w.people.mona, "wire", "The levy will add $9");
    const b = await span(w.people.mona, "ledger", "$9 more per month");
    const c = await span(w.people.mona, "press", "The levy adds $9");
    await linkSpans(w.people.mona, w.p, a, b);
    const linked = await linkSpans(w.people.mona, w.p, a, c);
    if (!linked.ok) throw new Error(linked.error);
    const gone = await deleteAnnotation(w.people.mona, w.p, w.docs.ledger, b, 1);
    expect(gone.ok).toBe(true);
    expect(ids((await linkOf(w.people.mona, w.p, a)) as { spans: { annotationId: number }[] })).toEqual([a, c].sort((x, y) => x - y));
    expect(await linkOf(w.people.mona, w.p, b)).toMatchObject({ ok: false, status: 404 });
    expect(await linkSpans(w.people.mona, w.p, b, a)).toMatchObject({ ok: false, status: 404 });
    expect(await first(getDb().select().from(claimLinkSpans).where(eq(claimLinkSpans.annotationId, b)))).toMatchObject({ linkId: linked.linkId });
    expect((await restoreAnnotation(w.people.mona, w.p, w.docs.ledger, b)).ok).toBe(true);
    expect(await linkOf(w.people.mona, w.p, b)).toMatchObject({ ok: true, linkId: linked.linkId });
    expect(ids((await linkOf(w.people.mona, w.p, a)) as { spans: { annotationId: number }[] })).toEqual([a, b, c].sort((x, y) => x - y));
  });
});

describe("blind mode and the gold layer", () => {
  it("lets a blind annotator link only their own spans; another's is not found", async () => {
    const mine = await span(w.people.ana, "wire", "The plant will cost $240 million");
    const mine2 = await span(w.people.ana, "press", "The price tag is $240 million");
    const bos = await span(w.people.bo, "ledger", "Governor Hale");
    expect(await linkSpans(w.people.ana, w.p, mine, bos)).toMatchObject({ ok: false, status: 404 });
    const linked = await linkSpans(w.people.ana, w.p, mine, mine2);
    expect(linked).toMatchObject({ ok: true });
    // Bo's span joins through a manager; ana still sees only her own spans in the link.
    if (!linked.ok) return;
    expect(await linkSpans(w.people.mona, w.p, bos, mine)).toMatchObject({ ok: true, linkId: linked.linkId });
    expect(ids((await linkOf(w.people.ana, w.p, mine)) as { spans: { annotationId: number }[] })).toEqual([mine, mine2].sort((x, y) => x - y));
    expect(await unlinkSpan(w.people.ana, w.p, bos)).toMatchObject({ ok: false, status: 404 });
  });

  it("sees and links others' spans when blind mode is off", async () => {
    const p = await project(`Open ${++n}`);
    await setBlind(p, false);
    await addMember(p, w.people.ana, "annotator");
    await addMember(p, w.people.bo, "annotator");
    const d1 = await importOne(p, TEXTS.wire, { title: "One", story: "S" });
    const d2 = await importOne(p, TEXTS.press, { title: "Two", story: "S" });
    const bos = await span(w.people.bo, "wire", "$240 million", "claim", p, d1);
    const anas = await span(w.people.ana, "press", "$240 million", "claim", p, d2);
    expect(await linkSpans(w.people.ana, p, anas, bos)).toMatchObject({ ok: true });
  });

  it("lets managers and adjudicators link gold spans, not annotators", async () => {
    const gold = await goldSpan("wire", "The plant will cost $240 million.");
    const other = await span(w.people.jude, "press", "The price tag is $240 million before overruns.");
    expect(await linkSpans(w.people.ana, w.p, gold, other)).toMatchObject({ ok: false, status: 404 }); // blind: gold is hidden
    await setBlind(w.p, false);
    try {
      const bos = await span(w.people.bo, "press", "before overruns");
      expect(await linkSpans(w.people.bo, w.p, bos, gold)).toMatchObject({ ok: false, status: 403, error: expect.stringContaining("gold") });
      const linked = await linkSpans(w.people.jude, w.p, gold, other);
      expect(linked).toMatchObject({ ok: true });
      if (linked.ok) expect(linked.spans.find((s) => s.annotationId === gold)).toMatchObject({ layer: "gold", annotatorName: "jude" });
    } finally {
      await setBlind(w.p, true);
    }
  });
});

describe("suggested matches", () => {
  let fresh: { p: number; wire: number; ledger: number; press: number; lone: number };

  beforeAll(async () => {
    const p = await project(`Suggest ${++n}`);
    await addMember(p, w.people.mona, "manager");
    await addMember(p, w.people.ana, "annotator");
    await addMember(p, w.people.bo, "annotator");
    fresh = {
      p,
      wire: await importOne(p, TEXTS.wire, { title: "Wire", outlet: "Coastal Wire", story: "Levy", publishedAt: "2031-03-14" }),
      ledger: await importOne(p, TEXTS.ledger, { title: "Ledger", outlet: "Harbor Ledger", story: "Levy" }),
      press: await importOne(p, TEXTS.press, { title: "Press", outlet: "Free Press", story: "Levy" }),
      lone: await importOne(p, TEXTS.lone, { title: "Lone" }),
    };
  });

  const on = (user: SessionUser, doc: "wire" | "ledger" | "press" | "lone", needle: string): Promise<number> =>
    span(user, doc, needle, "claim", fresh.p, fresh[doc]);

  it("ranks the story's other documents' spans by similarity, leaving out the same document, weak matches and deleted spans", async () => {
    const active = await on(w.people.mona, "wire", "The levy will add $9 a month to a typical water bill.");
    await on(w.people.mona, "wire", "The plant will cost $240 million."); // same document: never suggested
    const best = await on(w.people.mona, "press", "The levy adds $9 a month to every water bill.");
    const good = await on(w.people.mona, "ledger", "Households will pay $9 more per month on water bills.");
    await on(w.people.mona, "ledger", "Governor Hale refused a state loan."); // shares nothing
    const deleted = await on(w.people.mona, "press", "The price tag is $240 million before overruns.");
    expect((await deleteAnnotation(w.people.mona, fresh.p, fresh.press, deleted, 1)).ok).toBe(true);
    const result = await suggestMatches(w.people.mona, fresh.p, fresh.wire, active);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.suggestions.map((s) => s.annotationId)).toEqual([best, good]);
    expect(result.suggestions[0]).toMatchObject({ outletName: "Free Press", documentTitle: "Press", exact: "The levy adds $9 a month to every water bill." });
    expect(result.suggestions[0]!.score).toBeGreaterThan(result.suggestions[1]!.score);
    expect(result.suggestions[1]!.score).toBeGreaterThan(0);

    // Once linked, a span is no longer suggested; a new span is, without restarting anything.
    expect((await linkSpans(w.people.mona, fresh.p, active, best)).ok).toBe(true);
    const again = await suggestMatches(w.people.mona, fresh.p, fresh.wire, active);
    expect(again.ok && again.suggestions.map((s) => s.annotationId)).toEqual([good]);
    const newer = await on(w.people.mona, "press", "adds $9 a month to every water bill");
    const third = await suggestMatches(w.people.mona, fresh.p, fresh.wire, active, 1);
    expect(third.ok && third.suggestions.map((s) => s.annotationId)).toEqual([newer]);
  });

  it("suggests to a blind annotator only their own spans", async () => {
    const mine = await on(w.people.ana, "wire", "The plant will cost $240 million.");
    const bos = await on(w.people.bo, "press", "The price tag is $240 million before overruns.");
    const anas = await on(w.people.ana, "press", "The price tag is $240 million");
    // The manager asks first, so the cached vectors hold everyone's spans: the cache must not decide what ana sees.
    const forMona = await suggestMatches(w.people.mona, fresh.p, fresh.wire, mine);
    expect(forMona.ok && forMona.suggestions.map((s) => s.annotationId)).toContain(bos);
    const forAna = await suggestMatches(w.people.ana, fresh.p, fresh.wire, mine);
    expect(forAna.ok && forAna.suggestions.map((s) => s.annotationId)).toEqual([anas]);
    expect(await suggestMatches(w.people.ana, fresh.p, fresh.press, bos)).toMatchObject({ ok: false, status: 404 });
  });

  it("says why a document in no story gets no suggestions, and hides spans of other projects and documents", async () => {
    const lone = await on(w.people.mona, "lone", "The levy will add $9 a month");
    expect(await suggestMatches(w.people.mona, fresh.p, fresh.lone, lone)).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringContaining("in no story"),
    });
    expect(await suggestMatches(w.people.mona, fresh.p, fresh.wire, lone)).toMatchObject({ ok: false, status: 404 });
    expect(await suggestMatches(w.people.mona, w.p, fresh.lone, lone)).toMatchObject({ ok: false, status: 404 });
    expect(await suggestMatches(w.people.nico, fresh.p, fresh.lone, lone)).toMatchObject({ ok: false, status: 404 });
  });
});
