// Editing a document's metadata after import: what is saved and audited, the refusal when the
// stored metadata changed since the form was loaded, that spans, versions and text are never
// touched while others annotate, and who may edit.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, auditLog, documents, outlets, stories } from "@/db/tables";
import { createAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { getDocumentDetails, updateDocumentMetadata } from "@/lib/server/document-edit";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { MetadataValues } from "@/lib/validation/documents";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const TEXT = "The council approved the levy. Critics called it reckless. The clerk said the vote was close.";

let manager: SessionUser;
let manager2: SessionUser;
let ana: SessionUser;
let judge: SessionUser;
let outsider: SessionUser;
let projectId: number;
let otherProjectId: number;
let n = 0;

async function newDocument(text = `${TEXT} Number ${++n}.`, pid = projectId): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, pid, [{ text }], {
    title: "Levy approved",
    outlet: "Harbour Times",
    story: "Levy vote",
    author: "Kim Writer",
    publishedAt: "2024-05-06",
    url: "https://harbour.test/levy",
  });
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

async function loaded(documentId: number, user = manager): Promise<MetadataValues> {
  const details = await getDocumentDetails(user, projectId, documentId);
  if (!details.ok) throw new Error(details.error);
  return details.details.values;
}

const audits = async (documentId: number) =>
  await getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "document"), eq(auditLog.entityId, documentId)))
    .orderBy(auditLog.id);
const row = async (documentId: number) => (await first(getDb().select().from(documents).where(eq(documents.id, documentId))))!;

beforeAll(async () => {
  manager = await admin();
  [manager2, ana, judge, outsider] = [await reviewer("mgr2"), await reviewer("ana"), await reviewer("judge"), await reviewer("outsider")];
  projectId = await project("Editing metadata");
  otherProjectId = await project("Someone else's");
  await addMember(projectId, manager2, "manager");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, judge, "adjudicator");
  await addMember(otherProjectId, outsider, "manager");
});

describe("a manager edits a document's metadata", () => {
  it("saves every field, reusing an existing outlet in any letter case, and audits before and after", async () => {
    const documentId = await newDocument();
    await getDb().insert(outlets).values({ name: "Quay Gazette" });
    const before = await loaded(documentId);
    expect(before).toEqual({
      title: "Levy approved",
      outlet: "Harbour Times",
      story: "Levy vote",
      author: "Kim Writer",
      publishedAt: "2024-05-06",
      url: "https://harbour.test/levy",
    });
    const input = {
      title: "Levy approved late at night",
      outlet: "quay gazette",
      story: "Harbour budget",
      author: "",
      publishedAt: "2024-05-07",
      url: "https://quay.test/a",
    };
    const result = await updateDocumentMetadata(manager, projectId, documentId, input, before);
    expect(result).toMatchObject({ ok: true, changed: ["title", "outlet", "story", "author", "publishedAt", "url"] });

    const saved = await row(documentId);
    expect(saved).toMatchObject({ title: "Levy approved late at night", author: null, publishedAt: "2024-05-07", url: "https://quay.test/a" });
    expect((await first(getDb().select().from(outlets).where(eq(outlets.id, saved.outletId!))))!.name).toBe("Quay Gazette");
    expect(await first(getDb().select().from(stories).where(eq(stories.id, saved.storyId!)))).toMatchObject({ name: "Harbour budget", projectId });
    expect(await getDb().select().from(outlets).where(eq(outlets.name, "quay gazette"))).toHaveLength(0);

    const entry = (await audits(documentId)).at(-1)!;
    expect(entry).toMatchObject({ action: "update", actorId: manager.id });
    expect(entry.before).toMatchObject({ ...before });
    expect(entry.after).toMatchObject({
      title: "Levy approved late at night",
      outlet: "Quay Gazette",
      story: "Harbour budget",
      author: "",
      publishedAt: "2024-05-07",
      createdStory: true,
      createdOutlet: false,
    });
  });

  it("clears the outlet and story when they are emptied, and writes nothing when nothing changed", async () => {
    const documentId = await newDocument();
    const values = await loaded(documentId);
    expect(await updateDocumentMetadata(manager, projectId, documentId, { ...values, outlet: "", story: "" }, values)).toMatchObject({ ok: true });
    expect(await row(documentId)).toMatchObject({ outletId: null, storyId: null });
    const auditCount = (await audits(documentId)).length;
    const now = await loaded(documentId);
    expect(await updateDocumentMetadata(manager, projectId, documentId, now, now)).toMatchObject({ ok: true, changed: [] });
    expect(await audits(documentId)).toHaveLength(auditCount);
  });

  it("refuses bad values field by field and writes nothing", async () => {
    const documentId = await newDocument();
    const values = await loaded(documentId);
    const result = await updateDocumentMetadata(
      manager,
      projectId,
      documentId,
      { ...values, title: "  ", publishedAt: "6 May 2024", url: "harbour.test" },
      values,
    );
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(Object.keys(result.fields!).sort()).toEqual(["publishedAt", "title", "url"]);
    expect(result.fields!.publishedAt).toMatch(/YYYY-MM-DD/);
    expect(await loaded(documentId)).toEqual(values);
  });
});

