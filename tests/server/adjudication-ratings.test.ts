// Gold outlet ratings: the reviewers' ratings beside the gold one, settling it, and the
// refusals (annotators, bad values, a rationale over the limit, two adjudicators at once).
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, perspectiveRatings } from "@/db/schema";
import { listRatingsForAdjudication, settleGoldRating, type OutletRatingsView } from "@/lib/server/adjudication";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument } from "./adjudication-helpers";

let ana: SessionUser;
let judge: SessionUser;
let judge2: SessionUser;
let projectId: number;
let outletId: number;

const goldRows = () => getDb().select({ n: count() }).from(perspectiveRatings).where(eq(perspectiveRatings.isGold, true)).get()!.n;

function list(user = judge): OutletRatingsView[] {
  const result = listRatingsForAdjudication(user, projectId);
  if ("ok" in result) throw new Error(result.error);
  return result.outlets;
}

beforeAll(async () => {
  [ana, judge, judge2] = [await reviewer("ana"), await reviewer("judge"), await reviewer("judge2")];
  projectId = await project("Ratings");
  addMember(projectId, ana, "annotator");
  addMember(projectId, judge, "adjudicator");
  addMember(projectId, judge2, "manager");
  const documentId = addDocument(projectId, "Some reporting.", "Harbor Ledger");
  outletId = getDb()
    .query.documents.findFirst({ where: (d, { eq }) => eq(d.id, documentId) })
    .sync()!.outletId!;
  getDb()
    .insert(perspectiveRatings)
    .values({ projectId, raterId: ana.id, outletId, axis: "left_right", value: -1.5, rationale: "leans left on housing" })
    .run();
});

describe("gold outlet ratings", () => {
  it("shows the reviewers' ratings and rationales per outlet and axis", () => {
    const [outlet] = list();
    expect(outlet!.outletName).toBe("Harbor Ledger");
    const leftRight = outlet!.axes.find((a) => a.axis.key === "left_right")!;
    expect(leftRight.ratings).toEqual([{ raterName: "ana", value: -1.5, rationale: "leans left on housing" }]);
    expect(leftRight.gold).toBeNull();
  });

  it("refuses annotators, values off the axis and over-long rationales, writing nothing", () => {
    const input = { outletId, axis: "left_right", value: -1, rationale: "ok", expectedUpdatedAt: null };
    expect(settleGoldRating(ana, projectId, input)).toMatchObject({ ok: false, status: 403 });
    expect(listRatingsForAdjudication(ana, projectId)).toMatchObject({ ok: false, status: 403 });
    expect(settleGoldRating(judge, projectId, { ...input, value: 9 })).toMatchObject({ ok: false, status: 422 });
    expect(settleGoldRating(judge, projectId, { ...input, axis: "nope" })).toMatchObject({ ok: false, status: 422 });
    expect(settleGoldRating(judge, projectId, { ...input, rationale: "x".repeat(2001) })).toMatchObject({
      ok: false,
      error: "The rationale is at most 2,000 characters.",
    });
    expect(settleGoldRating(judge, projectId, { ...input, rationale: " " })).toMatchObject({ ok: false, status: 422 });
    expect(goldRows()).toBe(0);
  });

  it("settles a gold rating with the adjudicator as rater, audited", () => {
    const result = settleGoldRating(judge, projectId, { outletId, axis: "left_right", value: -1, rationale: "between the two", expectedUpdatedAt: null });
    expect(result).toMatchObject({ ok: true });
    const row = getDb().select().from(perspectiveRatings).where(eq(perspectiveRatings.isGold, true)).get()!;
    expect(row).toMatchObject({ raterId: judge.id, value: -1, rationale: "between the two", outletId, axis: "left_right" });
    expect(
      getDb()
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entity, "perspective_rating"), eq(auditLog.entityId, row.id)))
        .get()!.n,
    ).toBe(1);
    expect(list()[0]!.axes.find((a) => a.axis.key === "left_right")!.gold).toMatchObject({ value: -1, raterName: "judge" });
  });

  it("lets exactly one of two adjudicators settling at once win", () => {
    const seen = list()[0]!.axes.find((a) => a.axis.key === "left_right")!.gold!.version;
    const first = settleGoldRating(judge2, projectId, { outletId, axis: "left_right", value: -2, rationale: "left", expectedUpdatedAt: seen });
    const second = settleGoldRating(judge, projectId, { outletId, axis: "left_right", value: 0, rationale: "center", expectedUpdatedAt: seen });
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, status: 409, code: "stale" });
    expect(goldRows()).toBe(1);
    expect(list()[0]!.axes.find((a) => a.axis.key === "left_right")!.gold).toMatchObject({ value: -2, raterName: judge2.displayName });
  });
});
