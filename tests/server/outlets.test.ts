// Outlet profiles (global, edited by admins), the documents and projects a viewer sees on
// them, and published reference ratings recorded as dated, attributed observations.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, outlets, referenceRatings } from "@/db/tables";
import {
  canRecordReferences,
  deleteReferenceRating,
  getOutlet,
  listOutletDocuments,
  listOutletsForViewer,
  listReferenceRatings,
  outletProjectsFor,
  recordReferenceRating,
  updateOutlet,
} from "@/lib/server/outlets";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer } from "./helpers";
import { addDocument, snapshotCounts } from "./outlets-helpers";
import { first } from "@/db/rows";

let boss: SessionUser;
let mia: SessionUser;
let ana: SessionUser;
let stranger: SessionUser;
let mine: number;
let theirs: number;
let outletId: number;

const allSides = {
  publisher: "AllSides",
  axis: "left_right",
  value: "-2",
  label: "Lean Left",
  retrievedAt: "2031-04-01",
  url: "https://www.allsides.com/news-source/harbor-ledger",
};

beforeAll(async () => {
  boss = await admin();
  [mia, ana, stranger] = [await reviewer("mia"), await reviewer("ana"), await reviewer("sam")];
  mine = await project("Water coverage");
  theirs = await project("Secret project");
  await addMember(mine, mia, "manager");
  await addMember(mine, ana, "annotator");
  outletId = (await addDocument(mine, { outlet: "Harbor Ledger", title: "Levy passes" })).outletId!;
  await addDocument(mine, { outlet: "Harbor Ledger", title: "Plant delayed" });
  await addDocument(theirs, { outlet: "Harbor Ledger", title: "Hidden scoop" });
});

describe("outlet profiles", () => {
  it("reads an outlet's profile, and null for an unknown one", async () => {
    expect(await getOutlet(outletId)).toMatchObject({ id: outletId, name: "Harbor Ledger", kind: "other", domain: null, notes: "" });
    expect(await getOutlet(999_999)).toBeNull();
  });

  it("lists every outlet with the number of documents in the viewer's projects", async () => {
    expect((await listOutletsForViewer(ana)).find((o) => o.id === outletId)).toMatchObject({ documentCount: 2 });
    expect((await listOutletsForViewer(stranger)).find((o) => o.id === outletId)).toMatchObject({ documentCount: 0 });
  });

  it("lets an admin edit the profile, and audits it", async () => {
    const result = await updateOutlet(boss, outletId, {
      name: "The Harbor Ledger",
      domain: "HarborLedger.example",
      kind: "newspaper",
      country: "XX",
      notes: "Family-owned daily.",
    });
    expect(result).toMatchObject({ ok: true, outlet: { name: "The Harbor Ledger", domain: "harborledger.example", kind: "newspaper", country: "XX" } });
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "outlet"), eq(auditLog.entityId, outletId))),
    );
    expect(entry).toMatchObject({ action: "update", before: { name: "Harbor Ledger" }, after: { name: "The Harbor Ledger" } });
  });

  it("refuses edits by non-admins, bad values and a name another outlet has, writing nothing", async () => {
    await addDocument(mine, { outlet: "Calder Free Press" });
    const before = await snapshotCounts(outlets);
    const profile = { name: "Renamed", kind: "blog" as const, notes: "" };
    expect(await updateOutlet(mia, outletId, profile)).toMatchObject({ ok: false, status: 403 });
    expect(await updateOutlet(boss, outletId, { ...profile, kind: "tabloid" as never })).toMatchObject({ status: 422, error: "Pick the kind of outlet." });
    expect(await updateOutlet(boss, outletId, { ...profile, domain: "https://x.example/" })).toMatchObject({
      status: 422,
      error: "Give the domain alone, like example.com.",
    });
    expect(await updateOutlet(boss, outletId, { ...profile, name: "calder free press" })).toMatchObject({ status: 409, code: "duplicate" });
    expect(await updateOutlet(boss, 999_999, profile)).toMatchObject({ status: 404 });
    expect(await snapshotCounts(outlets)).toEqual(before);
    expect((await getOutlet(outletId))?.name).toBe("The Harbor Ledger");
  });
});

