// Who gets suggestions and when, on a real migrated SQLite: members only, never on a layer
// marked done, never while the project has them off; the setting and its cues are a manager's;
// and suggestions stay out of agreement and exports until a reviewer accepts one.
import { beforeAll, describe, expect, it } from "vitest";
import { markDocumentDone } from "@/lib/server/assignments";
import { getProjectAgreement } from "@/lib/server/agreement";
import { planExport } from "@/lib/server/export/authorize";
import { readExportDocuments } from "@/lib/server/export/reader";
import type { SessionUser } from "@/lib/server/session";
import { listSuggestionsForMember } from "@/lib/server/suggestions";
import { acceptAllSuggestions, acceptSuggestion, rejectSuggestion } from "@/lib/server/suggestions-decide";
import { suggestionSettingsFor, updateSuggestionSettings } from "@/lib/server/suggestions-settings";
import { suggest } from "@/lib/suggest";
import type { ExportDocument } from "@/lib/export/types";
import { reviewer } from "./helpers";
import { auditCount } from "./members-helpers";
import { addDocument } from "./outlets-helpers";
import { ARTICLE, byWords, decisionsOf, open, QUOTES, suggestWorld, type SuggestWorld } from "./suggestions-helpers";

let w: SuggestWorld;
let outsider: SessionUser;

beforeAll(async () => {
  w = await suggestWorld();
  outsider = await reviewer();
});

describe("who is offered suggestions", () => {
  it("refuses a non-member, and a document of another project, with the same 404", async () => {
    const key = (await open(w.ana, w))[0]!.key;
    const elsewhere = await suggestWorld();
    for (const [user, doc] of [
      [outsider, w.doc],
      [w.ana, elsewhere.doc],
    ] as const) {
      expect(await listSuggestionsForMember(user, w.p, doc)).toMatchObject({ ok: false, status: 404, code: "not_found" });
      expect(await acceptSuggestion(user, w.p, doc, key)).toMatchObject({ ok: false, status: 404 });
      expect(await rejectSuggestion(user, w.p, doc, key)).toMatchObject({ ok: false, status: 404 });
      expect(await acceptAllSuggestions(user, w.p, doc, 0)).toMatchObject({ ok: false, status: 404 });
    }
  });

  it("lists on a layer marked done but refuses to settle anything there", async () => {
    const fresh = await suggestWorld();
    const key = byWords(await open(fresh.ana, fresh), QUOTES.haddad).key;
    expect((await markDocumentDone(fresh.ana, fresh.p, fresh.doc)).ok).toBe(true);
    expect(await acceptSuggestion(fresh.ana, fresh.p, fresh.doc, key)).toMatchObject({ ok: false, status: 409, code: "frozen" });
    expect(await rejectSuggestion(fresh.ana, fresh.p, fresh.doc, key)).toMatchObject({ ok: false, status: 409, code: "frozen" });
    expect(await acceptAllSuggestions(fresh.ana, fresh.p, fresh.doc, 0)).toMatchObject({ ok: false, status: 409, code: "frozen" });
    expect(await decisionsOf(fresh.ana)).toEqual([]);
  });
});

