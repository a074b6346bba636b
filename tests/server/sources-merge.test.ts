// Merging two sources: quotes and targets follow to the kept source in one audited
// transaction, a stale tab gets the usual version conflict, and undo restores the source, its
// aliases and exactly the spans that moved. Bad requests change nothing.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as mergeRoute } from "@/app/api/projects/[projectId]/sources/merge/route";
import { POST as undoRoute } from "@/app/api/projects/[projectId]/sources/merges/[mergeId]/undo/route";
import { getDb } from "@/db";
import { auditLog } from "@/db/tables";
import { updateAnnotation } from "@/lib/server/annotations";
import { listSources, mergeSources, sourceHistory, undoMerge, updateSource } from "@/lib/server/sources";
import { project, signInAs } from "./helpers";
import { auditCount } from "./members-helpers";
import { addSource, claim, quote, registryWorld, remove, setBlind, sourceRow, span, type RegistryWorld } from "./sources-helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

let w: RegistryWorld;
let kept: number;
let away: number;
let spans: { anaQuote: number; benQuote: number; gone: number; target: number; both: number; keptQuote: number };

beforeEach(async () => {
  w = await registryWorld();
  kept = await addSource(w.p, "Khamis al-Khanjar", ["Sheikh Khamis"], "Sunni politician");
  away = await addSource(w.p, "Khanjar", ["al-Khanjar", "sheikh khamis"]);
  spans = {
    anaQuote: await quote(w.ana, w.p, w.docs[0]!, away),
    benQuote: await quote(w.ben, w.p, w.docs[1]!, away),
    gone: await quote(w.ana, w.p, w.docs[2]!, away),
    target: await claim(w.ana, w.p, w.docs[0]!, [away]),
    both: await claim(w.ben, w.p, w.docs[1]!, [kept, away]),
    keptQuote: await quote(w.ben, w.p, w.docs[2]!, kept),
  };
  await remove(w.ana, w.p, w.docs[2]!, spans.gone);
});

const counts = async (id: number) => (await listSources(w.manager, w.p))!.sources.find((s) => s.id === id);

describe("merging", () => {
  it("moves every quote and target to the kept source, growing versions, and the name joins its aliases", async () => {
    const versions: Record<string, number> = {};
    for (const [k, id] of Object.entries(spans)) versions[k] = (await span(id)).version;
    const result = await mergeSources(w.manager, w.p, { from: away, into: kept });
    expect(result).toMatchObject({ ok: true, moved: 5, kept: { id: kept, aliases: ["Sheikh Khamis", "Khanjar", "al-Khanjar"] } });
    expect(await sourceRow(away)).toBeUndefined();
    expect(await span(spans.anaQuote)).toEqual({ version: versions.anaQuote! + 1, attributes: { source_id: kept } });
    expect((await span(spans.benQuote)).attributes).toEqual({ source_id: kept });
    expect((await span(spans.gone)).attributes).toEqual({ source_id: kept });
    expect((await span(spans.target)).attributes).toEqual({ targets: [kept] });
    expect((await span(spans.both)).attributes).toEqual({ targets: [kept] });
    expect((await span(spans.keptQuote)).version).toBe(versions.keptQuote);
    // Live quotes only: the deleted one moved too, but is not counted.
    expect(await counts(kept)).toMatchObject({ quotes: 3, documents: 3, outlets: 2 });
  });

  it("writes the merge to the audit log, on the source and on each span, and shows it in the history", async () => {
    const result = await mergeSources(w.manager, w.p, { from: away, into: kept });
    if (!result.ok) throw new Error(result.error);
    const entry = await first(getDb().select().from(auditLog).where(eq(auditLog.id, result.mergeId)));
    expect(entry).toMatchObject({ action: "merge", entity: "source", entityId: kept, actorId: w.manager.id });
    const perSpan = (
      await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "annotation"), eq(auditLog.action, "source-merge")))
    ).filter((e) => Object.values(spans).includes(e.entityId!));
    expect(perSpan).toHaveLength(5);
    expect((await sourceHistory(w.manager, w.p))![0]).toMatchObject({
      id: result.mergeId,
      action: "merge",
      summary: "Merged “Khanjar” into “Khamis al-Khanjar”: 5 spans moved.",
      undoable: true,
    });
    // In blind mode an annotator is not told how many of the others' spans moved.
    expect((await sourceHistory(w.ana, w.p))![0]!.summary).toBe("Merged “Khanjar” into “Khamis al-Khanjar”.");
  });

  it("gives a tab still holding the old version of a moved span the usual version conflict", async () => {
    const before = (await span(spans.anaQuote)).version;
    await mergeSources(w.manager, w.p, { from: away, into: kept });
    const stale = await updateAnnotation(w.ana, w.p, w.docs[0]!, spans.anaQuote, { version: before, note: "old tab" });
    expect(stale).toMatchObject({ ok: false, status: 409, code: "stale", current: { attributes: { source_id: kept } } });
  });

  it("lets an adjudicator merge, and refuses an annotator with 403", async () => {
    expect(await mergeSources(w.ana, w.p, { from: away, into: kept })).toMatchObject({ ok: false, status: 403 });
    expect((await mergeSources(w.adjudicator, w.p, { from: away, into: kept })).ok).toBe(true);
  });

  it("refuses a source merged into itself, unknown ids and another project's source, changing nothing", async () => {
    const foreign = await addSource(await project(), "Elsewhere");
    const audits = await auditCount();
    const before = await span(spans.anaQuote);
    expect(await mergeSources(w.manager, w.p, { from: away, into: away })).toMatchObject({
      status: 422,
      error: expect.stringContaining("cannot be merged into itself"),
    });
    expect(await mergeSources(w.manager, w.p, { from: 999_999, into: kept })).toMatchObject({ status: 404, error: expect.stringContaining("#999999") });
    expect(await mergeSources(w.manager, w.p, { from: away, into: foreign })).toMatchObject({ status: 404 });
    expect(await mergeSources(w.manager, w.p, { from: foreign, into: kept })).toMatchObject({ status: 404 });
    expect(await mergeSources(w.manager, w.p, { from: "1", into: kept })).toMatchObject({ status: 422 });
    expect(await auditCount()).toBe(audits);
    expect(await span(spans.anaQuote)).toEqual(before);
    expect(await sourceRow(away)).toBeDefined();
    expect(await sourceRow(foreign)).toBeDefined();
  });
});

