// The Sources page's table: every source of the project with how often it is quoted. A quote
// counts when it is a live quote span (any layer) whose source_id names the source. In blind
// mode an annotator must not learn what the others tagged, so their counts cover only their
// own quotes; managers, adjudicators and everyone in an open project see all of them.
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sources } from "@/db/tables";
import type { SourceRow } from "@/lib/validation/sources";
import { foldCase, jsonInteger } from "@/db/sql";
import type { SessionUser } from "../session";
import { registryAccess, type RegistryAccess } from "./access";
import { sourceColumns } from "./registry";

export interface SourcesOverview {
  access: RegistryAccess;
  sources: SourceRow[];
}

interface CountRow {
  sourceId: number;
  quotes: number;
  documents: number;
  outlets: number;
}

/** Quote counts per source id; `onlyUser` limits them to that reviewer's own layer. */
export async function quoteCounts(projectId: number, onlyUser: number | null): Promise<Map<number, CountRow>> {
  // A raw row comes back as its values, in the order of the select.
  const sourceId = jsonInteger(sql`a.attributes`, "source_id");
  const rows = await getDb().all<[number, number, number, number]>(sql`
    select ${sourceId} as source_id, count(*) as quotes,
      count(distinct a.document_id) as documents, count(distinct d.outlet_id) as outlets
    from annotations a join documents d on d.id = a.document_id
    where d.project_id = ${projectId} and a.kind = 'quote' and a.deleted_at is null and ${sourceId} is not null
      and (cast(${onlyUser} as integer) is null or (a.annotator_id = ${onlyUser} and a.layer = 'annotator'))
    group by 1`);
  return new Map(rows.map(([sourceId, quotes, documents, outlets]) => [sourceId, { sourceId, quotes, documents, outlets }]));
}

/** Every source of the project with its counts, ordered by name; null for a non-member. */
export async function listSources(user: SessionUser, projectId: number): Promise<SourcesOverview | null> {
  const db = getDb();
  const access = await registryAccess(db, user, projectId);
  if (access === null) return null;
  const counts = await quoteCounts(projectId, access.seesOthers ? null : user.id);
  const rows = await db
    .select(sourceColumns)
    .from(sources)
    .where(eq(sources.projectId, projectId))
    .orderBy(asc(foldCase(sources.name)), asc(sources.id));
  return {
    access,
    sources: rows.map((s) => {
      const c = counts.get(s.id);
      return { ...s, quotes: c?.quotes ?? 0, documents: c?.documents ?? 0, outlets: c?.outlets ?? 0 };
    }),
  };
}
