// The Sources page's data: every source with its quote counts (blind mode respected), and
// curators' edits of names, kinds, affiliations and aliases.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { PATCH } from "@/app/api/projects/[projectId]/sources/[sourceId]/route";
import { getDb } from "@/db";
import { auditLog } from "@/db/tables";
import { listSources, sourceHistory, updateSource } from "@/lib/server/sources";
import { project, reviewer, signInAs } from "./helpers";
import { auditCount } from "./members-helpers";
import { addSource, claim, quote, registryWorld, remove, setBlind, sourceRow, type RegistryWorld } from "./sources-helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

let w: RegistryWorld;
let khamis: number;
let khanjar: number;

beforeAll(async () => {
  w = await registryWorld();
  khamis = await addSource(w.p, "Khamis al-Khanjar", [], "Sunni politician");
  khanjar = await addSource(w.p, "Khanjar");
  await quote(w.ana, w.p, w.docs[0]!, khamis);
  await quote(w.ana, w.p, w.docs[1]!, khamis);
  await quote(w.ben, w.p, w.docs[2]!, khamis);
  await quote(w.ben, w.p, w.docs[2]!, khanjar);
  await quote(w.ana, w.p, w.docs[2]!, null);
  await claim(w.ana, w.p, w.docs[0]!, [khamis]);
  await remove(w.ana, w.p, w.docs[0]!, await quote(w.ana, w.p, w.docs[0]!, khamis));
});

const row = (rows: { id: number }[], id: number) => rows.find((r) => r.id === id);

describe("listing sources with their counts", () => {
  it("counts live quote spans naming each source, and the documents and outlets they are in", async () => {
    const list = (await listSources(w.manager, w.p))!;
    expect(row(list.sources, khamis)).toMatchObject({ name: "Khamis al-Khanjar", affiliation: "Sunni politician", quotes: 3, documents: 3, outlets: 2 });
    expect(row(list.sources, khanjar)).toMatchObject({ quotes: 1, documents: 1, outlets: 1 });
    expect(list.access).toMatchObject({ curates: true, seesOthers: true });
  });

  it("gives an annotator in blind mode only the counts of their own quotes", async () => {
    expect(row((await listSources(w.ana, w.p))!.sources, khamis)).toMatchObject({ quotes: 2, documents: 2, outlets: 2 });
    expect(row((await listSources(w.ben, w.p))!.sources, khamis)).toMatchObject({ quotes: 1, documents: 1, outlets: 1 });
    expect(row((await listSources(w.ben, w.p))!.sources, khanjar)).toMatchObject({ quotes: 1 });
    expect((await listSources(w.ana, w.p))!.access).toMatchObject({ curates: false, seesOthers: false });
  });

  it("gives everyone all counts when blind mode is off", async () => {
    const open = await registryWorld();
    const id = await addSource(open.p, "Open Speaker");
    await quote(open.ana, open.p, open.docs[0]!, id);
    await quote(open.ben, open.p, open.docs[1]!, id);
    await setBlind(open.p, false);
    expect(row((await listSources(open.ana, open.p))!.sources, id)).toMatchObject({ quotes: 2, documents: 2, outlets: 2 });
  });

  it("gives null to a non-member", async () => {
    expect(await listSources(await reviewer(), w.p)).toBeNull();
  });
});

describe("editing a source", () => {
  it("lets a manager rename it and change its kind and affiliation, audited with the project", async () => {
    const id = await addSource(w.p, "Jon Doe");
    const result = await updateSource(w.manager, w.p, id, { name: "John Doe", kind: "government", affiliation: "Port authority" });
    expect(result).toMatchObject({ ok: true, source: { id, name: "John Doe", kind: "government", affiliation: "Port authority" }, warnings: [] });
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "source"), eq(auditLog.entityId, id), eq(auditLog.action, "update"))),
    );
    expect(entry).toMatchObject({ actorId: w.manager.id, before: { name: "Jon Doe", projectId: w.p }, after: { name: "John Doe", projectId: w.p } });
    expect((await sourceHistory(w.manager, w.p))![0]).toMatchObject({ action: "update", summary: expect.stringContaining("renamed to “John Doe”") });
  });

  it("lets an adjudicator edit, and refuses an annotator with 403 and a non-member with 404, changing nothing", async () => {
    const id = await addSource(w.p, "Edited By Adjudicator");
    expect((await updateSource(w.adjudicator, w.p, id, { affiliation: "Council" })).ok).toBe(true);
    const stranger = await reviewer();
    const audits = await auditCount();
    expect(await updateSource(w.ana, w.p, id, { name: "Hijacked" })).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    expect(await updateSource(stranger, w.p, id, { name: "Hijacked" })).toMatchObject({ ok: false, status: 404 });
    expect(await sourceRow(id)).toMatchObject({ name: "Edited By Adjudicator", affiliation: "Council" });
    expect(await auditCount()).toBe(audits);
  });

  it("refuses another source's name, in any case or accents, with that source", async () => {
    const id = await addSource(w.p, "Renamed Later");
    const result = await updateSource(w.manager, w.p, id, { name: "KHAMIS AL-KHANJÁR" });
    expect(result).toMatchObject({ ok: false, status: 409, code: "duplicate", existing: { id: khamis, name: "Khamis al-Khanjar" } });
    expect((await sourceRow(id))?.name).toBe("Renamed Later");
  });

  it("answers 404 for an unknown source and for another project's source", async () => {
    const other = await project();
    const foreign = await addSource(other, "Elsewhere");
    expect(await updateSource(w.manager, w.p, 999_999, { name: "X" })).toMatchObject({ ok: false, status: 404 });
    expect(await updateSource(w.manager, w.p, foreign, { name: "X" })).toMatchObject({ ok: false, status: 404 });
    expect((await sourceRow(foreign))?.name).toBe("Elsewhere");
  });
});

