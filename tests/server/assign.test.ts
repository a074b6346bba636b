// Assignment by hand and balanced auto-assignment, and the reviewer's queue that results.
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/server/annotations";
import { assignDocument, autoAssignDocuments } from "@/lib/server/assignment-plan";
import { markDocumentDone } from "@/lib/server/assignments";
import { removeProjectMember } from "@/lib/server/members";
import { listQueue, nextDocument, summarizeQueue } from "@/lib/server/queue";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer } from "./helpers";
import { assignmentsOf, auditCount, lastAudit, newDocument } from "./members-helpers";

let boss: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let cy: SessionUser;
let judge: SessionUser;
let outsider: SessionUser;

beforeAll(async () => {
  boss = await admin();
  [ana, ben, cy, judge] = [await reviewer("ana"), await reviewer("ben"), await reviewer("cy"), await reviewer("judge")];
  outsider = await reviewer("outsider");
});

async function teamProject(): Promise<number> {
  const p = await project();
  await addMember(p, ana, "annotator");
  await addMember(p, ben, "annotator");
  await addMember(p, cy, "annotator");
  await addMember(p, judge, "adjudicator");
  return p;
}

async function expectRefusedUnchanged(p: number, call: () => Promise<unknown>): Promise<unknown> {
  const before = { rows: await assignmentsOf(p), audits: await auditCount() };
  const result = await call();
  expect({ rows: await assignmentsOf(p), audits: await auditCount() }).toEqual(before);
  return result;
}

describe("assigning by hand", () => {
  it("gives one document to one member as to do, and audits it", async () => {
    const p = await teamProject();
    const doc = await newDocument(p);
    const result = await assignDocument(boss, p, { documentId: doc, userId: ana.id });
    expect(result).toEqual({ ok: true, assignmentId: expect.any(Number) });
    expect(await assignmentsOf(p)).toEqual([{ documentId: doc, userId: ana.id, status: "todo" }]);
    expect(await lastAudit()).toMatchObject({ action: "assign", entity: "assignment", after: { documentId: doc, userId: ana.id, method: "hand" } });
  });

  it("refuses a document of another project, even one the manager also manages", async () => {
    const p = await teamProject();
    const elsewhere = await newDocument(await project());
    const result = await expectRefusedUnchanged(p, () => assignDocument(boss, p, { documentId: elsewhere, userId: ana.id }));
    expect(result).toEqual({ ok: false, status: 422, code: "invalid", error: `Document ${elsewhere} is not in this project.` });
  });

  it("refuses a reviewer who is not a member, a user that does not exist, and a second assignment", async () => {
    const p = await teamProject();
    const doc = await newDocument(p);
    for (const userId of [outsider.id, 987_654]) {
      expect(await expectRefusedUnchanged(p, () => assignDocument(boss, p, { documentId: doc, userId }))).toMatchObject({
        ok: false,
        error: "That person is not a member of this project: add them on the team page first.",
      });
    }
    await assignDocument(boss, p, { documentId: doc, userId: ana.id });
    expect(await expectRefusedUnchanged(p, () => assignDocument(boss, p, { documentId: doc, userId: ana.id }))).toMatchObject({
      ok: false,
      status: 409,
      error: expect.stringMatching(/^ana already has “Document number \d+\. The mayor said the levy is fair\.”\.$/),
    });
  });

  it("refuses missing ids with a message", async () => {
    const p = await teamProject();
    expect(await expectRefusedUnchanged(p, () => assignDocument(boss, p, { documentId: "", userId: ana.id }))).toMatchObject({
      ok: false,
      error: "Choose a document.",
    });
  });
});

