// A project with a small sources registry and quotes in three documents of two outlets, for
// the Sources page's server tests. Spans are made through the real createAnnotation.
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, projects, sources } from "@/db/schema";
import { createAnnotation, deleteAnnotation } from "@/lib/server/annotations";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument } from "./outlets-helpers";

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
  addMember(p, manager, "manager");
  addMember(p, adjudicator, "adjudicator");
  addMember(p, ana, "annotator");
  addMember(p, ben, "annotator");
  const docs = [
    addDocument(p, { text: `${TEXT} One ${n}.`, outlet: "Wire Service" }).documentId,
    addDocument(p, { text: `${TEXT} Two ${n}.`, outlet: "Harbor Ledger" }).documentId,
    addDocument(p, { text: `${TEXT} Three ${n}.`, outlet: "Wire Service" }).documentId,
  ];
  return { p, docs, manager, adjudicator, ana, ben };
}

export function addSource(p: number, name: string, aliases: string[] = [], affiliation: string | null = null): number {
  return getDb().insert(sources).values({ projectId: p, name, kind: "person", aliases, affiliation }).returning().get().id;
}

/** A quote by `user` on `doc` naming `sourceId` (or none). */
export function quote(user: SessionUser, p: number, doc: number, sourceId: number | null): number {
  const start = TEXT.indexOf(QUOTE);
  const attributes = sourceId === null ? {} : { source_id: sourceId };
  const made = createAnnotation(user, p, doc, { kind: "quote", start, end: start + QUOTE.length, exact: QUOTE, attributes });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

/** A claim by `user` on `doc` targeting `targets`. */
export function claim(user: SessionUser, p: number, doc: number, targets: number[]): number {
  const start = TEXT.indexOf(CLAIM);
  const made = createAnnotation(user, p, doc, { kind: "claim", start, end: start + CLAIM.length, exact: CLAIM, attributes: { targets } });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

export function remove(user: SessionUser, p: number, doc: number, id: number): void {
  const gone = deleteAnnotation(user, p, doc, id, span(id).version);
  if (!gone.ok) throw new Error(gone.error);
}

export function span(id: number): { version: number; attributes: Record<string, unknown> } {
  const row = getDb().select({ version: annotations.version, attributes: annotations.attributes }).from(annotations).where(eq(annotations.id, id)).get()!;
  return { version: row.version, attributes: row.attributes as Record<string, unknown> };
}

export function sourceRow(id: number): typeof sources.$inferSelect | undefined {
  return getDb().select().from(sources).where(eq(sources.id, id)).get();
}

export function setBlind(p: number, blindMode: boolean): void {
  getDb().update(projects).set({ settings: { blindMode } }).where(eq(projects.id, p)).run();
}
