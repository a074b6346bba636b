// Stories: managers group a project's documents about one event; members compare them by outlet.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, documents, stories } from "@/db/schema";
import type { SessionUser } from "@/lib/server/session";
import { createStory, deleteStory, listStoriesForMember, moveDocumentToStory, updateStory } from "@/lib/server/stories";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, snapshotCounts } from "./outlets-helpers";

let mia: SessionUser;
let ana: SessionUser;
let stranger: SessionUser;
let projectId: number;
let otherProject: number;
let wire: number;
let untagged: number;

const storyOfDocument = (id: number) => getDb().select({ storyId: documents.storyId }).from(documents).where(eq(documents.id, id)).get()!.storyId;

beforeAll(async () => {
  [mia, ana, stranger] = [await reviewer("mia"), await reviewer("ana"), await reviewer("sam")];
  projectId = await project();
  otherProject = await project();
  addMember(projectId, mia, "manager");
  addMember(projectId, ana, "annotator");
  addMember(otherProject, mia, "manager");
  wire = addDocument(projectId, { outlet: "Coastal Wire", title: "Levy approved", story: "Water levy" }).documentId;
  addDocument(projectId, { outlet: "Harbor Ledger", title: "A bet on water", story: "Water levy" });
  untagged = addDocument(projectId, { title: "Letters page" }).documentId;
});

describe("reading stories", () => {
  it("shows members each story's documents side by side by outlet, and the ungrouped ones", () => {
    const overview = listStoriesForMember(ana, projectId)!;
    expect(overview.role).toBe("annotator");
    expect(overview.stories).toHaveLength(1);
    expect(overview.stories[0]!.outlets.map((c) => [c.outletName, c.documents.map((d) => d.title)])).toEqual([
      ["Coastal Wire", ["Levy approved"]],
      ["Harbor Ledger", ["A bet on water"]],
    ]);
    expect(overview.ungrouped.map((c) => [c.outletName, c.documents.map((d) => d.id)])).toEqual([[null, [untagged]]]);
  });

  it("gives a non-member null", () => {
    expect(listStoriesForMember(stranger, projectId)).toBeNull();
  });
});

describe("managing stories", () => {
  let storyId: number;

  it("lets a manager create a story, audited", () => {
    const result = createStory(mia, projectId, { name: "  Plant delays ", description: "The contractor's timeline." });
    expect(result).toMatchObject({ ok: true, story: { name: "Plant delays", description: "The contractor's timeline." } });
    if (!result.ok) return;
    storyId = result.story.id;
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "story"), eq(auditLog.entityId, storyId)))
        .get(),
    ).toMatchObject({ action: "create" });
  });

  it("lets a manager rename and describe it, audited with before and after", () => {
    expect(updateStory(mia, projectId, storyId, { name: "Plant delayed", description: "Two years late." })).toMatchObject({
      ok: true,
      story: { name: "Plant delayed" },
    });
    const entry = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "story"), eq(auditLog.action, "update")))
      .get();
    expect(entry).toMatchObject({ before: { name: "Plant delays" }, after: { name: "Plant delayed", description: "Two years late." } });
  });

  it("moves a document into a story and back out, auditing each move", () => {
    expect(moveDocumentToStory(mia, projectId, { documentId: untagged, storyId })).toEqual({ ok: true, storyId });
    expect(storyOfDocument(untagged)).toBe(storyId);
    expect(moveDocumentToStory(mia, projectId, { documentId: String(untagged), storyId: "" })).toEqual({ ok: true, storyId: null });
    expect(storyOfDocument(untagged)).toBeNull();
    const moves = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "document"), eq(auditLog.action, "move_story"), eq(auditLog.entityId, untagged)))
      .all();
    expect(moves.map((m) => [m.before, m.after])).toEqual([
      [{ storyId: null }, { storyId }],
      [{ storyId }, { storyId: null }],
    ]);
  });

  it("deletes a story and un-groups its documents, which stay in the project", () => {
    moveDocumentToStory(mia, projectId, { documentId: untagged, storyId });
    expect(deleteStory(mia, projectId, storyId)).toEqual({ ok: true, ungrouped: 1 });
    expect(storyOfDocument(untagged)).toBeNull();
    expect(getDb().select().from(stories).where(eq(stories.id, storyId)).get()).toBeUndefined();
    expect(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "story"), eq(auditLog.action, "delete")))
        .get(),
    ).toMatchObject({
      before: { name: "Plant delayed", documentIds: [untagged] },
    });
  });

  it("refuses annotators, non-members, empty names and duplicate names, writing nothing", () => {
    const levy = listStoriesForMember(mia, projectId)!.stories[0]!.id;
    const before = snapshotCounts(stories);
    expect(createStory(ana, projectId, { name: "Mine" })).toMatchObject({ ok: false, status: 403 });
    expect(createStory(stranger, projectId, { name: "Mine" })).toMatchObject({ ok: false, status: 404 });
    expect(createStory(mia, projectId, { name: "   " })).toEqual({ ok: false, status: 422, code: "invalid", error: "Give the story a name." });
    expect(createStory(mia, projectId, { name: "WATER LEVY" })).toMatchObject({
      ok: false,
      status: 409,
      error: "This project already has a story named “WATER LEVY”.",
    });
    expect(updateStory(ana, projectId, levy, { name: "Renamed" })).toMatchObject({ ok: false, status: 403 });
    expect(deleteStory(ana, projectId, levy)).toMatchObject({ ok: false, status: 403 });
    expect(moveDocumentToStory(ana, projectId, { documentId: wire, storyId: "" })).toMatchObject({ ok: false, status: 403 });
    expect(snapshotCounts(stories)).toEqual(before);
    expect(storyOfDocument(wire)).toBe(levy);
  });

  it("treats a story or document of another project as not found, even for its own manager", () => {
    const foreign = createStory(mia, otherProject, { name: "Elsewhere" });
    if (!foreign.ok) throw new Error(foreign.error);
    const foreignDoc = addDocument(otherProject).documentId;
    const before = snapshotCounts(stories);
    expect(updateStory(mia, projectId, foreign.story.id, { name: "Hijacked" })).toMatchObject({
      ok: false,
      status: 404,
      error: "This story does not exist in this project.",
    });
    expect(deleteStory(mia, projectId, foreign.story.id)).toMatchObject({ ok: false, status: 404 });
    expect(moveDocumentToStory(mia, projectId, { documentId: wire, storyId: foreign.story.id })).toMatchObject({ ok: false, status: 404 });
    expect(moveDocumentToStory(mia, projectId, { documentId: foreignDoc, storyId: "" })).toMatchObject({ ok: false, status: 404 });
    expect(snapshotCounts(stories)).toEqual(before);
    expect(getDb().select().from(stories).where(eq(stories.id, foreign.story.id)).get()?.name).toBe("Elsewhere");
    expect(storyOfDocument(wire)).not.toBe(foreign.story.id);
  });
});
