// The authorization matrix of the functions added after tests/server/authz-matrix.test.ts:
// perspective ratings, stories, segments, outlets, agreement and adjudication, × every kind of
// user, one test per cell, each on a fresh project. Outcomes as there: "allowed" did its work;
// 404 refused as if the project did not exist; 403 a member without the role; "refused" a
// refusal with no status (a hidden row). Every refused cell also checks the audit log is unchanged.
import { describe, expect, it } from "vitest";
import { acceptAllUnanimous, decide, getDocumentReview, getMyOutcomes, listRatingsForAdjudication, settleGoldRating } from "@/lib/server/adjudication";
import { getProjectAgreement } from "@/lib/server/agreement";
import { deleteReferenceRating, recordReferenceRating, updateOutlet } from "@/lib/server/outlets";
import { documentRatingsFor, outletRatingsFor, rateDocument, rateOutlet } from "@/lib/server/ratings";
import { createSegment, deleteSegment, listSegments } from "@/lib/server/segments";
import type { SessionUser } from "@/lib/server/session";
import { createStory, deleteStory, listStoriesForMember, moveDocumentToStory, updateStory } from "@/lib/server/stories";
import { fromBool, fromNullable, fromResult, fromView, perspectiveFixture, ROLES, type Fixture, type Outcome } from "./authz-matrix-helpers";
import { admin } from "./helpers";
import { auditCount } from "./members-helpers";

type Op = (actor: SessionUser, f: Fixture, target: SessionUser) => Promise<Outcome>;

const rating = { axis: "left_right", value: 1, rationale: "Quotes both sides." };
const reference = { publisher: "Ad Fontes Media", axis: "reliability", value: 40, retrievedAt: "2024-02-01", url: "https://adfontes.example/y" };
/** Another rater's rating, or the team summary that is computed from it. */
const othersRating = (view: { axes: { others: { raterId: number }[]; summary: unknown }[] } | null, target: SessionUser): boolean =>
  view?.axes.some((a) => a.others.some((r) => r.raterId === target.id) || a.summary !== null) ?? false;

const OPS: Record<string, Op> = {
  rateOutlet: async (u, f) => fromResult(await rateOutlet(u, f.p, f.outlet, rating)),
  outletRatingsFor: async (u, f) => fromNullable(await outletRatingsFor(u, f.p, f.outlet)),
  "outletRatingsFor shows another rater's rating (blind mode on)": async (u, f, t) => fromBool(othersRating(await outletRatingsFor(u, f.p, f.outlet), t)),
  rateDocument: async (u, f) => fromResult(await rateDocument(u, f.p, f.fresh, { axis: "genre", label: "opinion", rationale: "An editorial." })),
  documentRatingsFor: async (u, f) => fromNullable(await documentRatingsFor(u, f.p, f.doc)),
  "documentRatingsFor shows another rater's rating (blind mode on)": async (u, f, t) => fromBool(othersRating(await documentRatingsFor(u, f.p, f.doc), t)),
  listStoriesForMember: async (u, f) => fromNullable(await listStoriesForMember(u, f.p)),
  createStory: async (u, f) => fromResult(await createStory(u, f.p, { name: "Bridge closure", description: "" })),
  updateStory: async (u, f) => fromResult(await updateStory(u, f.p, f.story, { name: "Levy vote, day two", description: "The recount." })),
  deleteStory: async (u, f) => fromResult(await deleteStory(u, f.p, f.story)),
  moveDocumentToStory: async (u, f) => fromResult(await moveDocumentToStory(u, f.p, { documentId: f.fresh, storyId: f.story })),
  listSegments: async (u, f) => fromNullable(await listSegments(u, f.p, f.doc)),
  createSegment: async (u, f) => fromResult(await createSegment(u, f.p, f.doc, { start: 6, end: 12, outlet: "Wire Service" })),
  "deleteSegment (another reviewer's)": async (u, f) => fromResult(await deleteSegment(u, f.p, f.doc, f.segment)),
  updateOutlet: async (u, f) => fromResult(await updateOutlet(u, f.outlet, { name: `Renamed ${f.outlet}`, kind: "newspaper" })),
  recordReferenceRating: async (u, f) => fromResult(await recordReferenceRating(u, f.outlet, reference)),
  deleteReferenceRating: async (u, f) => fromResult(await deleteReferenceRating(u, f.outlet, f.reference)),
  getProjectAgreement: async (u, f) => fromView(await getProjectAgreement(u, f.p, "all")),
  getDocumentReview: async (u, f) => fromView(await getDocumentReview(u, f.p, f.doc)),
  "decide (add a gold span)": async (u, f) => fromResult(await decide(u, f.p, f.doc, { action: "add", kind: "claim", start: 6, end: 12 })),
  acceptAllUnanimous: async (u, f) => fromResult(await acceptAllUnanimous(u, f.p, f.doc)),
  listRatingsForAdjudication: async (u, f) => fromView(await listRatingsForAdjudication(u, f.p)),
  settleGoldRating: async (u, f) => fromResult(await settleGoldRating(u, f.p, { outletId: f.outlet, axis: "left_right", value: 0, rationale: "Centre." })),
  getMyOutcomes: async (u, f) => fromView(await getMyOutcomes(u, f.p, f.doc)),
  "getMyOutcomes shows another reviewer's span": async (u, f) => {
    const view = await getMyOutcomes(u, f.p, f.doc);
    return fromBool("outcomes" in view && view.outcomes.some((o) => o.span.id === f.span));
  },
};

