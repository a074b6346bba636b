// Project progress: per reviewer, per document and span counts, for managers and
// adjudicators only; annotators are refused so blind mode cannot leak through it.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations } from "@/db/tables";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import { assignDocument, autoAssignDocuments } from "@/lib/server/assignment-plan";
import { markDocumentDone } from "@/lib/server/assignments";
import { removeProjectMember } from "@/lib/server/members";
import { getProjectProgress, type ProjectProgress } from "@/lib/server/progress";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer } from "./helpers";
import { newDocument } from "./members-helpers";

let boss: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let judge: SessionUser;
let outsider: SessionUser;
const TEXT = "Budget report. The mayor said the levy is fair.";

beforeAll(async () => {
  boss = await admin();
  [ana, ben, judge, outsider] = [await reviewer("ana"), await reviewer("ben"), await reviewer("judge"), await reviewer("outsider")];
});

async function progressOf(user: SessionUser, p: number): Promise<ProjectProgress> {
  const result = await getProjectProgress(user, p);
  if (!result.ok) throw new Error(result.error);
  return result.progress;
}

async function workedProject(): Promise<{ p: number; d1: number; d2: number }> {
  const p = await project();
  await addMember(p, ana, "annotator");
  await addMember(p, ben, "annotator");
  await addMember(p, judge, "adjudicator");
  const [d1, d2] = [await newDocument(p, TEXT), await newDocument(p, `${TEXT} Again.`)];
  await autoAssignDocuments(boss, p, { perDocument: 2, userIds: [ana.id, ben.id] });
  const span = (exact: string) => ({ start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length, exact });
  expect(await createAnnotation(ana, p, d1, { kind: "claim", ...span("The mayor") })).toMatchObject({ ok: true });
  expect(await createAnnotation(ana, p, d1, { kind: "quote", ...span("the levy is fair") })).toMatchObject({ ok: true });
  const gone = await createAnnotation(ben, p, d1, { kind: "opinion", ...span("fair") });
  if (!gone.ok) throw new Error(gone.error);
  await deleteAnnotation(ben, p, d1, gone.annotation.id, gone.annotation.version);
  await markDocumentDone(ana, p, d1);
  await markDocumentDone(ana, p, d2);
  await markDocumentDone(ben, p, d1);
  return { p, d1, d2 };
}

describe("project progress", () => {
  it("counts done of assigned per reviewer and per document", async () => {
    const { p, d1, d2 } = await workedProject();
    const progress = await progressOf(boss, p);
    expect(progress.reviewers.map((r) => [r.displayName, r.assigned, r.inProgress, r.done])).toEqual([
      ["ana", 2, 0, 2],
      ["ben", 2, 0, 1],
    ]);
    expect(progress.documents.map((d) => [d.documentId, d.assigned, d.done])).toEqual([
      [d1, 2, 2],
      [d2, 2, 1],
    ]);
    expect(progress.documents[1]!.reviewers).toEqual([
      { userId: ana.id, displayName: "ana", status: "submitted" },
      { userId: ben.id, displayName: "ben", status: "todo" },
    ]);
    expect({ assigned: progress.assigned, done: progress.done, canReopen: progress.canReopen }).toEqual({ assigned: 4, done: 3, canReopen: true });
  });

  it("counts live annotator-layer spans per kind, leaving out deleted and gold spans", async () => {
    const { p, d1 } = await workedProject();
    await getDb().insert(annotations).values({ documentId: d1, annotatorId: judge.id, layer: "gold", kind: "claim", start: 0, end: 6, exact: "Budget" });
    expect((await progressOf(boss, p)).spans).toEqual({ claim: 1, opinion: 0, quote: 1 });
  });

  it("is shown to adjudicators (who cannot reopen) but refused to annotators and non-members", async () => {
    const { p } = await workedProject();
    expect((await progressOf(judge, p)).canReopen).toBe(false);
    expect(await getProjectProgress(ana, p)).toEqual({
      ok: false,
      status: 403,
      code: "forbidden",
      error: "Only managers and adjudicators can see this project's progress.",
    });
    expect(await getProjectProgress(outsider, p)).toMatchObject({ ok: false, status: 404 });
  });

  it("lists annotators with nothing assigned at 0 of 0, and drops removed members", async () => {
    const p = await project();
    await addMember(p, ana, "annotator");
    await addMember(p, ben, "annotator");
    const doc = await newDocument(p);
    await assignDocument(boss, p, { documentId: doc, userId: ben.id });
    expect((await progressOf(boss, p)).reviewers.map((r) => [r.displayName, r.assigned])).toEqual([
      ["ana", 0],
      ["ben", 1],
    ]);
    await removeProjectMember(boss, p, ben.id);
    const after = await progressOf(boss, p);
    expect(after.reviewers.map((r) => r.displayName)).toEqual(["ana"]);
    expect(after.documents[0]).toMatchObject({ assigned: 0, done: 0 });
  });
});
