// A manager removes reviewer X from document D: D leaves X's queue, X's spans stay in the
// workspace and in review, the removal is audited, and every refusal changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { getDocumentReview } from "@/lib/server/adjudication";
import { createAnnotation, listAnnotations } from "@/lib/server/annotations";
import { assignDocument } from "@/lib/server/assignment-plan";
import { listProjectAssignments, removeAssignment } from "@/lib/server/assignment-removal";
import { markDocumentDone } from "@/lib/server/assignments";
import { listQueue } from "@/lib/server/queue";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer } from "./helpers";
import { assignmentsOf, auditCount, lastAudit, newDocument } from "./members-helpers";

const TEXT = "The mayor said the levy is fair. Critics disagreed.";

let boss: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let judge: SessionUser;
let outsider: SessionUser;

beforeAll(async () => {
  boss = await admin();
  [ana, ben, judge, outsider] = [await reviewer("ana"), await reviewer("ben"), await reviewer("judge"), await reviewer("outsider")];
});

async function assigned(): Promise<{ p: number; doc: number; spanId: number }> {
  const p = await project();
  await addMember(p, ana, "annotator");
  await addMember(p, ben, "annotator");
  await addMember(p, judge, "adjudicator");
  const doc = await newDocument(p, TEXT);
  for (const user of [ana, ben]) expect((await assignDocument(boss, p, { documentId: doc, userId: user.id })).ok).toBe(true);
  const span = await createAnnotation(ana, p, doc, { kind: "claim", start: 15, end: 32, exact: "the levy is fair." });
  if (!span.ok) throw new Error(span.error);
  return { p, doc, spanId: span.annotation.id };
}

async function unchanged(p: number, call: () => Promise<unknown>): Promise<unknown> {
  const before = { rows: await assignmentsOf(p), audits: await auditCount() };
  const result = await call();
  expect({ rows: await assignmentsOf(p), audits: await auditCount() }).toEqual(before);
  return result;
}

describe("removing an assignment", () => {
  it("takes the document out of the reviewer's queue and nobody else's", async () => {
    const { p, doc } = await assigned();
    expect((await listQueue(ana)).map((i) => i.documentId)).toContain(doc);
    const result = await removeAssignment(boss, p, { documentId: doc, userId: ana.id });
    expect(result).toEqual({ ok: true, displayName: "ana", title: expect.any(String), spansKept: 1 });
    expect((await listQueue(ana)).map((i) => i.documentId)).not.toContain(doc);
    expect((await listQueue(ben)).map((i) => i.documentId)).toContain(doc);
    expect(await assignmentsOf(p)).toEqual([{ documentId: doc, userId: ben.id, status: "todo" }]);
  });

  it("keeps the reviewer's spans in the database and in review", async () => {
    const { p, doc, spanId } = await assigned();
    await removeAssignment(boss, p, { documentId: doc, userId: ana.id });
    expect((await listAnnotations(boss, p, doc))?.map((s) => s.id)).toEqual([spanId]);
    const review = await getDocumentReview(judge, p, doc);
    if ("ok" in review) throw new Error(review.error);
    expect(review.reviewers.map((r) => r.name)).toContain("ana");
    expect(review.differences.flatMap((d) => d.spans.map((s) => s.id))).toEqual([spanId]);
  });

  it("audits who removed which assignment and what it was, even a layer marked done", async () => {
    const { p, doc } = await assigned();
    expect((await markDocumentDone(ana, p, doc)).ok).toBe(true);
    const audits = await auditCount();
    await removeAssignment(boss, p, { documentId: doc, userId: ana.id });
    expect(await auditCount()).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({
      actorId: boss.id,
      action: "unassign",
      entity: "assignment",
      before: { projectId: p, documentId: doc, userId: ana.id, status: "submitted", submittedAt: expect.any(String) },
      after: { spansKept: 1 },
    });
  });

  it("is refused to annotators and adjudicators (403) and to outsiders (404), changing nothing", async () => {
    const { p, doc } = await assigned();
    for (const user of [ana, judge]) {
      expect(await unchanged(p, () => removeAssignment(user, p, { documentId: doc, userId: ben.id }))).toMatchObject({
        ok: false,
        status: 403,
        error: "Only a manager of this project can remove assignments.",
      });
    }
    expect(await unchanged(p, () => removeAssignment(outsider, p, { documentId: doc, userId: ben.id }))).toMatchObject({ ok: false, status: 404 });
    expect(await listProjectAssignments(ana, p)).toBeNull();
  });

  it("answers a second removal, an unknown assignment and another project's document with a clear 404", async () => {
    const { p, doc } = await assigned();
    const other = await assigned();
    expect((await removeAssignment(boss, p, { documentId: doc, userId: ana.id })).ok).toBe(true);
    const gone = { ok: false, status: 404, error: "There is no such assignment in this project (it may have been removed already)." };
    expect(await unchanged(p, () => removeAssignment(boss, p, { documentId: doc, userId: ana.id }))).toMatchObject(gone);
    expect(await unchanged(p, () => removeAssignment(boss, p, { documentId: doc, userId: judge.id }))).toMatchObject(gone);
    expect(await unchanged(other.p, () => removeAssignment(boss, p, { documentId: other.doc, userId: ana.id }))).toMatchObject(gone);
    expect(await unchanged(p, () => removeAssignment(boss, p, { documentId: "abc", userId: ben.id }))).toMatchObject({
      ok: false,
      status: 422,
      error: "Choose a document.",
    });
  });

  it("lists the project's assignments for its managers, by document and reviewer", async () => {
    const { p, doc } = await assigned();
    expect(await listProjectAssignments(boss, p)).toEqual([
      { documentId: doc, title: expect.any(String), userId: ana.id, displayName: "ana", status: "in_progress" },
      { documentId: doc, title: expect.any(String), userId: ben.id, displayName: "ben", status: "todo" },
    ]);
  });
});
