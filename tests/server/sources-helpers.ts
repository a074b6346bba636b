// A project with a small sources registry and quotes in three documents of two outlets, for
// the Sources page's server tests. Spans are made through the real createAnnotation.
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, projects, sources } from "@/db/tables";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument } from "./outlets-helpers";
import { first, one } from "@/db/rows";

export const TEXT = "The mayor said the levy is fair. Critics said it is not.";
const QUOTE = "the levy is fair";
const CLAIM = "Critics";

export interface RegistryWorld {
  p: number;
  docs: number[];
  manager: SessionUser;
  adjudicator: SessionUser;
  ana: SessionUser;
  ben: SessionUser;
}

let worlds = 0;

export async function registryWorld(): Promise<RegistryWorld> {
  const n = ++worlds;
  const p = await project();
  const [manager, adjudicator, ana, ben] = [await reviewer(), await reviewer(), await reviewer(), await reviewer()];
  await addMember(p, manager, "manager");
  await addMember(p, adjudicator, "adjudicator");
  await addMember(p, ana, "annotator");
  await addMember(p, ben, "annotator");
  const docs = [
    (await addDocument(p, { text: `${TEXT} One ${n}.`, outlet: "Wire Service" })).documentId,
    (await addDocument(p, { text: `${TEXT} Two ${n}.`, outlet: "Harbor Ledger" })).documentId,
    (await addDocument(p, { text: `${TEXT} Three ${n}.`, outlet: "Wire Service" })).documentId,
  ];
  return { p, docs, manager, adjudicator, ana, ben };
}

export async function addSource(p: number, name: string, aliases: string[] = [], affiliation: string | null = null): Promise<number> {
  return (await one(getDb().insert(sources).values({ projectId: p, name, kind: "person", aliases, affiliation }).returning())).id;
}

/** A quote by `user` on `doc` naming `sourceId` (or none). */
export async function quote(user: SessionUser, p: number, doc: number, sourceId: number | null): Promise<number> {
  const start = TEXT.indexOf(QUOTE);
  const attributes = sourceId === null ? {} : { source_id: sourceId };
  const made = await createAnnotation(user, p, doc, { kind: "quote", start, end: start + QUOTE.length, exact: QUOTE, attributes });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

/** A claim by `user` on `doc` targeting `targets`. */
export async function claim(user: SessionUser, p: number, doc: number, targets: number[]): Promise<number> {
  const start = TEXT.indexOf(CLAIM);
  const made = await createAnnotation(user, p, doc, { kind: "claim", start, end: start + CLAIM.length, exact: CLAIM, attributes: { targets } });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

export async function remove(user: SessionUser, p: number, doc: number, id: number): Promise<void> {
  const gone = await deleteAnnotation(user, p, doc, id, (await span(id)).version);
  if (!gone.ok) throw new Error(gone.error);
}

export async function span(id: number): Promise<{ version: number; attributes: Record<string, unknown> }> {
  const row = (await first(
    getDb().select({ version: annotations.version, attributes: annotations.attributes }).from(annotations).where(eq(annotations.id, id)),
  ))!;
  return { version: row.version, attributes: row.attributes as Record<string, unknown> };
}

export async function sourceRow(id: number): Promise<typeof sources.$inferSelect | undefined> {
  return await first(getDb().select().from(sources).where(eq(sources.id, id)));
}

export async function setBlind(p: number, blindMode: boolean): Promise<void> {
  await getDb().update(projects).set({ settings: { blindMode } }).where(eq(projects.id, p));
}
