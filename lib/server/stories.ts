// Stories: the documents of a project about one event, compared side by side by outlet.
// Members read them; managers create, rename, describe and delete them and move documents
// in and out. Every write names the project, and the story and document must belong to it,
// so an id from another project is "not found", never edited.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, outlets, stories, type ProjectRole } from "@/db/tables";
import { firstIssue } from "@/lib/validation/ratings";
import { moveDocumentSchema, storySchema, type MoveDocumentInput, type StoryInput } from "@/lib/validation/stories";
import { fail, invalid, type Failure } from "./annotations/result";
import type { Conn } from "./annotations/scope";
import { recordAudit } from "./audit";
import { lockProject } from "./locks";
import { memberRole } from "./projects";
import type { SessionUser } from "./session";
import { first, one } from "@/db/rows";
import { foldCase } from "@/db/sql";

export interface StoryDocument {
  id: number;
  title: string;
  publishedAt: string | null;
  outletId: number | null;
  outletName: string | null;
}

/** One column of a story: an outlet (or no outlet) and its documents, oldest first. */
export interface OutletColumn {
  outletId: number | null;
  outletName: string | null;
  documents: StoryDocument[];
}

export interface StoryView {
  id: number;
  name: string;
  description: string;
  outlets: OutletColumn[];
}

export interface StoriesOverview {
  role: ProjectRole;
  stories: StoryView[];
  /** Documents in no story, by outlet, for a manager to group. */
  ungrouped: OutletColumn[];
}

export interface StoryDto {
  id: number;
  name: string;
  description: string;
}

export type StoryResult = { ok: true; story: StoryDto } | Failure;

const projectNotFound = (): Failure => fail(404, "not_found", "This project does not exist, or you are not a member of it.");
const storyNotFound = (): Failure => fail(404, "not_found", "This story does not exist in this project.");
const managersOnly = (): Failure => fail(403, "forbidden", "Only a manager of this project can change its stories.");

function byOutlet(docs: StoryDocument[]): OutletColumn[] {
  const columns = new Map<number | null, OutletColumn>();
  for (const doc of docs) {
    const column = columns.get(doc.outletId) ?? { outletId: doc.outletId, outletName: doc.outletName, documents: [] };
    column.documents.push(doc);
    columns.set(doc.outletId, column);
  }
  // Named outlets alphabetically; documents without an outlet last.
  return [...columns.values()].sort((a, b) => (a.outletName === null ? 1 : b.outletName === null ? -1 : a.outletName.localeCompare(b.outletName)));
}

/** Every story of the project with its documents by outlet; null for a non-member. */
export async function listStoriesForMember(user: SessionUser, projectId: number): Promise<StoriesOverview | null> {
  const role = await memberRole(user.id, projectId);
  if (role === null) return null;
  const db = getDb();
  const storyRows = await db
    .select({ id: stories.id, name: stories.name, description: stories.description })
    .from(stories)
    .where(eq(stories.projectId, projectId))
    .orderBy(asc(foldCase(stories.name)));
  const docs = await db
    .select({
      id: documents.id,
      title: documents.title,
      publishedAt: documents.publishedAt,
      outletId: documents.outletId,
      outletName: outlets.name,
      storyId: documents.storyId,
    })
    .from(documents)
    .leftJoin(outlets, eq(outlets.id, documents.outletId))
    .where(eq(documents.projectId, projectId))
    .orderBy(sql`${documents.publishedAt} is null`, asc(documents.publishedAt), asc(documents.id));
  const inStory = (storyId: number | null) => docs.filter((d) => d.storyId === storyId).map(({ storyId: _s, ...doc }) => doc);
  return { role, stories: storyRows.map((s) => ({ ...s, outlets: byOutlet(inStory(s.id)) })), ungrouped: byOutlet(inStory(null)) };
}

async function managerGuard(user: SessionUser, projectId: number): Promise<Failure | null> {
  const role = await memberRole(user.id, projectId);
  if (role === null) return projectNotFound();
  return role === "manager" ? null : managersOnly();
}

async function storyOf(conn: Conn, projectId: number, storyId: number): Promise<StoryDto | null> {
  return (
    (await first(
      conn
        .select({ id: stories.id, name: stories.name, description: stories.description })
        .from(stories)
        .where(and(eq(stories.id, storyId), eq(stories.projectId, projectId))),
    )) ?? null
  );
}

async function nameTaken(conn: Conn, projectId: number, name: string, exceptId: number): Promise<boolean> {
  const clash = await first(
    conn
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.projectId, projectId), eq(foldCase(stories.name), foldCase(name)), ne(stories.id, exceptId))),
  );
  return clash !== undefined;
}

