// Reviewers' ratings of outlets and documents: one per (project, rater, target, axis), audited
// on create and update, checked against the project's axes, and hidden by blind mode.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, perspectiveRatings, projects } from "@/db/tables";
import { documentRatingsFor, outletRatingsFor, rateDocument, rateOutlet } from "@/lib/server/ratings";
import type { SessionUser } from "@/lib/server/session";
import { parseProjectSettings } from "@/lib/validation/projects";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, snapshotCounts } from "./outlets-helpers";
import { first } from "@/db/rows";

let manager: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let stranger: SessionUser;
let projectId: number;
let outletId: number;
let documentId: number;

async function setBlindMode(id: number, blindMode: boolean): Promise<void> {
  await getDb()
    .update(projects)
    .set({ settings: parseProjectSettings({ blindMode }) })
    .where(eq(projects.id, id));
}

beforeAll(async () => {
  [manager, ana, ben, stranger] = [await reviewer("mia"), await reviewer("ana"), await reviewer("ben"), await reviewer("sam")];
  projectId = await project();
  await addMember(projectId, manager, "manager");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, ben, "annotator");
  const doc = await addDocument(projectId, { outlet: "Harbor Ledger" });
  outletId = doc.outletId!;
  documentId = doc.documentId;
});

describe("rating an outlet", () => {
  it("records a rating with its rationale and audits it", async () => {
    const result = await rateOutlet(ana, projectId, outletId, { axis: "left_right", value: -2, rationale: "Editorials back the levy." });
    expect(result).toMatchObject({ ok: true, created: true, rating: { axis: "left_right", value: -2, raterId: ana.id, raterName: "ana" } });
    if (!result.ok) return;
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "perspective_rating"), eq(auditLog.entityId, result.rating.id))),
    );
    expect(entry).toMatchObject({
      action: "create",
      actorId: ana.id,
      before: null,
      after: { axis: "left_right", value: -2, rationale: "Editorials back the levy." },
    });
  });

  it("updates the rater's one rating on re-rating, auditing before and after", async () => {
    const firstRating = await rateOutlet(ana, projectId, outletId, { axis: "reliability", value: 40, rationale: "Mostly sourced." });
    const second = await rateOutlet(ana, projectId, outletId, { axis: "reliability", value: "44", rationale: "  Sourced and corrected.  " });
    expect(second).toMatchObject({ ok: true, created: false, rating: { value: 44, rationale: "Sourced and corrected." } });
    if (!firstRating.ok || !second.ok) return;
    expect(second.rating.id).toBe(firstRating.rating.id);
    const mine = await getDb()
      .select()
      .from(perspectiveRatings)
      .where(and(eq(perspectiveRatings.raterId, ana.id), eq(perspectiveRatings.axis, "reliability")));
    expect(mine).toHaveLength(1);
    const update = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, firstRating.rating.id), eq(auditLog.action, "update"))),
    );
    expect(update).toMatchObject({ before: { value: 40, rationale: "Mostly sourced." }, after: { value: 44, rationale: "Sourced and corrected." } });
  });

  it.each([
    ["above the axis range", { axis: "left_right", value: 7, rationale: "Far left." }, "Left–right ratings run from −6 to 6; 7 is outside that range."],
    ["below the axis range", { axis: "reliability", value: -1, rationale: "Unreliable." }, "Reliability ratings run from 0 to 64; −1 is outside that range."],
    [
      "between two steps",
      { axis: "stance", value: 0.5, rationale: "Mild." },
      "Stance toward the topic ratings go in steps of 1 from −2 to 2; 0.5 is between two steps.",
    ],
    ["without a rationale", { axis: "stance", value: 1, rationale: "" }, "Give a rationale: say what in the coverage led to this rating."],
    ["with a whitespace-only rationale", { axis: "stance", value: 1, rationale: " \n\t " }, "Give a rationale: say what in the coverage led to this rating."],
    [
      "on an unknown axis",
      { axis: "populism", value: 1, rationale: "Folksy." },
      "This project has no “populism” axis. Its axes are “left_right”, “reliability”, “stance”.",
    ],
    ["without a number", { axis: "stance", value: "", rationale: "Blank." }, "Give the rating as a number."],
  ])("refuses a rating %s, writing nothing", async (_case, input, message) => {
    const before = await snapshotCounts(perspectiveRatings);
    expect(await rateOutlet(ben, projectId, outletId, input)).toEqual({ ok: false, status: 422, code: "invalid", error: message });
    expect(await snapshotCounts(perspectiveRatings)).toEqual(before);
  });

  it("refuses a rating by a non-member with the same 404 as a missing project, writing nothing", async () => {
    const before = await snapshotCounts(perspectiveRatings);
    const refused = await rateOutlet(stranger, projectId, outletId, { axis: "stance", value: 1, rationale: "Outsider view." });
    expect(refused).toMatchObject({ ok: false, status: 404, code: "not_found" });
    expect(await rateOutlet(stranger, 999_999, outletId, { axis: "stance", value: 1, rationale: "x" })).toEqual(refused);
    expect(await snapshotCounts(perspectiveRatings)).toEqual(before);
  });

  it("refuses to rate an outlet that has no documents in the project", async () => {
    const other = await addDocument(await project(), { outlet: "Elsewhere Weekly" });
    const before = await snapshotCounts(perspectiveRatings);
    expect(await rateOutlet(ana, projectId, other.outletId!, { axis: "stance", value: 1, rationale: "x" })).toMatchObject({ ok: false, status: 404 });
    expect(await snapshotCounts(perspectiveRatings)).toEqual(before);
  });
});

