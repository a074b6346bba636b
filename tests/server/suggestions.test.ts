// Suggestions on a real migrated SQLite with the real lib/suggest: what a member is offered,
// accepting (a quote span with its speaker linked in the registry, made there when new, and the
// decision, in one transaction), rejecting, accepting all above a confidence, and what is
// refused: a key the text does not yield, a decided one, one under a span of the reviewer's.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, sources } from "@/db/tables";
import { createAnnotation, listAnnotations } from "@/lib/server/annotations";
import { acceptAllSuggestions, acceptSuggestion, rejectSuggestion } from "@/lib/server/suggestions-decide";
import { suggest } from "@/lib/suggest";
import { auditCount } from "./members-helpers";
import { ARTICLE, byWords, decisionsOf, open, QUOTES, suggestWorld, type SuggestWorld } from "./suggestions-helpers";
import { first } from "@/db/rows";

let w: SuggestWorld;

beforeAll(async () => {
  w = await suggestWorld();
});

describe("the suggestions a member is offered", () => {
  it("are lib/suggest's for the text with the project's registry, in reading order, with the quoted text and the speaker's name", async () => {
    const fresh = await suggestWorld();
    const list = await open(fresh.ana, fresh);
    const direct = suggest(ARTICLE, { sources: [{ id: fresh.haddad, name: "Rana Haddad", aliases: ["Mayor Haddad"] }], extraCues: [] });
    expect(list.map((s) => s.key).sort()).toEqual(direct.map((s) => s.key).sort());
    expect(list.map((s) => s.start)).toEqual([...list.map((s) => s.start)].sort((a, b) => a - b));
    for (const s of list) expect(s.exact).toBe(Array.from(ARTICLE).slice(s.start, s.end).join(""));
    const haddad = byWords(list, QUOTES.haddad);
    expect(haddad.speaker?.sourceId).toBe(fresh.haddad);
    expect(haddad.speakerName).toBe("Rana Haddad");
    const okafor = byWords(list, QUOTES.okafor);
    expect(okafor.speaker?.sourceId).toBeNull();
    expect(okafor.speakerName).toBe("Tom Okafor");
  });

  it("are not spans: listing them writes nothing", async () => {
    const fresh = await suggestWorld();
    const audits = await auditCount();
    expect((await open(fresh.ana, fresh)).length).toBeGreaterThanOrEqual(3);
    expect(await listAnnotations(fresh.ana, fresh.p, fresh.doc)).toEqual([]);
    expect(await decisionsOf(fresh.ana)).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it("leave out those overlapping one of the reviewer's own spans, but not another reviewer's", async () => {
    const fresh = await suggestWorld();
    const target = byWords(await open(fresh.ana, fresh), QUOTES.okafor);
    const made = await createAnnotation(fresh.ben, fresh.p, fresh.doc, {
      kind: "claim",
      start: target.start,
      end: target.start + 4,
      exact: target.exact.slice(0, 4),
    });
    expect(made.ok).toBe(true);
    expect((await open(fresh.ana, fresh)).map((s) => s.key)).toContain(target.key);
    expect((await open(fresh.ben, fresh)).map((s) => s.key)).not.toContain(target.key);
    expect(await acceptSuggestion(fresh.ben, fresh.p, fresh.doc, target.key)).toMatchObject({ ok: false, status: 409, code: "overlap" });
  });
});

describe("accepting a suggestion", () => {
  it("makes the reviewer's attributed quote with the registry speaker, mode and cue, and records the decision", async () => {
    const s = byWords(await open(w.ana, w), QUOTES.haddad);
    const result = await acceptSuggestion(w.ana, w.p, w.doc, s.key);
    if (!result.ok) throw new Error(result.error);
    expect(result).toMatchObject({ key: s.key, newSource: false, source: { id: w.haddad, name: "Rana Haddad" } });
    expect(result.annotation).toMatchObject({ kind: "quote", start: s.start, end: s.end, exact: s.exact, annotatorId: w.ana.id, layer: "annotator" });
    expect(result.annotation.attributes).toMatchObject({ source_id: w.haddad, speaker_type: "named_person", mode: s.type, speaker_text: s.speaker!.text });
    if (s.cue !== null) expect(result.annotation.attributes.cue).toBe(s.cue.text);
    expect((await listAnnotations(w.ana, w.p, w.doc))!.map((a) => a.id)).toEqual([result.annotation.id]);
    expect(await decisionsOf(w.ana)).toMatchObject([
      { key: s.key, decision: "accepted", annotationId: result.annotation.id, documentId: w.doc, projectId: w.p },
    ]);
    expect((await open(w.ana, w)).map((x) => x.key)).not.toContain(s.key);
    // Another reviewer's suggestions are their own.
    expect((await open(w.ben, w)).map((x) => x.key)).toContain(s.key);
  });

  it("adds a speaker the registry does not know as a new source, linked from the span", async () => {
    const s = byWords(await open(w.ana, w), QUOTES.okafor);
    const result = await acceptSuggestion(w.ana, w.p, w.doc, s.key);
    if (!result.ok) throw new Error(result.error);
    expect(result.newSource).toBe(true);
    const row = (await first(getDb().select().from(sources).where(eq(sources.id, result.source!.id))))!;
    expect(row).toMatchObject({ projectId: w.p, name: "Tom Okafor", kind: "person" });
    expect(result.annotation.attributes).toMatchObject({ source_id: row.id, speaker_type: "named_person" });
    // The next reviewer to accept it is matched to that source rather than making a second one.
    const again = byWords(await open(w.ben, w), QUOTES.okafor);
    expect(again.speaker?.sourceId).toBe(row.id);
    const second = await acceptSuggestion(w.ben, w.p, w.doc, again.key);
    expect(second).toMatchObject({ ok: true, newSource: false, source: { id: row.id } });
  });

  it("refuses a suggestion already decided, and one the text does not yield, writing nothing", async () => {
    const [decided] = await decisionsOf(w.ana);
    const before = { audits: await auditCount(), spans: (await getDb().select().from(annotations)).length };
    expect(await acceptSuggestion(w.ana, w.p, w.doc, decided!.key)).toMatchObject({ ok: false, status: 409, code: "decided" });
    expect(await rejectSuggestion(w.ana, w.p, w.doc, decided!.key)).toMatchObject({ ok: false, status: 409, code: "decided" });
    const stale = await acceptSuggestion(w.ana, w.p, w.doc, "0:3");
    expect(stale).toMatchObject({ ok: false, status: 409, code: "stale" });
    expect(!stale.ok && stale.error).toMatch(/no longer yields suggestion 0:3/);
    expect(await rejectSuggestion(w.ana, w.p, w.doc, "999999:1000000")).toMatchObject({ ok: false, status: 409, code: "stale" });
    expect({ audits: await auditCount(), spans: (await getDb().select().from(annotations)).length }).toEqual(before);
  });
});

describe("rejecting a suggestion", () => {
  it("records the decision without a span, so the suggestion is not offered to that reviewer again", async () => {
    const fresh = await suggestWorld();
    const s = byWords(await open(fresh.ana, fresh), QUOTES.spokesperson);
    expect(await rejectSuggestion(fresh.ana, fresh.p, fresh.doc, s.key)).toEqual({ ok: true, key: s.key });
    expect(await decisionsOf(fresh.ana)).toMatchObject([{ key: s.key, decision: "rejected", annotationId: null }]);
    expect((await open(fresh.ana, fresh)).map((x) => x.key)).not.toContain(s.key);
    expect(await listAnnotations(fresh.ana, fresh.p, fresh.doc)).toEqual([]);
    expect((await open(fresh.ben, fresh)).map((x) => x.key)).toContain(s.key);
  });
});

describe("accepting all at or above a confidence", () => {
  it("accepts exactly the open suggestions at or above it, and none twice", async () => {
    const fresh = await suggestWorld();
    const list = await open(fresh.ana, fresh);
    const top = Math.max(...list.map((s) => s.confidence));
    const result = await acceptAllSuggestions(fresh.ana, fresh.p, fresh.doc, top);
    if (!result.ok) throw new Error(result.error);
    const expected = list.filter((s) => s.confidence >= top).map((s) => s.key);
    expect(result.accepted.map((a) => a.key).sort()).toEqual(expected.sort());
    expect(result.accepted.every((a) => a.annotation.kind === "quote")).toBe(true);
    expect((await open(fresh.ana, fresh)).map((s) => s.key)).toEqual(list.filter((s) => s.confidence < top).map((s) => s.key));

    const rest = await acceptAllSuggestions(fresh.ana, fresh.p, fresh.doc, 0);
    if (!rest.ok) throw new Error(rest.error);
    expect(rest.accepted.length + result.accepted.length + rest.skipped).toBe(list.length);
    expect(await acceptAllSuggestions(fresh.ana, fresh.p, fresh.doc, 0)).toMatchObject({ ok: true, accepted: [], skipped: 0 });
    expect((await listAnnotations(fresh.ana, fresh.p, fresh.doc))!.length).toBe(list.length - rest.skipped);
  });
});