describe("auto-assigning", () => {
  it("gives each document to N annotators, balanced, deterministic, and adds nothing when run again", async () => {
    const p = await teamProject();
    const docs = [await newDocument(p), await newDocument(p), await newDocument(p), await newDocument(p), await newDocument(p)];
    const result = await autoAssignDocuments(boss, p, { perDocument: 2, userIds: [ana.id, ben.id, cy.id] });
    expect(result).toMatchObject({ ok: true, loads: { [ana.id]: 4, [ben.id]: 3, [cy.id]: 3 } });
    const rows = await assignmentsOf(p);
    expect(rows).toHaveLength(10);
    for (const doc of docs) expect(rows.filter((r) => r.documentId === doc)).toHaveLength(2);
    expect(await autoAssignDocuments(boss, p, { perDocument: 2, userIds: [ana.id, ben.id, cy.id] })).toMatchObject({ ok: true, created: [] });
    expect(await assignmentsOf(p)).toEqual(rows);
  });

  it("skips documents a reviewer already has and counts them toward N", async () => {
    const p = await teamProject();
    const [d1, d2] = [await newDocument(p), await newDocument(p)];
    await assignDocument(boss, p, { documentId: d1, userId: ana.id });
    await markDocumentDone(ben, p, d1);
    const result = await autoAssignDocuments(boss, p, { perDocument: 2, userIds: [ana.id, ben.id] });
    expect(result).toMatchObject({
      ok: true,
      created: [
        { documentId: d2, userId: ana.id },
        { documentId: d2, userId: ben.id },
      ],
    });
  });

  it("refuses fewer reviewers than N, someone outside the project, and a project with no documents", async () => {
    const p = await teamProject();
    expect(await expectRefusedUnchanged(p, () => autoAssignDocuments(boss, p, { perDocument: 2, userIds: [ana.id] }))).toMatchObject({
      ok: false,
      error: "This project has no documents to assign yet.",
    });
    await newDocument(p);
    expect(await expectRefusedUnchanged(p, () => autoAssignDocuments(boss, p, { perDocument: 2, userIds: [ana.id] }))).toMatchObject({
      ok: false,
      error: "You chose 1 reviewer; choose at least 2 to give each document to 2 reviewers.",
    });
    expect(await expectRefusedUnchanged(p, () => autoAssignDocuments(boss, p, { perDocument: 1, userIds: [ana.id, outsider.id] }))).toMatchObject({
      ok: false,
      error: "Some of the chosen people are not members of this project.",
    });
    expect(await expectRefusedUnchanged(p, () => autoAssignDocuments(boss, p, { perDocument: 1, userIds: [] }))).toMatchObject({
      ok: false,
      error: "Choose at least one reviewer.",
    });
  });

  it("is for managers only", async () => {
    const p = await teamProject();
    await newDocument(p);
    expect(await expectRefusedUnchanged(p, () => autoAssignDocuments(judge, p, { perDocument: 1, userIds: [ana.id] }))).toMatchObject({
      status: 403,
    });
    expect(await expectRefusedUnchanged(p, () => autoAssignDocuments(outsider, p, { perDocument: 1, userIds: [ana.id] }))).toMatchObject({
      status: 404,
    });
  });
});

describe("a reviewer's queue", () => {
  it("lists their own assignments across projects: in progress first, then to do, then done", async () => {
    const q = await reviewer();
    const [p1, p2] = [await teamProject(), await teamProject()];
    await addMember(p1, q, "annotator");
    await addMember(p2, q, "annotator");
    const [a, b, c] = [await newDocument(p1), await newDocument(p1), await newDocument(p2)];
    for (const [p, documentId] of [
      [p1, a],
      [p1, b],
      [p2, c],
    ] as const)
      await assignDocument(boss, p, { documentId, userId: q.id });
    await assignDocument(boss, p1, { documentId: a, userId: ana.id });
    await createAnnotation(q, p2, c, { kind: "claim", start: 0, end: 8, exact: "Document" });
    await markDocumentDone(q, p1, a);

    const queue = await listQueue(q);
    expect(queue.map((i) => [i.projectId, i.documentId, i.status])).toEqual([
      [p2, c, "in_progress"],
      [p1, b, "todo"],
      [p1, a, "submitted"],
    ]);
    expect(summarizeQueue(queue)).toEqual({ todo: 1, inProgress: 1, done: 1 });
    expect(await nextDocument(q)).toMatchObject({ projectId: p2, documentId: c });
    expect(await nextDocument(q, p1)).toMatchObject({ projectId: p1, documentId: b });
  });

  it("is empty for someone with nothing assigned, and next is null once all is done", async () => {
    const q = await reviewer();
    expect(await listQueue(q)).toEqual([]);
    expect(await nextDocument(q)).toBeNull();
    const p = await teamProject();
    await addMember(p, q, "annotator");
    const doc = await newDocument(p);
    await assignDocument(boss, p, { documentId: doc, userId: q.id });
    await markDocumentDone(q, p, doc);
    expect(await nextDocument(q)).toBeNull();
  });

  it("drops a project's documents once the reviewer is removed from it", async () => {
    const q = await reviewer();
    const p = await teamProject();
    await addMember(p, q, "annotator");
    await assignDocument(boss, p, { documentId: await newDocument(p), userId: q.id });
    expect(await listQueue(q)).toHaveLength(1);
    await removeProjectMember(boss, p, q.id);
    expect(await listQueue(q)).toEqual([]);
  });
});
