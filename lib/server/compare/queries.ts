// The SQL behind a comparison, in the subset SQLite and PostgreSQL share. Lists of ids travel as
// one JSON array (db/sql.ts idsIn), so a statement is the same whatever the story's size. Rows
// are read raw (arrays, as both drivers answer them) and named here; run the reads of one view
// inside readSnapshot (snapshot.ts) so they all see the database at one instant.
import { type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idsIn, jsonIntegers } from "@/db/sql";
import { spanCache } from "./span-cache";

export interface DocumentRow {
  id: number;
  title: string;
  outlet_id: number | null;
  outlet_name: string | null;
  published_at: string | null;
  url: string | null;
  word_count: number;
  char_count: number;
}

/** id, document_id, annotator_id, kind, start, end, exact, attributes (JSON text) */
export type SpanTuple = [number, number, number, "claim" | "opinion" | "quote", number, number, string, string];

type Ids = readonly number[];

const raw = <T extends unknown[]>(query: SQL): Promise<T[]> => getDb().all<T>(query);
const ofStory = (column: string, storyId: number | null): SQL => (storyId === null ? sql`` : sql` and ${sql.raw(column)} = ${storyId}`);
const ofUser = (column: string, userId: number | null): SQL => (userId === null ? sql`` : sql` and ${sql.raw(column)} = ${userId}`);

