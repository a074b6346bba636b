// Assignments: marking a document done freezes the reviewer's layer; managers reopen it.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { assignments, auditLog } from "@/db/tables";
import { createAnnotation } from "@/lib/server/annotations";
import { documentStatusFor, listDocumentAssignments, markDocumentDone, reopenDocument } from "@/lib/server/assignments";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

let manager: SessionUser;
let ana: SessionUser;
let adjudicator: SessionUser;
let projectId: number;
let n = 0;

async function newDocument(): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text: `Document number ${++n}.` }], {});
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

const assignmentRow = (documentId: number, userId: number) =>
  first(
    getDb()
      .select()
      .from(assignments)
      .where(and(eq(assignments.documentId, documentId), eq(assignments.userId, userId))),
  );
const audits = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action));

beforeAll(async () => {
  manager = await admin();
  ana = await reviewer("ana");
  adjudicator = await reviewer("judge");
  projectId = await project();
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, adjudicator, "adjudicator");
});

describe("a reviewer's status on a document", () => {
  it("is todo before any work, in_progress after the first span, null outside the project", async () => {
    const doc = await newDocument();
    expect(await documentStatusFor(ana, projectId, doc)).toBe("todo");
    await createAnnotation(ana, projectId, doc, { kind: "claim", start: 0, end: 8, exact: "Document" });
    expect(await documentStatusFor(ana, projectId, doc)).toBe("in_progress");
    expect(await documentStatusFor(await reviewer(), projectId, doc)).toBeNull();
    expect(await documentStatusFor(ana, await project(), doc)).toBeNull();
  });
});

describe("marking a document done", () => {
  it("creates the assignment if there is none, sets submitted_at, and audits it", async () => {
    const doc = await newDocument();
    const result = await markDocumentDone(ana, projectId, doc);
    expect(result).toMatchObject({ ok: true, status: "submitted", submittedAt: expect.any(String) });
    expect(await assignmentRow(doc, ana.id)).toMatchObject({ projectId, status: "submitted", submittedAt: expect.any(Date) });
    expect((await audits("submit")).at(-1)).toMatchObject({
      actorId: ana.id,
      entity: "assignment",
      before: { status: "todo" },
      after: { status: "submitted" },
    });
  });

  it("changes nothing when marked done again", async () => {
    const doc = await newDocument();
    const first = await markDocumentDone(ana, projectId, doc);
    const count = (await audits("submit")).length;
    expect(await markDocumentDone(ana, projectId, doc)).toEqual(first);
    expect(await audits("submit")).toHaveLength(count);
  });

  it("answers 404 to a non-member", async () => {
    const doc = await newDocument();
    expect(await markDocumentDone(await reviewer(), projectId, doc)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("reopening a document", () => {
  it("is for managers only: others get 403 and nothing changes", async () => {
    const doc = await newDocument();
    await markDocumentDone(ana, projectId, doc);
    const before = await assignmentRow(doc, ana.id);
    expect(await reopenDocument(ana, projectId, doc, ana.id)).toMatchObject({ ok: false, status: 403, code: "forbidden" });
    expect(await reopenDocument(adjudicator, projectId, doc, ana.id)).toMatchObject({ ok: false, status: 403 });
    expect(await assignmentRow(doc, ana.id)).toEqual(before);
  });

  it("puts the reviewer back in progress, clears submitted_at, and audits it", async () => {
    const doc = await newDocument();
    await markDocumentDone(ana, projectId, doc);
    expect(await reopenDocument(manager, projectId, doc, ana.id)).toEqual({ ok: true, userId: ana.id, status: "in_progress" });
    expect(await assignmentRow(doc, ana.id)).toMatchObject({ status: "in_progress", submittedAt: null });
    expect((await audits("reopen")).at(-1)).toMatchObject({
      actorId: manager.id,
      before: { status: "submitted" },
      after: { status: "in_progress", userId: ana.id },
    });
  });

  it("is a no-op for a layer that is not submitted, and 404 for a user outside the project", async () => {
    const doc = await newDocument();
    expect(await reopenDocument(manager, projectId, doc, ana.id)).toEqual({ ok: true, userId: ana.id, status: "todo" });
    expect(await reopenDocument(manager, projectId, doc, (await reviewer()).id)).toMatchObject({ ok: false, status: 404 });
  });

  it("lists everyone's status for managers only", async () => {
    const doc = await newDocument();
    await markDocumentDone(ana, projectId, doc);
    expect(await listDocumentAssignments(manager, projectId, doc)).toEqual([
      { userId: ana.id, displayName: "ana", status: "submitted", submittedAt: expect.any(String) },
    ]);
    expect(await listDocumentAssignments(ana, projectId, doc)).toBeNull();
  });
});