describe("two managers edit the same document", () => {
  it("refuses the later save when the stored metadata changed since its form was loaded, naming what changed", async () => {
    const documentId = await newDocument();
    const formA = await loaded(documentId);
    const formB = await loaded(documentId, manager2);
    expect(await updateDocumentMetadata(manager2, projectId, documentId, { ...formB, outlet: "Wire Desk", publishedAt: "2024-05-09" }, formB)).toMatchObject({
      ok: true,
    });
    const auditCount = (await audits(documentId)).length;

    const late = await updateDocumentMetadata(manager, projectId, documentId, { ...formA, title: "My new title" }, formA);
    expect(late).toMatchObject({ ok: false, status: 409, code: "stale", changed: ["outlet", "publishedAt"] });
    if (late.ok) return;
    expect(late.error).toContain("the outlet (now “Wire Desk”)");
    expect(late.error).toContain("the date (now “2024-05-09”)");
    expect(late.stored).toMatchObject({ outlet: "Wire Desk", title: "Levy approved" });
    expect((await row(documentId)).title).toBe("Levy approved");
    expect(await audits(documentId)).toHaveLength(auditCount);

    // Reloaded, the same edit goes through and keeps the other manager's outlet.
    expect(await updateDocumentMetadata(manager, projectId, documentId, { ...late.stored!, title: "My new title" }, late.stored)).toMatchObject({
      ok: true,
      changed: ["title"],
    });
  });
});

describe("editing the outlet while others annotate", () => {
  it("leaves spans, their versions and the text exactly as they were, and a reviewer's next save still applies", async () => {
    const documentId = await newDocument();
    const made = await createAnnotation(ana, projectId, documentId, { kind: "claim", start: 0, end: 29, exact: TEXT.slice(0, 29) });
    if (!made.ok) throw new Error(made.error);
    const spansBefore = await getDb().select().from(annotations).where(eq(annotations.documentId, documentId));
    const docBefore = await row(documentId);

    const values = await loaded(documentId);
    expect(await updateDocumentMetadata(manager, projectId, documentId, { ...values, outlet: "Another Outlet", story: "Another story" }, values)).toMatchObject(
      {
        ok: true,
      },
    );

    expect(await getDb().select().from(annotations).where(eq(annotations.documentId, documentId))).toEqual(spansBefore);
    const docAfter = await row(documentId);
    expect({ text: docAfter.text, sha: docAfter.textSha256, chars: docAfter.charCount }).toEqual({
      text: docBefore.text,
      sha: docBefore.textSha256,
      chars: docBefore.charCount,
    });
    // The reviewer's open tab still holds version 1, which the edit must not have bumped.
    const edited = await updateAnnotation(ana, projectId, documentId, made.annotation.id, { version: made.annotation.version, note: "checked" });
    expect(edited).toMatchObject({ ok: true, annotation: { version: 2, note: "checked" } });
    const added = await createAnnotation(ana, projectId, documentId, { kind: "opinion", start: 31, end: 57, exact: TEXT.slice(31, 57) });
    expect(added.ok).toBe(true);
  });
});

describe("who may edit", () => {
  it("answers 404 to a non-member, for an unknown document and for another project's document; 403 to an annotator or adjudicator", async () => {
    const documentId = await newDocument();
    const elsewhere = await newDocument(`${TEXT} elsewhere`, otherProjectId);
    const values = await loaded(documentId);
    const input = { ...values, title: "Hijacked" };
    expect(await updateDocumentMetadata(outsider, projectId, documentId, input, values)).toMatchObject({ ok: false, status: 404 });
    expect(await updateDocumentMetadata(ana, projectId, documentId, input, values)).toMatchObject({ ok: false, status: 403 });
    expect(await updateDocumentMetadata(judge, projectId, documentId, input, values)).toMatchObject({ ok: false, status: 403 });
    expect(await updateDocumentMetadata(manager, projectId, 987_654, input, values)).toMatchObject({ ok: false, status: 404 });
    expect(await updateDocumentMetadata(manager, projectId, elsewhere, input, values)).toMatchObject({ ok: false, status: 404 });
    expect(await updateDocumentMetadata(outsider, otherProjectId, documentId, input, values)).toMatchObject({ ok: false, status: 404 });
    expect((await row(documentId)).title).toBe("Levy approved");
    expect((await row(elsewhere)).title).toBe("Levy approved");

    expect(await getDocumentDetails(outsider, projectId, documentId)).toMatchObject({ ok: false, status: 404 });
    expect(await getDocumentDetails(ana, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    expect(await getDocumentDetails(judge, projectId, documentId)).toMatchObject({ ok: false, status: 403 });
    expect(await getDocumentDetails(manager, projectId, elsewhere)).toMatchObject({ ok: false, status: 404 });
    expect(await getDocumentDetails(ana, projectId, 987_654)).toMatchObject({ ok: false, status: 404 });
  });
});