const A = "allowed";
const R = "refused";
const MEMBERS: Outcome[] = [404, A, A, A, 404];
const MANAGERS: Outcome[] = [404, A, 403, 403, 404];
const REVIEWERS: Outcome[] = [404, A, A, 403, 404];
const EXPECTED: Record<keyof typeof OPS, Outcome[]> = {
  rateOutlet: MEMBERS,
  outletRatingsFor: MEMBERS,
  "outletRatingsFor shows another rater's rating (blind mode on)": [R, A, A, R, R],
  rateDocument: MEMBERS,
  documentRatingsFor: MEMBERS,
  "documentRatingsFor shows another rater's rating (blind mode on)": [R, A, A, R, R],
  listStoriesForMember: MEMBERS,
  createStory: MANAGERS,
  updateStory: MANAGERS,
  deleteStory: MANAGERS,
  moveDocumentToStory: MANAGERS,
  listSegments: MEMBERS,
  createSegment: MEMBERS,
  "deleteSegment (another reviewer's)": MANAGERS,
  // Outlets and published ratings are shared by all projects: admins by account role, and
  // managers of a project with the outlet's documents, record published ratings.
  updateOutlet: [A, 403, 403, 403, 403],
  recordReferenceRating: [A, A, 403, 403, 403],
  deleteReferenceRating: [A, A, 403, 403, 403],
  getProjectAgreement: REVIEWERS,
  getDocumentReview: REVIEWERS,
  "decide (add a gold span)": REVIEWERS,
  acceptAllUnanimous: REVIEWERS,
  listRatingsForAdjudication: REVIEWERS,
  settleGoldRating: REVIEWERS,
  getMyOutcomes: MEMBERS,
  "getMyOutcomes shows another reviewer's span": [R, R, R, R, R],
};

const cells = Object.entries(EXPECTED).flatMap(([fn, outcomes]) => ROLES.map((role, i) => ({ fn, role, expected: outcomes[i]! })));

describe("authorization matrix of ratings, stories, segments, outlets and adjudication", () => {
  it.each(cells)("$fn × $role → $expected", async ({ fn, role, expected }) => {
    const { actors, target, f } = await perspectiveFixture(await admin());
    const audits = await auditCount();
    const outcome = await OPS[fn]!(actors[role], f, target);
    expect(outcome).toBe(expected);
    if (outcome !== "allowed") expect(await auditCount()).toBe(audits);
  });
});
