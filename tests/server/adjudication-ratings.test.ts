// Gold outlet ratings: the reviewers' ratings beside the gold one, settling it, and the
// refusals (annotators, bad values, a rationale over the limit, two adjudicators at once).
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, perspectiveRatings } from "@/db/tables";
import { listRatingsForAdjudication, settleGoldRating, type OutletRatingsView } from "@/lib/server/adjudication";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument } from "./adjudication-helpers";
import { first } from "@/db/rows";

let ana: SessionUser;
let judge: SessionUser;
let judge2: SessionUser;
let projectId: number;
let outletId: number;

const goldRows = async () => (await first(getDb().select({ n: count() }).from(perspectiveRatings).where(eq(perspectiveRatings.isGold, true))))!.n;

async function list(user = judge): Promise<OutletRatingsView[]> {
  const result = await listRatingsForAdjudication(user, projectId);
  if ("ok" in result) throw new Error(result.error);
  return result.outlets;
}

beforeAll(async () => {
  [ana, judge, judge2] = [await reviewer("ana"), await reviewer("judge"), await reviewer("judge2")];
  projectId = await project("Ratings");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, judge, "adjudicator");
  await addMember(projectId, judge2, "manager");
  const documentId = await addDocument(projectId, "Some reporting.", "Harbor Ledger");
  outletId = (await getDb().query.documents.findFirst({ where: (d, { eq }) => eq(d.id, documentId) }))!.outletId!;
  await getDb()
    .insert(perspectiveRatings)
    .values({ projectId, raterId: ana.id, outletId, axis: "left_right", value: -1.5, rationale: "leans left on housing" });
});

describe("gold outlet ratings", () => {
  it("shows the reviewers' ratings and rationales per outlet and axis", async () => {
    const [outlet] = await list();
    expect(outlet!.outletName).toBe("Harbor Ledger");
    const leftRight = outlet!.axes.find((a) => a.axis.key === "left_right")!;
    expect(leftRight.ratings).toEqual([{ raterName: "ana", value: -1.5, rationale: "leans left on housing" }]);
    expect(leftRight.gold).toBeNull();
  });

  it("refuses annotators, values off the axis and over-long rationales, writing nothing", async () => {
    const input = { outletId, axis: "left_right", value: -1, rationale: "ok", expectedUpdatedAt: null };
    expect(await settleGoldRating(ana, projectId, input)).toMatchObject({ ok: false, status: 403 });
    expect(await listRatingsForAdjudication(ana, projectId)).toMatchObject({ ok: false, status: 403 });
    expect(await settleGoldRating(judge, projectId, { ...input, value: 9 })).toMatchObject({ ok: false, status: 422 });
    expect(await settleGoldRating(judge, projectId, { ...input, axis: "nope" })).toMatchObject({ ok: false, status: 422 });
    expect(await settleGoldRating(judge, projectId, { ...input, rationale: "x".repeat(2001) })).toMatchObject({
      ok: false,
      error: "The rationale is at most 2,000 characters.",
    });
    expect(await settleGoldRating(judge, projectId, { ...input, rationale: " " })).toMatchObject({ ok: false, status: 422 });
    expect(await goldRows()).toBe(0);
  });

  it("settles a gold rating with the adjudicator as rater, audited", async () => {
    const result = await settleGoldRating(judge, projectId, { outletId, axis: "left_right", value: -1, rationale: "between the two", expectedUpdatedAt: null });
    expect(result).toMatchObject({ ok: true });
    const row = (await first(getDb().select().from(perspectiveRatings).where(eq(perspectiveRatings.isGold, true))))!;
    expect(row).toMatchObject({ raterId: judge.id, value: -1, rationale: "between the two", outletId, axis: "left_right" });
    expect(
      (await first(
        getDb()
          .select({ n: count() })
          .from(auditLog)
          .where(and(eq(auditLog.entity, "perspective_rating"), eq(auditLog.entityId, row.id))),
      ))!.n,
    ).toBe(1);
    expect((await list())[0]!.axes.find((a) => a.axis.key === "left_right")!.gold).toMatchObject({ value: -1, raterName: "judge" });
  });

  it("lets exactly one of two adjudicators settling at once win", async () => {
    const seen = (await list())[0]!.axes.find((a) => a.axis.key === "left_right")!.gold!.version;
    const first = await settleGoldRating(judge2, projectId, { outletId, axis: "left_right", value: -2, rationale: "left", expectedUpdatedAt: seen });
    const second = await settleGoldRating(judge, projectId, { outletId, axis: "left_right", value: 0, rationale: "center", expectedUpdatedAt: seen });
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: false, status: 409, code: "stale" });
    expect(await goldRows()).toBe(1);
    expect((await list())[0]!.axes.find((a) => a.axis.key === "left_right")!.gold).toMatchObject({ value: -2, raterName: judge2.displayName });
  });
});
