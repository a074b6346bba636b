// Check-then-write under two writers at once. Each case starts two real lib/server calls
// together (Promise.all), each in its own transaction: on PostgreSQL they run on two pooled
// connections and proceed in step, so both read before either writes, and only the row lock
// taken at the start of each (lib/server/locks.ts) makes the second one see what the first
// wrote. On SQLite the transaction gate runs them one after the other; the outcome must be the same.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { annotations, auditLog } from "@/db/tables";
import { createAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { assignDocument, autoAssignDocuments } from "@/lib/server/assignment-plan";
import { markDocumentDone } from "@/lib/server/assignments";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { addMember, admin, project, reviewer } from "./helpers";
import { assignmentsOf, newDocument } from "./members-helpers";

const TEXT = "The minister said the bridge will open in May, and the mayor agreed.";

let boss: SessionUser;
let mo: SessionUser;
let ana: SessionUser;
let ben: SessionUser;

beforeAll(async () => {
  boss = await admin();
  [mo, ana, ben] = [await reviewer("mo"), await reviewer("ana"), await reviewer("ben")];
});

async function team(): Promise<number> {
  const p = await project();
  await addMember(p, mo, "manager");
  await addMember(p, ana, "annotator");
  await addMember(p, ben, "annotator");
  return p;
}

async function span(p: number, doc: number, needle: string): Promise<AnnotationDto> {
  const start = TEXT.indexOf(needle);
  const result = await createAnnotation(ana, p, doc, { kind: "claim", start, end: start + needle.length, exact: needle });
  if (!result.ok) throw new Error(result.error);
  return result.annotation;
}

/** The audit entries about one entity kind, oldest first. */
const auditTrail = async (entity: string) =>
  await getDb().select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.entity, entity)).orderBy(asc(auditLog.id));

describe("two edits of one span at once", () => {
  it("made against the same version: one is saved, the other is told it is stale and shown the saved one", async () => {
    const p = await team();
    const doc = await newDocument(p, TEXT);
    const s = await span(p, doc, "minister");
    const results = await Promise.all(["first", "second"].map((note) => updateAnnotation(ana, p, doc, s.id, { version: s.version, note })));
    const won = results.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const saved = won[0]!.annotation;
    expect(saved.version).toBe(s.version + 1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, status: 409, code: "stale", current: { version: saved.version, note: saved.note } });
    const row = (await getDb().select().from(annotations).where(eq(annotations.id, s.id)))[0]!;
    expect({ version: row.version, note: row.note }).toEqual({ version: saved.version, note: saved.note });
    expect((await auditTrail("annotation")).filter((a) => a.entityId === s.id).map((a) => a.action)).toEqual(["create", "update"]);
  });

  it("that would nest two spans in each other: one is nested, the other is refused as a cycle", async () => {
    const p = await team();
    const doc = await newDocument(p, TEXT);
    const [a, b] = [await span(p, doc, "minister"), await span(p, doc, "bridge")];
    const results = await Promise.all([
      updateAnnotation(ana, p, doc, a.id, { version: a.version, parentId: b.id }),
      updateAnnotation(ana, p, doc, b.id, { version: b.version, parentId: a.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 422, error: "A span cannot be nested inside itself or inside a span nested in it." });
    const parents = await getDb().select({ id: annotations.id, parentId: annotations.parentId }).from(annotations).where(eq(annotations.documentId, doc));
    expect(parents.filter((r) => r.parentId !== null)).toHaveLength(1);
  });
});

describe("a span saved while its author marks the document done", () => {
  it("either lands before the layer is frozen or is refused as frozen, never after", async () => {
    const p = await team();
    const doc = await newDocument(p, TEXT);
    await span(p, doc, "minister");
    const needle = "mayor";
    const start = TEXT.indexOf(needle);
    const [created, done] = await Promise.all([
      createAnnotation(ana, p, doc, { kind: "claim", start, end: start + needle.length, exact: needle }),
      markDocumentDone(ana, p, doc),
    ]);
    expect(done).toMatchObject({ ok: true, status: "submitted" });
    if (!created.ok) expect(created).toMatchObject({ status: 409, code: "frozen" });
    // No span of the layer was created after it was marked done.
    const trail = await getDb()
      .select({ id: auditLog.id, action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.actorId, ana.id))
      .orderBy(asc(auditLog.id));
    const submitted = trail.filter((r) => r.action === "submit").at(-1)!.id;
    expect(trail.filter((r) => r.action === "create" && r.id > submitted)).toEqual([]);
  });
});

describe("two managers assigning at once", () => {
  it("auto-assigning different reviewers never gives a document more than its reviewer count", async () => {
    const p = await team();
    const docs = [await newDocument(p, TEXT), await newDocument(p)];
    const results = await Promise.all([
      autoAssignDocuments(boss, p, { perDocument: 1, userIds: [ana.id] }),
      autoAssignDocuments(mo, p, { perDocument: 1, userIds: [ben.id] }),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await assignmentsOf(p);
    expect(docs.map((d) => rows.filter((r) => r.documentId === d).length)).toEqual([1, 1]);
  });

  it("giving the same document to the same reviewer: one assigns it, the other is told it is already theirs", async () => {
    const p = await team();
    const doc = await newDocument(p, TEXT);
    const input = { documentId: doc, userId: ana.id };
    const results = await Promise.all([assignDocument(boss, p, input), assignDocument(mo, p, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "duplicate", error: expect.stringContaining("ana already has") });
    expect(await assignmentsOf(p)).toEqual([{ documentId: doc, userId: ana.id, status: "todo" }]);
    const assigned = results.find((r) => r.ok)!.assignmentId;
    expect((await auditTrail("assignment")).filter((a) => a.entityId === assigned)).toEqual([{ action: "assign", entityId: assigned }]);
  });
});