const nameClash = (name: string): Failure => fail(409, "duplicate", `This project already has a story named “${name}”.`);

/** A manager's story name and description, checked; or why not. */
async function managersStory(
  user: SessionUser,
  projectId: number,
  input: StoryInput,
): Promise<{ ok: true; data: { name: string; description: string } } | Failure> {
  const refused = await managerGuard(user, projectId);
  if (refused !== null) return refused;
  const parsed = storySchema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : invalid(firstIssue(parsed.error));
}

export async function createStory(user: SessionUser, projectId: number, input: StoryInput): Promise<StoryResult> {
  const parsed = await managersStory(user, projectId, input);
  if (!parsed.ok) return parsed;
  return await getDb().transaction(
    async (tx): Promise<StoryResult> => {
      await lockProject(tx, projectId); // the name check holds until the insert, also on PostgreSQL
      if (await nameTaken(tx, projectId, parsed.data.name, -1)) return nameClash(parsed.data.name);
      const story = await one(
        tx
          .insert(stories)
          .values({ projectId, ...parsed.data })
          .returning({ id: stories.id, name: stories.name, description: stories.description }),
      );
      await recordAudit(tx, { actorId: user.id, action: "create", entity: "story", entityId: story.id, after: { ...story, projectId } });
      return { ok: true, story };
    },
    { behavior: "immediate" },
  );
}

/** Renames a story and rewrites its description. */
export async function updateStory(user: SessionUser, projectId: number, storyId: number, input: StoryInput): Promise<StoryResult> {
  const parsed = await managersStory(user, projectId, input);
  if (!parsed.ok) return parsed;
  return await getDb().transaction(
    async (tx): Promise<StoryResult> => {
      await lockProject(tx, projectId);
      const before = await storyOf(tx, projectId, storyId);
      if (before === null) return storyNotFound();
      if (await nameTaken(tx, projectId, parsed.data.name, storyId)) return nameClash(parsed.data.name);
      const story = (await first(
        tx.update(stories).set(parsed.data).where(eq(stories.id, storyId)).returning({ id: stories.id, name: stories.name, description: stories.description }),
      ))!;
      await recordAudit(tx, { actorId: user.id, action: "update", entity: "story", entityId: storyId, before, after: story });
      return { ok: true, story };
    },
    { behavior: "immediate" },
  );
}

async function setStory(conn: Conn, actorId: number, documentId: number, from: number | null, to: number | null): Promise<void> {
  await conn.update(documents).set({ storyId: to }).where(eq(documents.id, documentId));
  await recordAudit(conn, { actorId, action: "move_story", entity: "document", entityId: documentId, before: { storyId: from }, after: { storyId: to } });
}

/** Deletes a story; its documents stay in the project, in no story (each move audited). */
export async function deleteStory(user: SessionUser, projectId: number, storyId: number): Promise<{ ok: true; ungrouped: number } | Failure> {
  const refused = await managerGuard(user, projectId);
  if (refused !== null) return refused;
  return await getDb().transaction(async (tx): Promise<{ ok: true; ungrouped: number } | Failure> => {
    const before = await storyOf(tx, projectId, storyId);
    if (before === null) return storyNotFound();
    const members = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.storyId, storyId), eq(documents.projectId, projectId)));
    for (const doc of members) await setStory(tx, user.id, doc.id, storyId, null);
    await tx.delete(stories).where(eq(stories.id, storyId));
    await recordAudit(tx, {
      actorId: user.id,
      action: "delete",
      entity: "story",
      entityId: storyId,
      before: { ...before, documentIds: members.map((d) => d.id) },
    });
    return { ok: true, ungrouped: members.length };
  });
}

/** Puts a document into a story of the same project, or (storyId empty) into none. */
export async function moveDocumentToStory(
  user: SessionUser,
  projectId: number,
  input: MoveDocumentInput,
): Promise<{ ok: true; storyId: number | null } | Failure> {
  const refused = await managerGuard(user, projectId);
  if (refused !== null) return refused;
  const parsed = moveDocumentSchema.safeParse(input);
  if (!parsed.success) return invalid(firstIssue(parsed.error));
  const { documentId, storyId } = parsed.data;
  return await getDb().transaction(async (tx): Promise<{ ok: true; storyId: number | null } | Failure> => {
    const doc = await first(
      tx
        .select({ storyId: documents.storyId })
        .from(documents)
        .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))),
    );
    if (doc === undefined) return fail(404, "not_found", "This document does not exist in this project.");
    if (storyId !== null && (await storyOf(tx, projectId, storyId)) === null) return storyNotFound();
    if (doc.storyId !== storyId) await setStory(tx, user.id, documentId, doc.storyId, storyId);
    return { ok: true, storyId };
  });
}
