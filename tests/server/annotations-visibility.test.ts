// Who sees which spans: blind mode hides other annotators' spans from annotators, never from
// managers and adjudicators; non-members and other projects' documents get null (404).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { projects } from "@/db/tables";
import { annotationHistory, createAnnotation, deleteAnnotation, listAnnotations } from "@/lib/server/annotations";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { addMember, admin, project, reviewer } from "./helpers";

const TEXT = "Officials said the dam is safe. Residents said it is not, and engineers agreed.";

async function addDocument(projectId: number, text: string): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], {});
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

async function claim(user: SessionUser, projectId: number, documentId: number, exact: string): Promise<AnnotationDto> {
  const start = TEXT.indexOf(exact);
  const result = await createAnnotation(user, projectId, documentId, { kind: "claim", start, end: start + exact.length, exact });
  if (!result.ok) throw new Error(result.error);
  return result.annotation;
}

const ids = (spans: AnnotationDto[] | null) => spans?.map((s) => s.id) ?? null;

let manager: SessionUser;
let adjudicator: SessionUser;
let ana: SessionUser;
let bo: SessionUser;
let projectId: number;
let documentId: number;
let anaSpan: AnnotationDto;
let boSpan: AnnotationDto;
let anaGone: AnnotationDto;
let boGone: AnnotationDto;

beforeAll(async () => {
  manager = await admin();
  adjudicator = await reviewer("judge");
  ana = await reviewer("ana");
  bo = await reviewer("bo");
  projectId = await project();
  await addMember(projectId, adjudicator, "adjudicator");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  documentId = await addDocument(projectId, TEXT);
  boSpan = await claim(bo, projectId, documentId, "the dam is safe");
  anaSpan = await claim(ana, projectId, documentId, "Officials said the dam is safe");
  anaGone = await claim(ana, projectId, documentId, "engineers agreed");
  boGone = await claim(bo, projectId, documentId, "Residents");
  await deleteAnnotation(ana, projectId, documentId, anaGone.id, 1);
  await deleteAnnotation(bo, projectId, documentId, boGone.id, 1);
});

describe("blind mode (on by default)", () => {
  it("shows an annotator only their own spans, deleted ones included only when asked", async () => {
    expect(ids(await listAnnotations(ana, projectId, documentId))).toEqual([anaSpan.id]);
    expect(ids(await listAnnotations(ana, projectId, documentId, { includeDeleted: true }))).toEqual([anaSpan.id, anaGone.id]);
    expect(ids(await listAnnotations(ana, projectId, documentId, { annotatorId: bo.id }))).toEqual([]);
  });

  it("shows managers and adjudicators everyone's spans in reading order (start asc, end desc)", async () => {
    for (const user of [manager, adjudicator]) {
      expect(ids(await listAnnotations(user, projectId, documentId))).toEqual([anaSpan.id, boSpan.id]);
      expect(ids(await listAnnotations(user, projectId, documentId, { includeDeleted: true }))).toEqual([anaSpan.id, boSpan.id, boGone.id, anaGone.id]);
    }
    expect((await listAnnotations(manager, projectId, documentId))!.map((s) => s.annotatorName)).toEqual(["ana", "bo"]);
  });

  it("lets managers and adjudicators narrow the list to one annotator", async () => {
    expect(ids(await listAnnotations(adjudicator, projectId, documentId, { annotatorId: bo.id }))).toEqual([boSpan.id]);
  });

  it("hides another annotator's span history from an annotator, not from a manager", async () => {
    expect(await annotationHistory(ana, projectId, documentId, boSpan.id)).toBeNull();
    expect(await annotationHistory(ana, projectId, documentId, anaSpan.id)).toHaveLength(1);
    expect(await annotationHistory(manager, projectId, documentId, boSpan.id)).toHaveLength(1);
  });
});

describe("with blind mode off", () => {
  it("shows annotators everyone's spans", async () => {
    const open = await project();
    await addMember(open, ana, "annotator");
    await addMember(open, bo, "annotator");
    await getDb()
      .update(projects)
      .set({ settings: { blindMode: false } })
      .where(eq(projects.id, open));
    const doc = await addDocument(open, TEXT);
    const mine = await claim(ana, open, doc, "Officials");
    const theirs = await claim(bo, open, doc, "engineers");
    expect(ids(await listAnnotations(ana, open, doc))).toEqual([mine.id, theirs.id]);
    expect(await annotationHistory(ana, open, doc, theirs.id)).toHaveLength(1);
  });
});

describe("outside the project", () => {
  it("gives null to a non-member", async () => {
    const stranger = await reviewer();
    expect(await listAnnotations(stranger, projectId, documentId)).toBeNull();
    expect(await annotationHistory(stranger, projectId, documentId, anaSpan.id)).toBeNull();
  });

  it("gives null for a document of another project, even to a member of both", async () => {
    const other = await project();
    await addMember(other, ana, "annotator");
    const otherDoc = await addDocument(other, "Text of the other project.");
    expect(await listAnnotations(ana, projectId, otherDoc)).toBeNull();
    expect(await listAnnotations(ana, other, documentId)).toBeNull();
    expect(await annotationHistory(ana, other, documentId, anaSpan.id)).toBeNull();
  });

  it("gives null for a span id of another document", async () => {
    const second = await addDocument(projectId, "A second document in the same project.");
    expect(await annotationHistory(ana, projectId, second, anaSpan.id)).toBeNull();
  });
});
