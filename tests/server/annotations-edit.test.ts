// Editing, deleting and restoring spans: owners only, against the version they saw, never
// on a frozen layer, and every change in the audit log with before and after.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, auditLog } from "@/db/tables";
import { annotationHistory, createAnnotation, deleteAnnotation, listAnnotations, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { writeIfVersion } from "@/lib/server/annotations/own-span";
import { markDocumentDone, reopenDocument } from "@/lib/server/assignments";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const TEXT = "The minister said the bridge will open in May. Critics called the plan reckless and costly.";

async function addDocument(projectId: number, text: string): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], {});
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

let manager: SessionUser;
let ana: SessionUser;
let bo: SessionUser;
let projectId: number;
let documentId: number;

beforeAll(async () => {
  manager = await admin();
  ana = await reviewer("ana");
  bo = await reviewer("bo");
  projectId = await project();
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  documentId = await addDocument(projectId, TEXT);
});

async function claim(user: SessionUser, exact: string, docId = documentId): Promise<AnnotationDto> {
  const start = TEXT.indexOf(exact);
  const result = await createAnnotation(user, projectId, docId, { kind: "claim", start, end: start + exact.length, exact });
  if (!result.ok) throw new Error(result.error);
  return result.annotation;
}

const stored = async (id: number) => (await first(getDb().select().from(annotations).where(eq(annotations.id, id))))!;
const auditCount = async (id: number) =>
  (await first(
    getDb()
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entity, "annotation"), eq(auditLog.entityId, id))),
  ))!.n;

describe("editing a span", () => {
  it("bumps the version, keeps fields not sent, and audits before and after", async () => {
    const span = await claim(ana, "the bridge will open in May");
    const result = await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, note: "check the date", attributes: { certainty: "probable" } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.annotation).toMatchObject({
      version: 2,
      note: "check the date",
      exact: span.exact,
      start: span.start,
      attributes: { certainty: "probable" },
    });
    const entry = (await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, span.id), eq(auditLog.action, "update"))),
    ))!;
    expect(entry.before).toMatchObject({ version: 1, note: "" });
    expect(entry.after).toMatchObject({ version: 2, note: "check the date" });
  });

  it("moves a span only with the matching exact, and recomputes prefix and suffix", async () => {
    const span = await claim(ana, "open in May");
    const moved = TEXT.indexOf("in May");
    const without = await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, start: moved, end: moved + 6 });
    expect(without).toMatchObject({ ok: false, status: 422 });
    expect(!without.ok && without.error).toContain("the text there is “in May”, not “open in May”");
    const result = await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, start: moved, end: moved + 6, exact: "in May" });
    expect(result.ok && [result.annotation.exact, result.annotation.prefix.endsWith("will open "), result.annotation.version]).toEqual(["in May", true, 2]);
  });

  it("checks attributes against the resulting kind", async () => {
    const span = await claim(ana, "Critics called");
    const before = await stored(span.id);
    const result = await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, kind: "opinion", attributes: { checkworthy: "yes" } });
    expect(result).toMatchObject({ ok: false, status: 422, error: expect.stringContaining("unknown attribute “checkworthy”") });
    expect(await stored(span.id)).toEqual(before);
    expect((await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, kind: "opinion", attributes: { sentiment: -2 } })).ok).toBe(true);
  });

  it("refuses nesting a span inside its own child", async () => {
    const outer = await claim(ana, "said the bridge will open");
    const start = TEXT.indexOf("bridge");
    const inner = await createAnnotation(ana, projectId, documentId, { kind: "claim", start, end: start + 6, exact: "bridge", parentId: outer.id });
    if (!inner.ok) throw new Error(inner.error);
    const result = await updateAnnotation(ana, projectId, documentId, outer.id, { version: 1, parentId: inner.annotation.id });
    expect(result).toMatchObject({ ok: false, status: 422, error: expect.stringContaining("cannot be nested inside itself") });
  });

  it("refuses another reviewer's span: 403 not_owner to a manager, 404 to a blind annotator; nothing changes", async () => {
    const span = await claim(ana, "plan reckless");
    const before = await stored(span.id);
    expect(await updateAnnotation(manager, projectId, documentId, span.id, { version: 1, note: "x" })).toMatchObject({
      ok: false,
      status: 403,
      code: "not_owner",
      error: "This span belongs to another reviewer.",
    });
    expect(await updateAnnotation(bo, projectId, documentId, span.id, { version: 1, note: "x" })).toMatchObject({ ok: false, status: 404 });
    expect(await deleteAnnotation(manager, projectId, documentId, span.id, 1)).toMatchObject({ status: 403, code: "not_owner" });
    expect(await stored(span.id)).toEqual(before);
    expect(await auditCount(span.id)).toBe(1);
  });

  it("refuses a stale version with 409, the message, and the current span; nothing changes", async () => {
    const span = await claim(ana, "reckless and costly");
    await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, note: "first tab" });
    const before = await stored(span.id);
    const result = await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, note: "second tab" });
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      code: "stale",
      error: "This span was changed in another tab or by another action. Reload to see the latest version.",
      current: { id: span.id, version: 2, note: "first tab" },
    });
    expect(await stored(span.id)).toEqual(before);
    expect(await auditCount(span.id)).toBe(2);
  });

  it("lets exactly one of two updates made against the same version win", async () => {
    const span = await claim(ana, "The minister");
    const results = [
      await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, note: "A" }),
      await updateAnnotation(ana, projectId, documentId, span.id, { version: 1, note: "B" }),
    ];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "stale")).toHaveLength(1);
    expect(await stored(span.id)).toMatchObject({ version: 2, note: "A" });
  });

  it("writes a row only if its version is still the one read (UPDATE … WHERE version = ?)", async () => {
    const span = await claim(ana, "minister said");
    // Two writers that both read version 1 before either wrote: the second changes nothing.
    expect(await writeIfVersion(getDb(), span.id, 1, { note: "first" })).toBe(true);
    expect(await writeIfVersion(getDb(), span.id, 1, { note: "second" })).toBe(false);
    expect(await stored(span.id)).toMatchObject({ version: 2, note: "first" });
  });
});