describe("undoing a merge", () => {
  async function merged(): Promise<number> {
    const result = await mergeSources(w.manager, w.p, { from: away, into: kept });
    if (!result.ok) throw new Error(result.error);
    return result.mergeId;
  }

  it("restores the source with its id and aliases, takes the added aliases off the kept one, and moves the spans back", async () => {
    const original = (await sourceRow(away))!;
    const mergeId = await merged();
    const result = await undoMerge(w.manager, w.p, mergeId);
    expect(result).toMatchObject({ ok: true, movedBack: 5, left: 0, restored: { id: away, name: "Khanjar" } });
    expect(await sourceRow(away)).toEqual(original);
    expect((await sourceRow(kept))?.aliases).toEqual(["Sheikh Khamis"]);
    expect((await span(spans.anaQuote)).attributes).toEqual({ source_id: away });
    expect((await span(spans.gone)).attributes).toEqual({ source_id: away });
    expect((await span(spans.both)).attributes).toEqual({ targets: [kept, away] });
    expect(await counts(away)).toMatchObject({ quotes: 2, documents: 2, outlets: 2 });
    const [undo, merge] = (await sourceHistory(w.manager, w.p))!;
    expect(undo).toMatchObject({ action: "unmerge", summary: "Undid the merge of “Khanjar” into “Khamis al-Khanjar”: 5 spans moved back." });
    expect(merge).toMatchObject({ id: mergeId, undoable: false });
  });

  it("leaves a span re-pointed since the merge where its reviewer put it", async () => {
    const mergeId = await merged();
    const other = await addSource(w.p, "Someone Else");
    const moved = await updateAnnotation(w.ben, w.p, w.docs[1]!, spans.benQuote, {
      version: (await span(spans.benQuote)).version,
      attributes: { source_id: other },
    });
    expect(moved.ok).toBe(true);
    // An edit that leaves the speaker alone does not stop the span going back.
    await updateAnnotation(w.ana, w.p, w.docs[0]!, spans.anaQuote, { version: (await span(spans.anaQuote)).version, note: "checked" });
    expect(await undoMerge(w.manager, w.p, mergeId)).toMatchObject({ ok: true, movedBack: 4, left: 1 });
    expect((await span(spans.benQuote)).attributes).toEqual({ source_id: other });
    expect((await span(spans.anaQuote)).attributes).toEqual({ source_id: away });
    expect((await sourceHistory(w.manager, w.p))![0]!.summary).toContain("4 spans moved back, 1 span left as re-pointed since");
  });

  it("refuses a second undo, an unknown merge and another project's merge", async () => {
    const mergeId = await merged();
    expect((await undoMerge(w.manager, w.p, mergeId)).ok).toBe(true);
    const elsewhere = await registryWorld();
    const audits = await auditCount();
    expect(await undoMerge(w.manager, w.p, mergeId)).toMatchObject({ ok: false, status: 409, error: "This merge has already been undone." });
    expect(await undoMerge(w.manager, w.p, 999_999)).toMatchObject({ ok: false, status: 404 });
    expect(await undoMerge(elsewhere.manager, elsewhere.p, mergeId)).toMatchObject({ ok: false, status: 404 });
    expect(await undoMerge(w.ana, w.p, mergeId)).toMatchObject({ ok: false, status: 403 });
    expect(await auditCount()).toBe(audits);
  });

  it("refuses, changing nothing, when the kept source was merged away since or another source took the name", async () => {
    const mergeId = await merged();
    const third = await addSource(w.p, "Khamis Farhan al-Khanjar");
    const later = await mergeSources(w.manager, w.p, { from: kept, into: third });
    if (!later.ok) throw new Error(later.error);
    const audits = await auditCount();
    expect(await undoMerge(w.manager, w.p, mergeId)).toMatchObject({ status: 409, error: expect.stringContaining("undo that merge first") });
    expect((await undoMerge(w.manager, w.p, later.mergeId)).ok).toBe(true);

    await updateSource(w.manager, w.p, third, { name: "KHANJAR" });
    const before = await auditCount();
    expect(await undoMerge(w.manager, w.p, mergeId)).toMatchObject({ status: 409, code: "duplicate", error: expect.stringContaining("“KHANJAR” exists now") });
    expect(await auditCount()).toBe(before);
    expect(await sourceRow(away)).toBeUndefined();
    expect(audits).toBeLessThan(before);
  });

  it("tells a blind annotator about the undo without the counts", async () => {
    await setBlind(w.p, true);
    await undoMerge(w.manager, w.p, await merged());
    expect((await sourceHistory(w.ana, w.p))![0]!.summary).toBe("Undid the merge of “Khanjar” into “Khamis al-Khanjar”.");
  });
});