describe("what a viewer sees of an outlet's coverage", () => {
  it("lists its documents only in projects the viewer is a member of", async () => {
    expect((await listOutletDocuments(ana, outletId)).map((d) => [d.projectName, d.title])).toEqual([
      ["Water coverage", "Levy passes"],
      ["Water coverage", "Plant delayed"],
    ]);
    expect(await listOutletDocuments(stranger, outletId)).toEqual([]);
  });

  it("offers as rating projects only the viewer's projects with documents from the outlet", async () => {
    const empty = await project();
    await addMember(empty, ana, "annotator");
    expect(await outletProjectsFor(ana, outletId)).toEqual([{ id: mine, name: "Water coverage", role: "annotator", documentCount: 2 }]);
    expect(await outletProjectsFor(stranger, outletId)).toEqual([]);
  });
});

describe("published reference ratings", () => {
  it("lets a manager of a project with the outlet's documents, and an admin, record one; audited", async () => {
    expect(await canRecordReferences(mia, outletId)).toBe(true);
    expect(await canRecordReferences(boss, outletId)).toBe(true);
    const result = await recordReferenceRating(mia, outletId, allSides);
    expect(result).toMatchObject({
      ok: true,
      reference: { publisher: "AllSides", axis: "left_right", value: -2, label: "Lean Left", retrievedAt: "2031-04-01" },
    });
    if (!result.ok) return;
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "reference_rating"), eq(auditLog.entityId, result.reference.id))),
    );
    expect(entry).toMatchObject({ action: "create", actorId: mia.id, after: { publisher: "AllSides", outletId } });
    expect(
      await recordReferenceRating(boss, outletId, {
        publisher: "Ad Fontes Media",
        axis: "reliability",
        value: 44.5,
        retrievedAt: "2031-04-02",
        url: "https://adfontesmedia.com/harbor-ledger",
      }),
    ).toMatchObject({ ok: true });
    expect((await listReferenceRatings(outletId)).map((r) => r.publisher)).toEqual(["Ad Fontes Media", "AllSides"]);
  });

  it.each([
    ["without a publisher", { ...allSides, publisher: " " }, "Name the publisher of the rating (AllSides, Ad Fontes Media, Media Bias/Fact Check…)."],
    ["without a URL", { ...allSides, url: "" }, "Give the web address of the published rating, starting with http:// or https://."],
    [
      "with a URL that is not a web address",
      { ...allSides, url: "allsides.com" },
      "Give the web address of the published rating, starting with http:// or https://.",
    ],
    ["without a date", { ...allSides, retrievedAt: "" }, "Give the date the rating was published or read, as YYYY-MM-DD."],
    ["with a date in another format", { ...allSides, retrievedAt: "04/01/2031" }, "Give the date the rating was published or read, as YYYY-MM-DD."],
    ["with neither value nor label", { ...allSides, value: "", label: "" }, "Give the rating's value, its label (such as “Lean Left”), or both."],
  ])("refuses a reference rating %s, writing nothing", async (_case, input, message) => {
    const before = await snapshotCounts(referenceRatings);
    expect(await recordReferenceRating(mia, outletId, input)).toEqual({ ok: false, status: 422, code: "invalid", error: message });
    expect(await snapshotCounts(referenceRatings)).toEqual(before);
  });

  it("refuses annotators and outsiders, writing nothing", async () => {
    const before = await snapshotCounts(referenceRatings);
    expect(await canRecordReferences(ana, outletId)).toBe(false);
    expect(await recordReferenceRating(ana, outletId, allSides)).toMatchObject({ ok: false, status: 403 });
    expect(await recordReferenceRating(stranger, outletId, allSides)).toMatchObject({ ok: false, status: 403 });
    expect(await recordReferenceRating(boss, 999_999, allSides)).toMatchObject({ ok: false, status: 404 });
    expect(await snapshotCounts(referenceRatings)).toEqual(before);
  });

  it("lets a manager remove one, audited with what it said; annotators cannot", async () => {
    const id = (await listReferenceRatings(outletId)).find((r) => r.publisher === "AllSides")!.id;
    expect(await deleteReferenceRating(ana, outletId, id)).toMatchObject({ ok: false, status: 403 });
    expect(await deleteReferenceRating(mia, outletId, id)).toEqual({ ok: true });
    expect(await deleteReferenceRating(mia, outletId, id)).toMatchObject({ ok: false, status: 404 });
    expect((await listReferenceRatings(outletId)).map((r) => r.publisher)).toEqual(["Ad Fontes Media"]);
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "reference_rating"), eq(auditLog.action, "delete"))),
    );
    expect(entry).toMatchObject({ entityId: id, before: { publisher: "AllSides", label: "Lean Left" } });
  });
});
