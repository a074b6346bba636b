// Fixtures for the authorization matrices of the perspective, story, segment, outlet and
// adjudication functions (authz-matrix-perspective) and of the JSON route handlers
// (authz-matrix-routes). Every cell gets a fresh project, so no cell depends on another.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { stories } from "@/db/tables";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { linkSpans } from "@/lib/server/claim-links";
import { recordReferenceRating } from "@/lib/server/outlets";
import { rateDocument, rateOutlet } from "@/lib/server/ratings";
import { createSegment } from "@/lib/server/segments";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { outsideAdmin } from "./members-helpers";
import { addDocument } from "./outlets-helpers";
import { first } from "@/db/rows";

export type Outcome = "allowed" | 403 | 404 | "refused";
export const ROLES = ["admin, not a member", "manager", "adjudicator", "annotator", "non-member"] as const;
export type Role = (typeof ROLES)[number];

export const fromNullable = (value: unknown): Outcome => (value === null ? 404 : "allowed");
export const fromResult = (r: { ok: true } | { ok: false; status: number }): Outcome =>
  r.ok ? "allowed" : r.status === 403 || r.status === 404 ? r.status : "refused";
/** For functions answering a value or a Failure (`{ ok: false, … }`), like getDocumentReview. */
export const fromView = (r: object): Outcome => ("ok" in r ? fromResult(r as { ok: false; status: number }) : "allowed");
export const fromBool = (allowed: boolean): Outcome => (allowed ? "allowed" : "refused");

export const TEXT = "Alpha report. The mayor said the levy is fair.";
export const claim = { kind: "claim" as const, start: 0, end: 5, exact: "Alpha" };

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`fixture step failed: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export interface Cast {
  actors: Record<Role, SessionUser>;
  /** An annotator of every fixture project whose work the actors look at. */
  target: SessionUser;
}

let cast: Promise<Cast> | null = null;

export function theCast(): Promise<Cast> {
  cast ??= (async () => ({
    actors: {
      "admin, not a member": await outsideAdmin("root2"),
      manager: await reviewer("mona"),
      adjudicator: await reviewer("jude"),
      annotator: await reviewer("ana"),
      "non-member": await reviewer("nico"),
    },
    target: await reviewer("tara"),
  }))();
  return cast;
}

export interface Fixture {
  p: number;
  /** In story `story`, from outlet `outlet`; the target annotated it, rated it and marked it done. */
  doc: number;
  /** A document nobody has touched, in no story. */
  fresh: number;
  outlet: number;
  story: number;
  /** The target's span on `doc`. */
  span: number;
  /** The target's segment on `doc` (0–5). */
  segment: number;
  /** A published rating of `outlet`, recorded by the first admin. */
  reference: number;
}

let n = 0;

/** A fresh project with the cast as members (the admin and the non-member stay outside). */
export async function perspectiveFixture(firstAdmin: SessionUser): Promise<Cast & { f: Fixture }> {
  const { actors, target } = await theCast();
  const p = await project();
  await addMember(p, actors.manager, "manager");
  await addMember(p, actors.adjudicator, "adjudicator");
  await addMember(p, actors.annotator, "annotator");
  await addMember(p, target, "annotator");
  const outletName = `Harbor Ledger ${++n}`;
  const { documentId: doc, outletId } = await addDocument(p, { outlet: outletName, story: "Levy vote", text: TEXT });
  const fresh = (await addDocument(p, { outlet: outletName, text: `${TEXT} Again.` })).documentId;
  const story = (await first(
    getDb()
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.projectId, p), eq(stories.name, "Levy vote"))),
  ))!.id;
  const span = ok(await createAnnotation(target, p, doc, claim)).annotation.id;
  const segment = ok(await createSegment(target, p, doc, { start: 0, end: 5, outlet: "Wire Service" })).segment.id;
  ok(await rateOutlet(target, p, outletId!, { axis: "left_right", value: -2, rationale: "Backs the levy." }));
  ok(await rateDocument(target, p, doc, { axis: "stance", value: 1, rationale: "Leans for the levy." }));
  const retrieved = { publisher: "AllSides", axis: "left_right", label: "Center", retrievedAt: "2024-01-01", url: "https://allsides.example/x" };
  const reference = ok(await recordReferenceRating(firstAdmin, outletId!, retrieved)).reference.id;
  ok(await markDocumentDone(target, p, doc));
  return { actors, target, f: { p, doc, fresh, outlet: outletId!, story, span, segment, reference } };
}

/** A member's own live span and own deleted span on a document, for the route matrix. */
export async function ownSpans(user: SessionUser, projectId: number, documentId: number): Promise<{ live: number; deleted: number }> {
  const live = ok(await createAnnotation(user, projectId, documentId, claim)).annotation.id;
  const gone = ok(await createAnnotation(user, projectId, documentId, { kind: "claim", start: 6, end: 12, exact: "report" })).annotation;
  ok(await deleteAnnotation(user, projectId, documentId, gone.id, gone.version));
  return { live, deleted: gone.id };
}

/** The story the route matrix's documents are in: claim links and matches work only inside one. */
export const STORY = "Levy vote";
/** The text of the route matrix's second document of `STORY`. */
export const RETOLD = `${TEXT} Retold.`;

/**
 * A member's own spans for the claim-link routes, given `doc` and `other` in one story: `match`,
 * on `other` and in no link, to link a span of `doc` to; and `linked`, on `doc`, already linked
 * to another span of theirs on `other`.
 */
export async function storySpans(user: SessionUser, projectId: number, doc: number, other: number): Promise<{ match: number; linked: number }> {
  const span = async (documentId: number, start: number, end: number): Promise<number> =>
    ok(await createAnnotation(user, projectId, documentId, { kind: "claim", start, end, exact: TEXT.slice(start, end) })).annotation.id;
  const match = await span(other, 0, 5);
  const linked = await span(doc, 33, 37);
  ok(await linkSpans(user, projectId, linked, await span(other, 33, 37)));
  return { match, linked };
}
