// Deleting a document: the counts the confirmation shows, the cascade through every table that
// points at it (reviewer and gold spans, adjudications, claim-link memberships, assignments,
// segments, ratings), links left with one span going too, the audit snapshot, and who may.
import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  adjudications,
  annotations,
  assignments,
  auditLog,
  claimLinks,
  claimLinkSpans,
  documents,
  perspectiveRatings,
  segments,
  stories,
  users,
} from "@/db/tables";
import { decide } from "@/lib/server/adjudication";
import { deleteAnnotation } from "@/lib/server/annotations";
import { assignDocument } from "@/lib/server/assignment-plan";
import { deleteDocument, getDocumentDetails } from "@/lib/server/document-edit";
import { importDocuments } from "@/lib/server/documents";
import { rateDocument } from "@/lib/server/ratings";
import { createSegment } from "@/lib/server/segments";
import type { SessionUser } from "@/lib/server/session";
import { markText } from "./adjudication-helpers";
import { addMember, admin, project, reviewer } from "./helpers";
import { refusal } from "./sqlite-errors";
import { first, one } from "@/db/rows";

const TEXT = "The mayor said the levy adds nine dollars a month. Critics called the plan reckless. Renters will pay the most.";

let manager: SessionUser;
let ana: SessionUser;
let bo: SessionUser;
let judge: SessionUser;
let outsider: SessionUser;
let projectId: number;
let n = 0;

async function newDocument(pid = projectId): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, pid, [{ text: `${TEXT} (${++n})` }], { outlet: `Outlet ${n}`, story: "Levy" });
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

async function link(annotationIds: number[]): Promise<number> {
  const storyId = (await first(getDb().select({ id: stories.id }).from(stories).where(eq(stories.projectId, projectId))))!.id;
  const linkId = (await one(getDb().insert(claimLinks).values({ projectId, storyId, createdBy: ana.id }).returning({ id: claimLinks.id }))).id;
  await getDb()
    .insert(claimLinkSpans)
    .values(annotationIds.map((annotationId) => ({ linkId, annotationId, addedBy: ana.id })));
  return linkId;
}

const rowsFor = async (
  table: typeof annotations | typeof adjudications | typeof segments | typeof perspectiveRatings | typeof assignments,
  documentId: number,
): Promise<number> => (await first(getDb().select({ n: count() }).from(table).where(eq(table.documentId, documentId))))!.n;

/** A document with two reviewers' spans (one deleted), a gold layer (an accepted and an added span), a segment, a rating, two assignments and two links. */
async function fullyWorkedDocument(): Promise<{ documentId: number; spans: Record<string, number>; others: number[] }> {
  const documentId = await newDocument();
  const other = await newDocument();
  const third = await newDocument();
  ok(await assignDocument(manager, projectId, { documentId, userId: ana.id }));
  ok(await assignDocument(manager, projectId, { documentId, userId: bo.id }));
  const spans = {
    anaClaim: await markText(ana, projectId, documentId, TEXT, "claim", "the levy adds nine dollars a month"),
    anaOpinion: await markText(ana, projectId, documentId, TEXT, "opinion", "Critics called the plan reckless"),
    boClaim: await markText(bo, projectId, documentId, TEXT, "claim", "the levy adds nine dollars a month"),
    boDeleted: await markText(bo, projectId, documentId, TEXT, "claim", "Renters will pay the most"),
  };
  ok(await deleteAnnotation(bo, projectId, documentId, spans.boDeleted, 1));
  ok(await decide(judge, projectId, documentId, { action: "accept", sourceId: spans.anaClaim, memberIds: [spans.anaClaim, spans.boClaim] }));
  ok(await decide(judge, projectId, documentId, { action: "add", kind: "claim", start: 0, end: 9, reason: "missed" }));
  ok(await createSegment(ana, projectId, documentId, { start: 0, end: 20, outlet: "Wire Service" }));
  ok(await rateDocument(ana, projectId, documentId, { axis: "genre", label: "reporting", rationale: "A news report." }));
  const otherClaim = await markText(ana, projectId, other, TEXT, "claim", "the levy adds nine dollars a month");
  const thirdClaim = await markText(bo, projectId, third, TEXT, "claim", "the levy adds nine dollars a month");
  const otherOpinion = await markText(ana, projectId, other, TEXT, "opinion", "Critics called the plan reckless");
  await link([spans.anaClaim, otherClaim, thirdClaim]); // survives with two spans
  await link([spans.anaOpinion, otherOpinion]); // left with one span: goes
  return { documentId, spans, others: [other, third] };
}

beforeAll(async () => {
  manager = await admin();
  [ana, bo, judge, outsider] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge"), await reviewer("outsider")];
  projectId = await project("Deleting documents");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  await addMember(projectId, judge, "adjudicator");
});

