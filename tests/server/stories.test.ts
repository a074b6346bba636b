// Stories: managers group a project's documents about one event; members compare them by outlet.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, documents, stories } from "@/db/tables";
import type { SessionUser } from "@/lib/server/session";
import { createStory, deleteStory, listStoriesForMember, moveDocumentToStory, updateStory } from "@/lib/server/stories";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, snapshotCounts } from "./outlets-helpers";
import { first } from "@/db/rows";

let mia: SessionUser;
let ana: SessionUser;
let stranger: SessionUser;
let projectId: number;
let otherProject: number;
let wire: number;
let untagged: number;

const storyOfDocument = async (id: number) =>
  (await first(getDb().select({ storyId: documents.storyId }).from(documents).where(eq(documents.id, id))))!.storyId;

beforeAll(async () => {
  [mia, ana, stranger] = [await reviewer("mia"), await reviewer("ana"), await reviewer("sam")];
  projectId = await project();
  otherProject = await project();
  await addMember(projectId, mia, "manager");
  await addMember(projectId, ana, "annotator");
  await addMember(otherProject, mia, "manager");
  wire = (await addDocument(projectId, { outlet: "Coastal Wire", title: "Levy approved", story: "Water levy" })).documentId;
  await addDocument(projectId, { outlet: "Harbor Ledger", title: "A bet on water", story: "Water levy" });
  untagged = (await addDocument(projectId, { title: "Letters page" })).documentId;
});

describe("reading stories", () => {
  it("shows members each story's documents side by side by outlet, and the ungrouped ones", async () => {
    const overview = (await listStoriesForMember(ana, projectId))!;
    expect(overview.role).toBe("annotator");
    expect(overview.stories).toHaveLength(1);
    expect(overview.stories[0]!.outlets.map((c) => [c.outletName, c.documents.map((d) => d.title)])).toEqual([
      ["Coastal Wire", ["Levy approved"]],
      ["Harbor Ledger", ["A bet on water"]],
    ]);
    expect(overview.ungrouped.map((c) => [c.outletName, c.documents.map((d) => d.id)])).toEqual([[null, [untagged]]]);
  });

  it("gives a non-member null", async () => {
    expect(await listStoriesForMember(stranger, projectId)).toBeNull();
  });
});

describe("managing stories", () => {
  let storyId: number;

  it("lets a manager create a story, audited", async () => {
    const result = await createStory(mia, projectId, { name: "  Plant delays ", description: "The contractor's timeline." });
    expect(result).toMatchObject({ ok: true, story: { name: "Plant delays", description: "The contractor's timeline." } });
    if (!result.ok) return;
    storyId = result.story.id;
    expect(
      await first(
        getDb()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entity, "story"), eq(auditLog.entityId, storyId))),
      ),
    ).toMatchObject({ action: "create" });
  });

  it("lets a manager rename and describe it, audited with before and after", async () => {
    expect(await updateStory(mia, projectId, storyId, { name: "Plant delayed", description: "Two years late." })).toMatchObject({
      ok: true,
      story: { name: "Plant delayed" },
    });
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "story"), eq(auditLog.action, "update"))),
    );
    expect(entry).toMatchObject({ before: { name: "Plant delays" }, after: { name: "Plant delayed", description: "Two years late." } });
  });

  it("moves a document into a story and back out, auditing each move", async () => {
    expect(await moveDocumentToStory(mia, projectId, { documentId: untagged, storyId })).toEqual({ ok: true, storyId });
    expect(await storyOfDocument(untagged)).toBe(storyId);
    expect(await moveDocumentToStory(mia, projectId, { documentId: String(untagged), storyId: "" })).toEqual({ ok: true, storyId: null });
    expect(await storyOfDocument(untagged)).toBeNull();
    const moves = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "document"), eq(auditLog.action, "move_story"), eq(auditLog.entityId, untagged)));
    expect(moves.map((m) => [m.before, m.after])).toEqual([
      [{ storyId: null }, { storyId }],
      [{ storyId }, { storyId: null }],
    ]);
  });

  it("deletes a story and un-groups its documents, which stay in the project", async () => {
    await moveDocumentToStory(mia, projectId, { documentId: untagged, storyId });
    expect(await deleteStory(mia, projectId, storyId)).toEqual({ ok: true, ungrouped: 1 });
    expect(await storyOfDocument(untagged)).toBeNull();
    expect(await first(getDb().select().from(stories).where(eq(stories.id, storyId)))).toBeUndefined();
    expect(
      await first(
        getDb()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entity, "story"), eq(auditLog.action, "delete"))),
      ),
    ).toMatchObject({
      before: { name: "Plant delayed", documentIds: [untagged] },
    });
  });

  it("refuses annotators, non-members, empty names and duplicate names, writing nothing", async () => {
    const levy = (await listStoriesForMember(mia, projectId))!.stories[0]!.id;
    const before = await snapshotCounts(stories);
    expect(await createStory(ana, projectId, { name: "Mine" })).toMatchObject({ ok: false, status: 403 });
    expect(await createStory(stranger, projectId, { name: "Mine" })).toMatchObject({ ok: false, status: 404 });
    expect(await createStory(mia, projectId, { name: "   " })).toEqual({ ok: false, status: 422, code: "invalid", error: "Give the story a name." });
    expect(await createStory(mia, projectId, { name: "WATER LEVY" })).toMatchObject({
      ok: false,
      status: 409,
      error: "This project already has a story named “WATER LEVY”.",
    });
    expect(await updateStory(ana, projectId, levy, { name: "Renamed" })).toMatchObject({ ok: false, status: 403 });
    expect(await deleteStory(ana, projectId, levy)).toMatchObject({ ok: false, status: 403 });
    expect(await moveDocumentToStory(ana, projectId, { documentId: wire, storyId: "" })).toMatchObject({ ok: false, status: 403 });
    expect(await snapshotCounts(stories)).toEqual(before);
    expect(await storyOfDocument(wire)).toBe(levy);
  });

  it("treats a story or document of another project as not found, even for its own manager", async () => {
    const foreign = await createStory(mia, otherProject, { name: "Elsewhere" });
    if (!foreign.ok) throw new Error(foreign.error);
    const foreignDoc = (await addDocument(otherProject)).documentId;
    const before = await snapshotCounts(stories);
    expect(await updateStory(mia, projectId, foreign.story.id, { name: "Hijacked" })).toMatchObject({
      ok: false,
      status: 404,
      error: "This story does not exist in this project.",
    });
    expect(await deleteStory(mia, projectId, foreign.story.id)).toMatchObject({ ok: false, status: 404 });
    expect(await moveDocumentToStory(mia, projectId, { documentId: wire, storyId: foreign.story.id })).toMatchObject({ ok: false, status: 404 });
    expect(await moveDocumentToStory(mia, projectId, { documentId: foreignDoc, storyId: "" })).toMatchObject({ ok: false, status: 404 });
    expect(await snapshotCounts(stories)).toEqual(before);
    expect((await first(getDb().select().from(stories).where(eq(stories.id, foreign.story.id))))?.name).toBe("Elsewhere");
    expect(await storyOfDocument(wire)).not.toBe(foreign.story.id);
  });
});
