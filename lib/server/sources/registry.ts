// Sources: the speakers and entities quoted, per project, linked across documents and
// outlets. Any member may look them up and add one while annotating a quote.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { projectMembers, sources } from "@/db/schema";
import type { NewSourceInput, SourceDto } from "@/lib/validation/annotations";
import { rankSources } from "@/lib/sources/near-match";
import { fail, type Failure } from "../annotations/result";
import type { Conn } from "../annotations/scope";
import { recordAudit } from "../audit";
import type { SessionUser } from "../session";

export type { SourceDto };

export type CreateSourceResult = { ok: true; source: SourceDto } | (Failure & { existing?: SourceDto });

export const sourceColumns = {
  id: sources.id,
  name: sources.name,
  kind: sources.kind,
  affiliation: sources.affiliation,
  description: sources.description,
  aliases: sources.aliases,
};

const isMember = (user: SessionUser, projectId: number) =>
  sql`exists (select 1 from ${projectMembers} where ${projectMembers.projectId} = ${projectId} and ${projectMembers.userId} = ${user.id})`;

function memberSources(user: SessionUser, projectId: number): SourceDto[] {
  return getDb()
    .select(sourceColumns)
    .from(sources)
    .where(and(eq(sources.projectId, projectId), isMember(user, projectId)))
    .all();
}

/**
 * Sources whose name or an alias matches `q`, closest first (lib/sources/near-match: whole
 * words, word order, diacritics and letter case do not matter; a bare substring ranks last),
 * then by name. Matching happens here rather than in SQL because SQLite's LIKE and lower()
 * fold only ASCII, and source names are often not (Émile, Ἀθῆναι, Ирина). A project holds at
 * most a few thousand sources, so one indexed read per keystroke is cheap. Null for non-members.
 */
export function searchSources(user: SessionUser, projectId: number, q: string, limit = 10): SourceDto[] | null {
  const rows = memberSources(user, projectId);
  // No rows means no sources yet or no membership; only then is the second question needed.
  if (rows.length === 0 && !isProjectMember(user, projectId)) return null;
  return rankSources(q, rows)
    .slice(0, Math.max(1, Math.min(limit, 50)))
    .map(({ match: _match, ...source }) => source);
}

export function isProjectMember(user: SessionUser, projectId: number): boolean {
  return (
    getDb()
      .select({ one: sql`1` })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, user.id)))
      .get() !== undefined
  );
}

export function getSource(user: SessionUser, projectId: number, sourceId: number): SourceDto | null {
  return (
    getDb()
      .select(sourceColumns)
      .from(sources)
      .where(and(eq(sources.id, sourceId), eq(sources.projectId, projectId), isMember(user, projectId)))
      .get() ?? null
  );
}

/** Names of the given sources, for labelling spans; ids outside the project are left out. */
export function sourceNamesFor(user: SessionUser, projectId: number, ids: number[]): Record<number, string> {
  if (ids.length === 0) return {};
  const rows = getDb()
    .select({ id: sources.id, name: sources.name })
    .from(sources)
    .where(and(inArray(sources.id, ids), eq(sources.projectId, projectId), isMember(user, projectId)))
    .all();
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The ids among `ids` that are not sources of this project, in the order given. */
export function missingSourceIds(conn: Conn, projectId: number, ids: number[]): number[] {
  if (ids.length === 0) return [];
  const found = new Set(
    conn
      .select({ id: sources.id })
      .from(sources)
      .where(and(inArray(sources.id, ids), eq(sources.projectId, projectId)))
      .all()
      .map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}

export function sourceByName(conn: Conn, projectId: number, name: string): SourceDto | null {
  return (
    conn
      .select(sourceColumns)
      .from(sources)
      .where(and(eq(sources.projectId, projectId), sql`lower(${sources.name}) = lower(${name})`))
      .get() ?? null
  );
}

function duplicate(existing: SourceDto): Failure & { existing: SourceDto } {
  return {
    ...fail(409, "duplicate", `A source named “${existing.name}” already exists in this project; pick it instead.`),
    existing,
  };
}

/** Any member adds a source. A name already in the project (any letter case) is refused with the existing source. */
export function createSource(user: SessionUser, projectId: number, input: NewSourceInput): CreateSourceResult {
  if (!isProjectMember(user, projectId)) {
    return fail(404, "not_found", "This project does not exist, or you are not a member of it.");
  }
  try {
    return getDb().transaction(
      (tx): CreateSourceResult => {
        const existing = sourceByName(tx, projectId, input.name.trim());
        if (existing !== null) return duplicate(existing);
        const values = {
          projectId,
          name: input.name.trim(),
          kind: input.kind,
          affiliation: input.affiliation || null,
          description: input.description ?? "",
        };
        const source = tx.insert(sources).values(values).returning(sourceColumns).get();
        recordAudit(tx, { actorId: user.id, action: "create", entity: "source", entityId: source.id, after: { projectId, ...source } });
        return { ok: true, source };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Another process added the same name between our check and our insert.
    if (!String(error).includes("UNIQUE constraint failed")) throw error;
    const existing = sourceByName(getDb(), projectId, input.name.trim());
    if (existing === null) throw error;
    return duplicate(existing);
  }
}