describe("deleting a document", () => {
  it("tells the manager what goes with it: live spans and their reviewers, gold spans, segments, ratings, links and assignments", async () => {
    const { documentId } = await fullyWorkedDocument();
    const details = ok(await getDocumentDetails(manager, projectId, documentId));
    expect(details.details.impact).toEqual({ spans: 3, reviewers: 2, goldSpans: 2, segments: 1, ratings: 1, links: 2, assignments: 2 });
  });

  it("removes the document and everything pointing at it, drops a link left with one span and keeps a link that still joins two", async () => {
    const { documentId, spans, others } = await fullyWorkedDocument();
    const spanIds = (await getDb().select({ id: annotations.id }).from(annotations).where(eq(annotations.documentId, documentId))).map((r) => r.id);
    const linkIds = (await getDb().select({ id: claimLinkSpans.linkId }).from(claimLinkSpans).where(inArray(claimLinkSpans.annotationId, spanIds))).map(
      (r) => r.id,
    );
    const otherSpansBefore = await getDb().select().from(annotations).where(inArray(annotations.documentId, others));
    expect(await rowsFor(adjudications, documentId)).toBe(2);

    const result = await deleteDocument(manager, projectId, documentId);
    expect(result).toMatchObject({ ok: true, impact: { spans: 3, reviewers: 2, goldSpans: 2 } });

    expect(await first(getDb().select().from(documents).where(eq(documents.id, documentId)))).toBeUndefined();
    for (const table of [annotations, adjudications, segments, perspectiveRatings, assignments]) expect(await rowsFor(table, documentId)).toBe(0);
    expect(await getDb().select().from(claimLinkSpans).where(inArray(claimLinkSpans.annotationId, spanIds))).toEqual([]);
    const [kept, dropped] = linkIds.sort((a, b) => a - b);
    expect((await first(getDb().select({ n: count() }).from(claimLinkSpans).where(eq(claimLinkSpans.linkId, kept!))))!.n).toBe(2);
    expect(await first(getDb().select().from(claimLinks).where(eq(claimLinks.id, dropped!)))).toBeUndefined();
    expect(await getDb().select().from(claimLinkSpans).where(eq(claimLinkSpans.linkId, dropped!))).toEqual([]);
    // The other documents keep every span they had.
    expect(await getDb().select().from(annotations).where(inArray(annotations.documentId, others))).toEqual(otherSpansBefore);
    expect(spans.boDeleted).toBeGreaterThan(0);
  });

  it("records the deletion with the document's metadata and the counts", async () => {
    const { documentId } = await fullyWorkedDocument();
    ok(await deleteDocument(manager, projectId, documentId));
    const entry = (await getDb().select().from(auditLog).where(eq(auditLog.entityId, documentId))).find(
      (e) => e.entity === "document" && e.action === "delete",
    )!;
    expect(entry.actorId).toBe(manager.id);
    expect(entry.before).toMatchObject({
      title: expect.stringContaining("The mayor said"),
      outlet: expect.stringMatching(/^Outlet \d+$/),
      story: "Levy",
      projectId,
      impact: { spans: 3, reviewers: 2, goldSpans: 2, segments: 1, ratings: 1, links: 2, assignments: 2 },
      linksDeleted: [expect.any(Number)],
    });
    expect(entry.after).toBeNull();
  });

  it("lets a reviewer whose only spans were in the deleted document be removed afterwards", async () => {
    const once = await reviewer("once");
    await addMember(projectId, once, "annotator");
    const documentId = await newDocument();
    await markText(once, projectId, documentId, TEXT, "claim", "Renters will pay the most");
    // annotations.annotator_id restricts deleting the user while the span exists.
    expect(await refusal(getDb().delete(users).where(eq(users.id, once.id)))).toMatch(/foreign key/i);
    ok(await deleteDocument(manager, projectId, documentId));
    await getDb().delete(users).where(eq(users.id, once.id));
    expect(await first(getDb().select().from(users).where(eq(users.id, once.id)))).toBeUndefined();
  });

  it("refuses an annotator or adjudicator (403) and a non-member or another project's document (404), deleting nothing", async () => {
    const documentId = await newDocument();
    const otherProject = await project("Other");
    await addMember(otherProject, outsider, "manager");
    const theirs = await newDocument(otherProject);
    expect(await deleteDocument(ana, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    expect(await deleteDocument(judge, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    expect(await deleteDocument(outsider, projectId, documentId)).toMatchObject({ ok: false, status: 404 });
    expect(await deleteDocument(outsider, otherProject, documentId)).toMatchObject({ ok: false, status: 404 });
    expect(await deleteDocument(manager, projectId, theirs)).toMatchObject({ ok: false, status: 404 });
    expect(await deleteDocument(manager, projectId, 987_654)).toMatchObject({ ok: false, status: 404 });
    expect(
      await getDb()
        .select({ id: documents.id })
        .from(documents)
        .where(inArray(documents.id, [documentId, theirs])),
    ).toHaveLength(2);
  });
});
