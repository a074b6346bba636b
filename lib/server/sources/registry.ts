// Sources: the speakers and entities quoted, per project, linked across documents and
// outlets. Any member may look them up and add one while annotating a quote.
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { projectMembers, sources } from "@/db/tables";
import type { NewSourceInput, SourceDto } from "@/lib/validation/annotations";
import { rankSources } from "@/lib/sources/near-match";
import { fail, type Failure } from "../annotations/result";
import type { Conn } from "../annotations/scope";
import { recordAudit } from "../audit";
import type { SessionUser } from "../session";
import { isUniqueViolation } from "../db-errors";
import { first, one } from "@/db/rows";
import { foldCase } from "@/db/sql";

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

async function memberSources(user: SessionUser, projectId: number): Promise<SourceDto[]> {
  return getDb()
    .select(sourceColumns)
    .from(sources)
    .where(and(eq(sources.projectId, projectId), isMember(user, projectId)));
}

/**
 * Sources whose name or an alias matches `q`, closest first (lib/sources/near-match: whole
 * words, word order, diacritics and letter case do not matter; a bare substring ranks last),
 * then by name. Matching happens here rather than in SQL because SQLite's LIKE and lower()
 * fold only ASCII, and source names are often not (Émile, Ἀθῆναι, Ирина). A project holds at
 * most a few thousand sources, so one indexed read per keystroke is cheap. Null for non-members.
 */
export async function searchSources(user: SessionUser, projectId: number, q: string, limit = 10): Promise<SourceDto[] | null> {
  const rows = await memberSources(user, projectId);
  // No rows means no sources yet or no membership; only then is the second question needed.
  if (rows.length === 0 && !(await isProjectMember(user, projectId))) return null;
  return rankSources(q, rows)
    .slice(0, Math.max(1, Math.min(limit, 50)))
    .map(({ match: _match, ...source }) => source);
}

export async function isProjectMember(user: SessionUser, projectId: number): Promise<boolean> {
  return (
    (await first(
      getDb()
        .select({ one: sql`1` })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, user.id))),
    )) !== undefined
  );
}

export async function getSource(user: SessionUser, projectId: number, sourceId: number): Promise<SourceDto | null> {
  return (
    (await first(
      getDb()
        .select(sourceColumns)
        .from(sources)
        .where(and(eq(sources.id, sourceId), eq(sources.projectId, projectId), isMember(user, projectId))),
    )) ?? null
  );
}

/** Names of the given sources, for labelling spans; ids outside the project are left out. */
export async function sourceNamesFor(user: SessionUser, projectId: number, ids: number[]): Promise<Record<number, string>> {
  if (ids.length === 0) return {};
  const rows = await getDb()
    .select({ id: sources.id, name: sources.name })
    .from(sources)
    .where(and(inArray(sources.id, ids), eq(sources.projectId, projectId), isMember(user, projectId)));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** The ids among `ids` that are not sources of this project, in the order given. */
export async function missingSourceIds(conn: Conn, projectId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const found = new Set(
    (
      await conn
        .select({ id: sources.id })
        .from(sources)
        .where(and(inArray(sources.id, ids), eq(sources.projectId, projectId)))
    ).map((r) => r.id),
  );
  return ids.filter((id) => !found.has(id));
}

export async function sourceByName(conn: Conn, projectId: number, name: string): Promise<SourceDto | null> {
  return (
    (await first(
      conn
        .select(sourceColumns)
        .from(sources)
        .where(and(eq(sources.projectId, projectId), eq(foldCase(sources.name), foldCase(name)))),
    )) ?? null
  );
}

function duplicate(existing: SourceDto): Failure & { existing: SourceDto } {
  return {
    ...fail(409, "duplicate", `A source named “${existing.name}” already exists in this project; pick it instead.`),
    existing,
  };
}

/** Any member adds a source. A name already in the project (any letter case) is refused with the existing source. */
export async function createSource(user: SessionUser, projectId: number, input: NewSourceInput): Promise<CreateSourceResult> {
  if (!(await isProjectMember(user, projectId))) {
    return fail(404, "not_found", "This project does not exist, or you are not a member of it.");
  }
  try {
    return await getDb().transaction(
      async (tx): Promise<CreateSourceResult> => {
        const existing = await sourceByName(tx, projectId, input.name.trim());
        if (existing !== null) return duplicate(existing);
        const values = {
          projectId,
          name: input.name.trim(),
          kind: input.kind,
          affiliation: input.affiliation || null,
          description: input.description ?? "",
        };
        const source = await one(tx.insert(sources).values(values).returning(sourceColumns));
        await recordAudit(tx, { actorId: user.id, action: "create", entity: "source", entityId: source.id, after: { projectId, ...source } });
        return { ok: true, source };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Another process added the same name between our check and our insert.
    if (!isUniqueViolation(error)) throw error;
    const existing = await sourceByName(getDb(), projectId, input.name.trim());
    if (existing === null) throw error;
    return duplicate(existing);
  }
}