describe("aliases", () => {
  it("adds and removes aliases one by one, keeping ones added by someone else meanwhile", async () => {
    const id = await addSource(w.p, "Volodymyr Zelensky");
    expect((await updateSource(w.manager, w.p, id, { addAliases: ["Zelenskyy"] })).ok).toBe(true);
    expect((await updateSource(w.adjudicator, w.p, id, { addAliases: ["  Selenskyj "] })).ok).toBe(true);
    expect((await sourceRow(id))?.aliases).toEqual(["Zelenskyy", "Selenskyj"]);
    expect((await updateSource(w.manager, w.p, id, { removeAliases: ["zelenskyy"] })).ok).toBe(true);
    expect((await sourceRow(id))?.aliases).toEqual(["Selenskyj"]);
  });

  it("refuses an alias already there (case and accents aside), the source's own name, or removing one it does not have", async () => {
    const id = await addSource(w.p, "Émile Zola", ["Zola"]);
    expect(await updateSource(w.manager, w.p, id, { addAliases: ["ZOLÁ"] })).toMatchObject({
      status: 422,
      error: "“ZOLÁ” is already an alias of “Émile Zola”.",
    });
    expect(await updateSource(w.manager, w.p, id, { addAliases: ["emile zola"] })).toMatchObject({ status: 422, error: expect.stringContaining("own name") });
    expect(await updateSource(w.manager, w.p, id, { addAliases: ["EZ", "ez"] })).toMatchObject({ status: 422 });
    expect(await updateSource(w.manager, w.p, id, { removeAliases: ["Nana"] })).toMatchObject({
      status: 422,
      error: "“Nana” is not an alias of “Émile Zola”.",
    });
    expect((await sourceRow(id))?.aliases).toEqual(["Zola"]);
  });

  it("accepts an alias that is another source's name or alias, and says so", async () => {
    const id = await addSource(w.p, "Sheikh Khamis");
    const result = await updateSource(w.manager, w.p, id, { addAliases: ["Khanjar"] });
    expect(result).toMatchObject({
      ok: true,
      warnings: ["“Khanjar” is also the name of another source, “Khanjar”. If they are the same speaker, merge them."],
    });
    const second = await addSource(w.p, "Another Sheikh");
    expect(await updateSource(w.manager, w.p, second, { addAliases: ["khanjar"] })).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining("name of another source")],
    });
  });

  it("turns an alias into the name when the source is renamed to it", async () => {
    const id = await addSource(w.p, "MoD", ["Ministry of Defence", "Defence Ministry"]);
    await updateSource(w.manager, w.p, id, { name: "Ministry of Defence", addAliases: ["MoD"] });
    expect(await sourceRow(id)).toMatchObject({ name: "Ministry of Defence", aliases: ["Defence Ministry", "MoD"] });
  });
});

describe("PATCH /api/projects/:projectId/sources/:sourceId", () => {
  const call = (p: number | string, id: number | string, body: string) =>
    PATCH(new Request("http://localhost/api/x", { method: "PATCH", body, headers: { "content-type": "application/json" } }), {
      params: Promise.resolve({ projectId: String(p), sourceId: String(id) }),
    });

  it("edits for a curator and answers 401, 400, 403, 404 and 422 as it should", async () => {
    const id = await addSource(w.p, "Route Source");
    await signInAs(w.manager);
    const ok = await call(w.p, id, JSON.stringify({ addAliases: ["Route"] }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ source: { id, aliases: ["Route"] }, warnings: [] });
    expect((await call(w.p, id, "{")).status).toBe(400);
    const empty = await call(w.p, id, "{}");
    expect(empty.status).toBe(422);
    expect(((await empty.json()) as { error: string }).error).toContain("at least one");
    expect((await call(w.p, id, JSON.stringify({ aliases: ["x"] }))).status).toBe(422);
    expect((await call(w.p, 999_999, JSON.stringify({ name: "X" }))).status).toBe(404);
    expect((await call(w.p, "abc", JSON.stringify({ name: "X" }))).status).toBe(404);
    await signInAs(w.ana);
    expect((await call(w.p, id, JSON.stringify({ name: "X" }))).status).toBe(403);
    await signInAs(null);
    expect((await call(w.p, id, JSON.stringify({ name: "X" }))).status).toBe(401);
    expect(await sourceRow(id)).toMatchObject({ name: "Route Source", aliases: ["Route"] });
  });
});