/** Every read a comparison makes; each resolves to plain rows. */
export const reads = {
  // Undated documents last, so a story reads in publication order.
  documents: async (projectId: number, storyId: number | null): Promise<DocumentRow[]> =>
    (
      await raw<[number, string, number | null, string | null, string | null, string | null, number, number]>(sql`
      select d.id, d.title, d.outlet_id, o.name, d.published_at, d.url, d.word_count, d.char_count
      from documents d left join outlets o on o.id = d.outlet_id
      where d.project_id = ${projectId}${ofStory("d.story_id", storyId)}
      order by d.published_at is null, d.published_at, d.id`)
    ).map(([id, title, outlet_id, outlet_name, published_at, url, word_count, char_count]) => ({
      id,
      title,
      outlet_id,
      outlet_name,
      published_at,
      url,
      word_count,
      char_count,
    })),
  assignments: async (ids: Ids): Promise<{ document_id: number; user_id: number }[]> =>
    (await raw<[number, number]>(sql`select document_id, user_id from assignments where document_id in ${idsIn(ids)}`)).map(([document_id, user_id]) => ({
      document_id,
      user_id,
    })),
  // Documents where one user has a live reviewer span: one index seek each, not a scan.
  spansOfUser: async (ids: Ids, userId: number): Promise<number[]> =>
    (
      await raw<[number]>(sql`
      select d.id from documents d where d.id in ${idsIn(ids)} and exists (
        select 1 from annotations a where a.document_id = d.id and a.annotator_id = ${userId} and a.layer = 'annotator' and a.deleted_at is null)`)
    ).map(([id]) => id),
  // Members with a live reviewer span on any of the documents, found the same way.
  membersWithSpans: async (ids: Ids, projectId: number): Promise<number[]> =>
    (
      await raw<[number]>(sql`
      select m.user_id from project_members m where m.project_id = ${projectId} and exists (
        select 1 from annotations a
        where a.document_id in ${idsIn(ids)} and a.annotator_id = m.user_id and a.layer = 'annotator' and a.deleted_at is null)`)
    ).map(([id]) => id),
  // Reviewers with live spans per document, for documents whose spans are not all read.
  pooledCounts: async (ids: Ids): Promise<[number, number][]> =>
    await raw<[number, number]>(sql`
      select document_id, count(distinct annotator_id) from annotations
      where document_id in ${idsIn(ids)} and layer = 'annotator' and deleted_at is null group by document_id`),
  people: async (ids: Ids): Promise<{ id: number; name: string }[]> =>
    (await raw<[number, string]>(sql`select id, display_name from users where id in ${idsIn(ids)} order by lower(display_name), id`)).map(([id, name]) => ({
      id,
      name,
    })),
  // Attributes as their JSON text: parsing it in JavaScript (spans.ts) measured faster than
  // picking the fields out in SQL (about 0.85× the time, 120,000 spans). The order is the one
  // SQLite reads annotations_document_idx in (no sort there); PostgreSQL would answer any order.
  spans: async (ids: Ids, gold: boolean, onlyUser: number | null): Promise<SpanTuple[]> =>
    await raw<SpanTuple>(sql`
      select a.id, a.document_id, a.annotator_id, a.kind, a.start, a."end", a.exact, a.attributes
      from annotations a
      where a.document_id in ${idsIn(ids)} and a.deleted_at is null and a.layer = ${gold ? "gold" : "annotator"}${ofUser("a.annotator_id", onlyUser)}
      order by a.document_id, a.annotator_id, a.start, a.id`),
  // What span-cache.ts compares: any insert, delete or versioned update moves one of these.
  stamps: async (ids: Ids): Promise<[number, number, number, number, number][]> =>
    await raw<[number, number, number, number, number]>(sql`
      select document_id, count(*), sum(version), max(id), count(deleted_at)
      from annotations where document_id in ${idsIn(ids)} group by document_id`),
  texts: async (ids: Ids): Promise<[number, string][]> => await raw<[number, string]>(sql`select id, text from documents where id in ${idsIn(ids)}`),
  sources: async (projectId: number, ids: Ids): Promise<[number, string, string][]> =>
    await raw<[number, string, string]>(sql`select id, name, kind from sources where project_id = ${projectId} and id in ${idsIn(ids)} order by id`),
  /** document_id, start, end, original outlet id and name */
  segments: async (ids: Ids): Promise<[number, number, number, number | null, string | null][]> =>
    await raw<[number, number, number, number | null, string | null]>(sql`
      select g.document_id, g.start, g."end", g.original_outlet_id, o.name
      from segments g left join outlets o on o.id = g.original_outlet_id
      where g.document_id in ${idsIn(ids)} order by g.document_id, g.start`),
  /** link id, label, annotation id */
  links: async (projectId: number, storyId: number | null): Promise<[number, string, number][]> =>
    await raw<[number, string, number]>(sql`
      select l.id, l.label, s.annotation_id from claim_links l join claim_link_spans s on s.link_id = l.id
      where l.project_id = ${projectId}${ofStory("l.story_id", storyId)} order by l.id, s.annotation_id`),
  /** Gold spans of these documents adjudicated from a linked reviewer span, with that span: [gold id, from id]. */
  goldFromLinked: async (ids: Ids, projectId: number, storyId: number | null): Promise<[number, number][]> =>
    await raw<[number, number]>(sql`
      select j.gold_annotation_id, e.value from adjudications j, ${jsonIntegers(sql`j.from_annotation_ids`)}
      where j.document_id in ${idsIn(ids)} and j.gold_annotation_id is not null and e.value in (
        select s.annotation_id from claim_link_spans s join claim_links l on l.id = s.link_id
        where l.project_id = ${projectId}${ofStory("l.story_id", storyId)})
      order by j.gold_annotation_id, e.value`),
  /** outlet id, axis, rater id, value */
  ratings: async (projectId: number, outlets: Ids, onlyUser: number | null): Promise<[number, string, number, number][]> =>
    await raw<[number, string, number, number]>(sql`
      select outlet_id, axis, rater_id, value from perspective_ratings
      where project_id = ${projectId} and outlet_id in ${idsIn(outlets)} and is_gold = false and value is not null${ofUser("rater_id", onlyUser)}
      order by outlet_id, axis, rater_id`),
  /** outlet id, publisher, axis, value, label, retrieved at, url */
  published: async (outlets: Ids): Promise<[number, string, string, number | null, string | null, string, string][]> =>
    await raw<[number, string, string, number | null, string | null, string, string]>(sql`
      select outlet_id, publisher, axis, value, label, retrieved_at, url from reference_ratings
      where outlet_id in ${idsIn(outlets)} order by outlet_id, publisher, axis, retrieved_at, id`),
};

export type CompareQueries = typeof reads & { cache: ReturnType<typeof spanCache> };

/** The reads, and the span cache of the database open now. */
export function compareQueries(): CompareQueries {
  return { ...reads, cache: spanCache() };
}