describe("deleting, restoring and the span's history", () => {
  it("soft-deletes, restores, and keeps every step in the audit log with before and after", async () => {
    const span = await claim(ana, "called the plan");
    expect(await deleteAnnotation(ana, projectId, documentId, span.id, 2)).toMatchObject({ ok: false, code: "stale" });
    const deleted = await deleteAnnotation(ana, projectId, documentId, span.id, 1);
    expect(deleted.ok && deleted.annotation.deletedAt).not.toBeNull();
    expect((await stored(span.id)).deletedAt).toBeInstanceOf(Date);
    expect((await listAnnotations(ana, projectId, documentId))!.map((a) => a.id)).not.toContain(span.id);
    expect((await listAnnotations(ana, projectId, documentId, { includeDeleted: true }))!.map((a) => a.id)).toContain(span.id);
    expect(await deleteAnnotation(ana, projectId, documentId, span.id, 2)).toMatchObject({ status: 404 });
    expect(await updateAnnotation(ana, projectId, documentId, span.id, { version: 2, note: "x" })).toMatchObject({ status: 404 });

    expect(await restoreAnnotation(manager, projectId, documentId, span.id)).toMatchObject({ status: 403, code: "not_owner" });
    const restored = await restoreAnnotation(ana, projectId, documentId, span.id);
    expect(restored.ok && [restored.annotation.deletedAt, restored.annotation.version]).toEqual([null, 3]);
    expect(await restoreAnnotation(ana, projectId, documentId, span.id)).toMatchObject({ status: 409, code: "not_deleted", current: { version: 3 } });

    const history = (await annotationHistory(ana, projectId, documentId, span.id))!;
    expect(history.map((h) => [h.action, h.actorName])).toEqual([
      ["create", "ana"],
      ["delete", "ana"],
      ["restore", "ana"],
    ]);
    expect(history[1]).toMatchObject({ before: { version: 1, deletedAt: null }, after: { version: 2, deletedAt: expect.any(String) } });
    expect(history[2]).toMatchObject({ before: { version: 2, deletedAt: expect.any(String) }, after: { version: 3, deletedAt: null } });
    expect(await annotationHistory(manager, projectId, documentId, span.id)).toHaveLength(3);
  });
});

describe("a layer marked done is frozen until a manager reopens it", () => {
  it("refuses create, edit, delete and restore with 409 frozen, writing nothing, then accepts them after reopen", async () => {
    const cy = await reviewer();
    await addMember(projectId, cy, "annotator");
    const docId = await addDocument(projectId, `${TEXT} Frozen copy.`);
    const live = await claim(cy, "Critics", docId);
    const gone = await claim(cy, "minister", docId);
    await deleteAnnotation(cy, projectId, docId, gone.id, 1);
    expect((await markDocumentDone(cy, projectId, docId)).ok).toBe(true);

    const rows = () => getDb().select().from(annotations).where(eq(annotations.documentId, docId));
    const before = await rows();
    const frozen = { ok: false, status: 409, code: "frozen", error: "You marked this document done; ask a manager to reopen it." };
    expect(await createAnnotation(cy, projectId, docId, { kind: "claim", start: 0, end: 3, exact: "The" })).toEqual(frozen);
    expect(await updateAnnotation(cy, projectId, docId, live.id, { version: 1, note: "late" })).toEqual(frozen);
    expect(await deleteAnnotation(cy, projectId, docId, live.id, 1)).toEqual(frozen);
    expect(await restoreAnnotation(cy, projectId, docId, gone.id)).toEqual(frozen);
    expect(await rows()).toEqual(before);

    expect(await reopenDocument(cy, projectId, docId, cy.id)).toMatchObject({ ok: false, status: 403 });
    expect(await reopenDocument(manager, projectId, docId, cy.id)).toEqual({ ok: true, userId: cy.id, status: "in_progress" });
    expect((await updateAnnotation(cy, projectId, docId, live.id, { version: 1, note: "after reopen" })).ok).toBe(true);
  });
});