describe("the project's suggestion setting", () => {
  it("is on by default with no extra cues, and only a manager changes it", async () => {
    const fresh = await suggestWorld();
    expect(await suggestionSettingsFor(fresh.ana, fresh.p)).toEqual({ enabled: true, cues: [] });
    expect(await suggestionSettingsFor(outsider, fresh.p)).toBeNull();
    expect(await updateSuggestionSettings(fresh.ana, fresh.p, { enabled: false, cues: [] })).toMatchObject({ ok: false, status: 403 });
    expect(await updateSuggestionSettings(outsider, fresh.p, { enabled: false, cues: [] })).toMatchObject({ ok: false, status: 404 });
    expect(await suggestionSettingsFor(fresh.manager, fresh.p)).toEqual({ enabled: true, cues: [] });
  });

  it("refuses bad input with a message naming the cue, and changes nothing", async () => {
    const fresh = await suggestWorld();
    const audits = await auditCount();
    const long = "x".repeat(41);
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: true, cues: ["briefed", long] })).toMatchObject({
      ok: false,
      status: 422,
      error: `“${long}”: A cue is at most 40 characters.`,
    });
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: true, cues: ["<script>"] })).toMatchObject({ ok: false, status: 422 });
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: "yes", cues: [] })).toMatchObject({ ok: false, status: 422 });
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, null)).toMatchObject({ ok: false, status: 422 });
    expect(await auditCount()).toBe(audits);
  });

  it("passes the project's extra cues to lib/suggest", async () => {
    const text = "The harbour master briefed that the dam is safe. Officials posted that the road will reopen on Monday.";
    const fresh = await suggestWorld(text);
    const cues = ["briefed", "posted"];
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: true, cues })).toEqual({ ok: true });
    const registry = [{ id: fresh.haddad, name: "Rana Haddad", aliases: ["Mayor Haddad"] }];
    const keys = (list: { key: string }[]): string[] => list.map((s) => s.key).sort();
    const withCues = keys(suggest(text, { sources: registry, extraCues: cues }));
    // The cues matter for this text: without them lib/suggest finds less.
    expect(withCues).not.toEqual(keys(suggest(text, { sources: registry })));
    expect(keys(await open(fresh.ana, fresh))).toEqual(withCues);
  });

  it("turned off, refuses to list or settle suggestions; turned on again, they are back", async () => {
    const fresh = await suggestWorld();
    const key = (await open(fresh.ana, fresh))[0]!.key;
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: false, cues: [] })).toEqual({ ok: true });
    const off = { ok: false, status: 409, code: "disabled" };
    expect(await listSuggestionsForMember(fresh.ana, fresh.p, fresh.doc)).toMatchObject(off);
    expect(await acceptSuggestion(fresh.ana, fresh.p, fresh.doc, key)).toMatchObject(off);
    expect(await rejectSuggestion(fresh.ana, fresh.p, fresh.doc, key)).toMatchObject(off);
    expect(await acceptAllSuggestions(fresh.ana, fresh.p, fresh.doc, 0)).toMatchObject(off);
    expect(await decisionsOf(fresh.ana)).toEqual([]);
    expect(await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: true, cues: [] })).toEqual({ ok: true });
    expect((await open(fresh.ana, fresh)).map((s) => s.key)).toContain(key);
  });
});

describe("agreement and exports", () => {
  async function exported(user: SessionUser, p: number): Promise<ExportDocument[]> {
    const planned = await planExport(user, p, { format: "jsonl", layer: "all" });
    if ("ok" in planned) throw new Error(planned.error);
    const docs: ExportDocument[] = [];
    for await (const doc of readExportDocuments(planned.plan)) docs.push(doc);
    return docs;
  }
  const spansIn = (docs: ExportDocument[], doc: number): number => docs.find((d) => d.id === doc)?.spans.length ?? 0;
  async function agreementSpans(user: SessionUser, p: number, doc: number): Promise<number> {
    const view = await getProjectAgreement(user, p, "all");
    if ("ok" in view) throw new Error(view.error);
    return view.documents.find((d) => d.id === doc)?.spans ?? 0;
  }

  it("ignore suggestions, offered or rejected, and count one only once a reviewer accepts it", async () => {
    const fresh = await suggestWorld();
    const second = (await addDocument(fresh.p, { text: `${ARTICLE}\n\nA second telling.` })).documentId;
    for (const user of [fresh.ana, fresh.ben]) expect((await open(user, fresh)).length).toBeGreaterThanOrEqual(3);
    expect((await open(fresh.ana, fresh, second)).length).toBeGreaterThanOrEqual(3);
    const spokesperson = byWords(await open(fresh.ben, fresh), QUOTES.spokesperson);
    expect((await rejectSuggestion(fresh.ben, fresh.p, fresh.doc, spokesperson.key)).ok).toBe(true);
    expect(spansIn(await exported(fresh.manager, fresh.p), fresh.doc)).toBe(0);
    expect(spansIn(await exported(fresh.manager, fresh.p), second)).toBe(0);
    expect(await agreementSpans(fresh.manager, fresh.p, fresh.doc)).toBe(0);

    const haddad = byWords(await open(fresh.ana, fresh), QUOTES.haddad);
    expect((await acceptSuggestion(fresh.ana, fresh.p, fresh.doc, haddad.key)).ok).toBe(true);
    const docs = await exported(fresh.manager, fresh.p);
    expect(docs.find((d) => d.id === fresh.doc)!.spans.map((s) => [s.kind, s.exact])).toEqual([["quote", haddad.exact]]);
    expect(spansIn(docs, second)).toBe(0);
    expect(await agreementSpans(fresh.manager, fresh.p, fresh.doc)).toBe(1);
  });
});
