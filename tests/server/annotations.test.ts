// Creating spans: what is stored, and every refusal of a bad span, each leaving nothing written.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, assignments, auditLog, sources } from "@/db/tables";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { CreateAnnotationInput } from "@/lib/validation/annotations";
import { addMember, project, reviewer } from "./helpers";
import { first, one } from "@/db/rows";

const TEXT = "The minister said the bridge will open in May. Critics called the plan reckless and costly.";
const BRIDGE = "the bridge will open in May";
const OFFSETS_EXAMPLE = "Tap 👍🏽 then “قال الوزير” — ok";

async function addDocument(projectId: number, text: string): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], {});
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

async function rowsWritten(): Promise<{ annotations: number; audit: number; assignments: number }> {
  const db = getDb();
  return {
    annotations: (await first(db.select({ n: count() }).from(annotations)))!.n,
    audit: (await first(db.select({ n: count() }).from(auditLog)))!.n,
    assignments: (await first(db.select({ n: count() }).from(assignments)))!.n,
  };
}

const span = (text: string, exact: string, extra: Partial<CreateAnnotationInput> = {}): CreateAnnotationInput => {
  const start = text.indexOf(exact);
  return { kind: "claim", start, end: start + exact.length, exact, ...extra };
};

let ana: SessionUser;
let projectId: number;
let documentId: number;

beforeAll(async () => {
  ana = await reviewer("ana");
  projectId = await project();
  await addMember(projectId, ana, "annotator");
  documentId = await addDocument(projectId, TEXT);
});

describe("creating a span", () => {
  it("stores a claim at version 1 with a 32-code-point prefix and suffix and the annotator's name", async () => {
    const result = await createAnnotation(ana, projectId, documentId, span(TEXT, BRIDGE, { attributes: { checkworthy: "yes" }, note: "date" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const a = result.annotation;
    expect(a).toMatchObject({
      documentId,
      annotatorId: ana.id,
      annotatorName: "ana",
      layer: "annotator",
      kind: "claim",
      exact: BRIDGE,
      version: 1,
      note: "date",
      parentId: null,
      deletedAt: null,
    });
    expect(a.attributes).toEqual({ checkworthy: "yes" });
    expect(a.prefix).toBe("The minister said ");
    expect(a.suffix).toBe(". Critics called the plan reckle");
    expect(a.suffix).toHaveLength(32);
    expect(new Date(a.createdAt).toISOString()).toBe(a.createdAt);
  });

  it("records the creation in the audit log with the span as `after`", async () => {
    const result = await createAnnotation(ana, projectId, documentId, span(TEXT, "Critics"));
    if (!result.ok) throw new Error(result.error);
    const entry = (await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "annotation"), eq(auditLog.entityId, result.annotation.id))),
    ))!;
    expect(entry).toMatchObject({ actorId: ana.id, action: "create", before: null });
    expect(entry.after).toMatchObject({ id: result.annotation.id, exact: "Critics", version: 1 });
  });

  it("starts the annotator's assignment on the document when they first annotate", async () => {
    const bo = await reviewer();
    await addMember(projectId, bo, "annotator");
    await createAnnotation(bo, projectId, documentId, span(TEXT, "minister"));
    const row = (await first(
      getDb()
        .select()
        .from(assignments)
        .where(and(eq(assignments.documentId, documentId), eq(assignments.userId, bo.id))),
    ))!;
    expect(row).toMatchObject({ projectId, status: "in_progress", submittedAt: null });
  });

  it("nests a span in one of the annotator's own spans", async () => {
    const quote = await createAnnotation(ana, projectId, documentId, span(TEXT, "the plan reckless and costly", { kind: "quote" }));
    if (!quote.ok) throw new Error(quote.error);
    const inner = await createAnnotation(ana, projectId, documentId, span(TEXT, "reckless", { kind: "opinion", parentId: quote.annotation.id }));
    expect(inner.ok && inner.annotation.parentId).toBe(quote.annotation.id);
  });
});

describe("offsets are Unicode code points into the frozen text", () => {
  it("accepts [13, 23) for “قال الوزير” after a skin-toned emoji, and refuses the UTF-16 offsets [15, 25)", async () => {
    const docId = await addDocument(projectId, OFFSETS_EXAMPLE);
    const exact = "قال الوزير";
    const good = await createAnnotation(ana, projectId, docId, { kind: "quote", start: 13, end: 23, exact });
    expect(good.ok && [good.annotation.start, good.annotation.end, good.annotation.exact]).toEqual([13, 23, exact]);
    expect(good.ok && good.annotation.prefix).toBe("Tap 👍🏽 then “");

    const before = await rowsWritten();
    const utf16 = await createAnnotation(ana, projectId, docId, { kind: "quote", start: 15, end: 25, exact });
    expect(utf16).toMatchObject({ ok: false, status: 422, code: "invalid" });
    expect(!utf16.ok && utf16.error).toContain("the text there is “ل الوزير” ”");
    expect(await rowsWritten()).toEqual(before);
  });
});