describe("the merge and undo routes", () => {
  const post = (body: string) => new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json" } });
  const inProject = (p: number | string) => ({ params: Promise.resolve({ projectId: String(p) }) });

  it("merge and undo over HTTP, with 401, 400, 403, 404 and 422 for bad requests", async () => {
    await signInAs(null);
    expect((await mergeRoute(post(JSON.stringify({ from: away, into: kept })), inProject(w.p))).status).toBe(401);
    await signInAs(w.ana);
    expect((await mergeRoute(post(JSON.stringify({ from: away, into: kept })), inProject(w.p))).status).toBe(403);
    await signInAs(w.manager);
    expect((await mergeRoute(post("{from:1}"), inProject(w.p))).status).toBe(400);
    const self = await mergeRoute(post(JSON.stringify({ from: kept, into: kept })), inProject(w.p));
    expect(self.status).toBe(422);
    expect(await self.json()).toMatchObject({ fieldErrors: { into: expect.stringContaining("itself") } });
    expect((await mergeRoute(post(JSON.stringify({ from: 999_999, into: kept })), inProject(w.p))).status).toBe(404);

    const done = await mergeRoute(post(JSON.stringify({ from: away, into: kept })), inProject(w.p));
    expect(done.status).toBe(200);
    const { mergeId, moved } = (await done.json()) as { mergeId: number; moved: number };
    expect(moved).toBe(5);
    const params = (id: number | string) => ({ params: Promise.resolve({ projectId: String(w.p), mergeId: String(id) }) });
    expect((await undoRoute(post("{}"), params("x"))).status).toBe(404);
    const undone = await undoRoute(post("{}"), params(mergeId));
    expect(undone.status).toBe(200);
    expect(await undone.json()).toMatchObject({ restored: { id: away }, movedBack: 5, left: 0 });
    expect((await undoRoute(post("{}"), params(mergeId))).status).toBe(409);
  });
});
