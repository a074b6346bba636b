// Outlets (shared by all projects, so one outlet's profile gathers all its coverage) and
// stories (per project: the unit of comparison across sources).
import { and, asc, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { getDb } from "@/db";
import { outlets, stories } from "@/db/tables";
import { first, one } from "@/db/rows";
import { foldCase } from "@/db/sql";

type Tx = Pick<DB, "select" | "insert">;

export interface NamedRow {
  id: number;
  name: string;
}

export async function listOutlets(): Promise<NamedRow[]> {
  return getDb().select({ id: outlets.id, name: outlets.name }).from(outlets).orderBy(asc(outlets.name));
}

export async function listStories(projectId: number): Promise<NamedRow[]> {
  return getDb().select({ id: stories.id, name: stories.name }).from(stories).where(eq(stories.projectId, projectId)).orderBy(asc(stories.name));
}

/** The outlet with this name (any letter case), created on the spot when new. */
export async function findOrCreateOutlet(tx: Tx, name: string, domain?: string): Promise<{ id: number; created: boolean }> {
  const existing = await first(
    tx
      .select({ id: outlets.id })
      .from(outlets)
      .where(eq(foldCase(outlets.name), foldCase(name))),
  );
  if (existing !== undefined) return { id: existing.id, created: false };
  const row = await one(
    tx
      .insert(outlets)
      .values({ name, domain: domain ?? null })
      .returning({ id: outlets.id }),
  );
  return { id: row.id, created: true };
}

export async function findOrCreateStory(tx: Tx, projectId: number, name: string): Promise<{ id: number; created: boolean }> {
  const existing = await first(
    tx
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.projectId, projectId), eq(foldCase(stories.name), foldCase(name)))),
  );
  if (existing !== undefined) return { id: existing.id, created: false };
  const row = await one(tx.insert(stories).values({ projectId, name }).returning({ id: stories.id }));
  return { id: row.id, created: true };
}