describe("refusing a bad span, with nothing written", () => {
  async function refused(input: CreateAnnotationInput, status: number, message: string | RegExp, user = ana, where = { projectId, documentId }): Promise<void> {
    const before = await rowsWritten();
    const result = await createAnnotation(user, where.projectId, where.documentId, input);
    expect(result).toMatchObject({ ok: false, status });
    if (result.ok) return;
    if (typeof message === "string") expect(result.error).toContain(message);
    else expect(result.error).toMatch(message);
    expect(await rowsWritten()).toEqual(before);
  }
  const length = `The document is ${TEXT.length} characters long`;

  it("refuses a start before 0", () => refused({ kind: "claim", start: -1, end: 3, exact: "The" }, 422, length));
  it("refuses an end past the text, giving the document's length", () =>
    refused(
      { kind: "claim", start: TEXT.length - 7, end: TEXT.length + 1, exact: "costly." },
      422,
      `ends at ${TEXT.length + 1}, past the end of the text. ${length}`,
    ));
  it("refuses an empty span (start = end)", () => refused({ kind: "claim", start: 4, end: 4, exact: "m" }, 422, "must end after it starts (start 4, end 4)"));
  it("refuses a reversed span (start > end)", () => refused({ kind: "claim", start: 12, end: 4, exact: "minister" }, 422, "must end after it starts"));
  it("refuses an exact that is not the text at those offsets, saying what the text is", () =>
    refused({ kind: "claim", start: 4, end: 12, exact: "ministry" }, 422, "the text there is “minister”, not “ministry”"));
  it("shortens long text quoted back in the message", async () => {
    const longDoc = await addDocument(projectId, "x".repeat(500));
    await refused({ kind: "claim", start: 0, end: 200, exact: "y".repeat(200) }, 422, /“x{60}…”, not “y{60}…”/, ana, { projectId, documentId: longDoc });
  });
  it("refuses an unknown kind", () => refused(span(TEXT, BRIDGE, { kind: "rumour" as never }), 422, "Kind must be claim, opinion or quote."));
  it("refuses an unknown attribute key", () =>
    refused(span(TEXT, BRIDGE, { attributes: { checkworthy: "yes", colour: "red" } }), 422, "unknown attribute “colour”"));
  it("refuses an attribute of another kind (a claim has no sentiment)", () =>
    refused(span(TEXT, BRIDGE, { attributes: { sentiment: 1 } }), 422, "unknown attribute “sentiment”"));
  it("refuses an out-of-range attribute value", () =>
    refused(span(TEXT, "reckless", { kind: "opinion", attributes: { sentiment: 3 } }), 422, "“sentiment”: Sentiment runs from -2 to +2."));
  it("refuses a value outside an attribute's choices", () =>
    refused(span(TEXT, BRIDGE, { attributes: { certainty: "sure" } }), 422, "Invalid claim attributes: “certainty”"));

  it("refuses a speaker (source_id) from another project", async () => {
    const other = await project();
    const foreign = await one(getDb().insert(sources).values({ projectId: other, name: "Foreign minister", kind: "person" }).returning());
    await refused(span(TEXT, BRIDGE, { kind: "quote", attributes: { source_id: foreign.id } }), 422, `Source ${foreign.id} is not in this project.`);
    await refused(span(TEXT, BRIDGE, { attributes: { targets: [foreign.id] } }), 422, `Source ${foreign.id} is not in this project.`);
    await refused(span(TEXT, BRIDGE, { kind: "quote", attributes: { source_id: 999_999 } }), 422, "Source 999999 is not in this project.");
  });

  it("refuses a parent that is another reviewer's span, a deleted span or a span on another document", async () => {
    const bo = await reviewer();
    await addMember(projectId, bo, "annotator");
    const theirs = await createAnnotation(bo, projectId, documentId, span(TEXT, "Critics"));
    const mine = await createAnnotation(ana, projectId, documentId, span(TEXT, "plan"));
    const elsewhere = await addDocument(projectId, "Another text entirely.");
    const far = await createAnnotation(ana, projectId, elsewhere, { kind: "claim", start: 0, end: 7, exact: "Another" });
    if (!theirs.ok || !mine.ok || !far.ok) throw new Error("setup failed");
    await deleteAnnotation(ana, projectId, documentId, mine.annotation.id, 1);
    await refused(span(TEXT, BRIDGE, { parentId: theirs.annotation.id }), 422, `Span ${theirs.annotation.id} is not one of your spans on this document`);
    await refused(span(TEXT, BRIDGE, { parentId: mine.annotation.id }), 422, `Span ${mine.annotation.id} has been deleted`);
    await refused(span(TEXT, BRIDGE, { parentId: far.annotation.id }), 422, "is not one of your spans on this document");
  });

  it("answers 404 for a document of another project, even to a member of both", async () => {
    const other = await project();
    await addMember(other, ana, "annotator");
    const otherDoc = await addDocument(other, "A document that lives in the other project.");
    await refused({ kind: "claim", start: 0, end: 1, exact: "A" }, 404, "does not exist, or you are not a member", ana, { projectId, documentId: otherDoc });
  });

  it("answers 404 to a non-member, and for a document that does not exist", async () => {
    const stranger = await reviewer();
    await refused(span(TEXT, BRIDGE), 404, "does not exist, or you are not a member", stranger);
    await refused(span(TEXT, BRIDGE), 404, "does not exist", ana, { projectId, documentId: 987_654 });
  });
});