describe("reading an outlet's ratings", () => {
  beforeAll(async () => {
    await rateOutlet(ben, projectId, outletId, { axis: "left_right", value: 1, rationale: "Straight news, centrist sources." });
    await rateOutlet(manager, projectId, outletId, { axis: "left_right", value: -1.5, rationale: "Leans left on housing." });
  });

  it("shows a manager every reviewer's rating with the team's mean and spread", async () => {
    const view = (await outletRatingsFor(manager, projectId, outletId))!;
    expect(view.seesOthers).toBe(true);
    const leftRight = view.axes.find((a) => a.axis.key === "left_right")!;
    expect(leftRight.mine).toMatchObject({ value: -1.5 });
    expect(leftRight.others.map((r) => [r.raterName, r.value])).toEqual([
      ["ana", -2],
      ["ben", 1],
    ]);
    expect(leftRight.summary).toMatchObject({ n: 3, mean: { ok: true, value: -2.5 / 3 }, spread: { ok: true, min: -2, max: 1 } });
  });

  it("shows an annotator only their own rating and no team summary while blind mode is on", async () => {
    const view = (await outletRatingsFor(ana, projectId, outletId))!;
    expect(view.seesOthers).toBe(false);
    for (const axis of view.axes) {
      expect(axis.others).toEqual([]);
      expect(axis.summary).toBeNull();
    }
    expect(view.axes.find((a) => a.axis.key === "left_right")!.mine).toMatchObject({ raterId: ana.id, value: -2 });
  });

  it("shows an annotator everyone's ratings once blind mode is off", async () => {
    const open = await project();
    await addMember(open, ana, "annotator");
    await addMember(open, ben, "annotator");
    await setBlindMode(open, false);
    const { outletId: o } = await addDocument(open, { outlet: "Harbor Ledger" });
    await rateOutlet(ben, open, o!, { axis: "stance", value: 2, rationale: "Cheers the plant." });
    const stance = (await outletRatingsFor(ana, open, o!))!.axes.find((a) => a.axis.key === "stance")!;
    expect(stance.mine).toBeNull();
    expect(stance.others).toMatchObject([{ raterName: "ben", value: 2 }]);
    expect(stance.summary).toMatchObject({ n: 1, mean: { ok: true, value: 2 }, spread: { ok: false, reason: "not enough data" } });
  });

  it("gives a non-member nothing, not even whether ratings exist", async () => {
    expect(await outletRatingsFor(stranger, projectId, outletId)).toBeNull();
    expect(await outletRatingsFor(stranger, 999_999, outletId)).toBeNull();
  });
});

describe("rating a document's genre and stance", () => {
  it("records a genre label and a stance value, one each per reviewer, audited", async () => {
    expect(await rateDocument(ana, projectId, documentId, { axis: "genre", label: "opinion", rationale: "An editorial." })).toMatchObject({
      ok: true,
      rating: { axis: "genre", label: "opinion", value: null },
    });
    const again = await rateDocument(ana, projectId, documentId, { axis: "genre", label: "analysis", rationale: "Signed analysis." });
    expect(again).toMatchObject({ ok: true, created: false, rating: { label: "analysis" } });
    expect(await rateDocument(ana, projectId, documentId, { axis: "stance", value: -2, rationale: "Against the levy." })).toMatchObject({
      ok: true,
      rating: { value: -2 },
    });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.entity, "perspective_rating"));
    expect(audit.filter((e) => (e.after as { documentId?: number }).documentId === documentId)).toHaveLength(3);
  });

  it.each([
    ["an unknown genre", { axis: "genre", label: "satire", rationale: "Funny." }, "Pick the genre: reporting, opinion, analysis, interview or aggregation."],
    [
      "a stance outside the axis",
      { axis: "stance", value: 3, rationale: "Very." },
      "Stance toward the topic ratings run from −2 to 2; 3 is outside that range.",
    ],
    ["an axis documents do not have", { axis: "reliability", value: 3, rationale: "x" }, "Documents are rated on genre and stance only."],
    ["no rationale", { axis: "genre", label: "reporting", rationale: "   " }, "Give a rationale: say what in the coverage led to this rating."],
  ] as const)("refuses %s, writing nothing", async (_case, input, message) => {
    const before = await snapshotCounts(perspectiveRatings);
    expect(await rateDocument(ben, projectId, documentId, input as never)).toEqual({ ok: false, status: 422, code: "invalid", error: message });
    expect(await snapshotCounts(perspectiveRatings)).toEqual(before);
  });

  it("refuses a non-member and a document of another project with 404, writing nothing", async () => {
    const elsewhere = (await addDocument(await project())).documentId;
    const before = await snapshotCounts(perspectiveRatings);
    expect(await rateDocument(stranger, projectId, documentId, { axis: "genre", label: "reporting", rationale: "x" })).toMatchObject({ status: 404 });
    expect(await rateDocument(ana, projectId, elsewhere, { axis: "genre", label: "reporting", rationale: "x" })).toMatchObject({ status: 404 });
    expect(await snapshotCounts(perspectiveRatings)).toEqual(before);
    expect(await documentRatingsFor(stranger, projectId, documentId)).toBeNull();
  });

  it("applies blind mode to document ratings too", async () => {
    await rateDocument(ben, projectId, documentId, { axis: "genre", label: "reporting", rationale: "News story." });
    const forAna = (await documentRatingsFor(ana, projectId, documentId))!;
    expect(forAna.axes.map((a) => [a.axis.key, a.mine?.label ?? a.mine?.value, a.others.length])).toEqual([
      ["genre", "analysis", 0],
      ["stance", -2, 0],
    ]);
    const forManager = (await documentRatingsFor(manager, projectId, documentId))!;
    expect(forManager.axes[0]!.others.map((r) => [r.raterName, r.label])).toEqual([
      ["ana", "analysis"],
      ["ben", "reporting"],
    ]);
  });
});
