// The SQL behind an export, over one batch of documents at a time, written once for SQLite and
// PostgreSQL. A batch's ids travel as one parameter (inIds), so each statement's text is the
// same for every batch and SQLite's statement cache hits. Rows come back as arrays on both
// databases (times as milliseconds, booleans as 1/0, JSON as its text); reader.ts shapes them.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { bytewise, inIds, textsIn } from "@/db/sql";

// SQLite-only, for lib/server/compare until it reads the gold state through gold.ts.

/** id, title, author, published_at, url, language, source_file_name, imported_at, text_sha256, char_count, word_count, text,
 *  outlet_id, outlet_name, outlet_domain, outlet_kind, outlet_country, story_id, story_name, story_description */
export type DocumentTuple = [
  number,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  string,
  number,
  number,
  string,
  number | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  string | null,
  string | null,
];

/** id, document_id, is_gold, annotator_id, kind, start, end, exact, prefix, suffix, attributes (JSON), note, parent_id, created_at, updated_at */
export type SpanTuple = [number, number, 0 | 1, number, AnnotationKind, number, number, string, string, string, string, string, number | null, number, number];

/** id, username, display_name */
export type PersonTuple = [number, string, string];
/** document_id, username, status */
export type StatusTuple = [number, string, "todo" | "in_progress" | "submitted"];
/** id, document_id, start, end, outlet_id, outlet_name, original_url, original_date */
export type SegmentTuple = [number, number, number, number, number | null, string | null, string | null, string | null];
/** id, document_id, decision, gold_annotation_id, from_annotation_ids (JSON), reason, username, display_name, at */
export type DecisionTuple = [number, number, "accepted" | "edited" | "rejected" | "added", number | null, string, string, string, string, number];
/** owner (document or outlet id), axis, value, label, rationale, is_gold, username, display_name, updated_at */
export type RatingTuple = [number, string, number | null, string | null, string, 0 | 1, string, string, number];
/** publisher, axis, value, label, retrieved_at, url */
export type ReferenceTuple = [string, string, number | null, string | null, string, string];
/** id, name, kind, affiliation, description, aliases (JSON) */
export type SourceTuple = [number, string, string, string | null, string, string];

export async function documentRows(ids: readonly number[]): Promise<DocumentTuple[]> {
  return await getDb().all<DocumentTuple>(sql`
    select d.id, d.title, d.author, d.published_at, d.url, d.language, d.source_file_name, d.imported_at,
           d.text_sha256, d.char_count, d.word_count, d.text,
           o.id, o.name, o.domain, o.kind, o.country, s.id, s.name, s.description
    from documents d left join outlets o on o.id = d.outlet_id left join stories s on s.id = d.story_id
    where ${inIds(sql`d.id`, ids)} order by d.id`);
}

export interface SpanFilter {
  kinds: readonly AnnotationKind[];
  gold: boolean;
  annotator: boolean;
  /** Only this reviewer's annotator spans (a `reviewer:NAME` layer). */
  onlyUser: number | null;
}

/**
 * Live spans of the batch. A million spans read as row objects would cost more than the rest
 * of the export; the reader sorts each document's few spans itself, which is cheaper than the
 * database sorting a whole batch.
 */
export async function spanRows(ids: readonly number[], filter: SpanFilter): Promise<SpanTuple[]> {
  const { gold, annotator, onlyUser } = filter;
  return await getDb().all<SpanTuple>(sql`
    select a.id, a.document_id, a.layer = 'gold', a.annotator_id, a.kind, a.start, a."end", a.exact, a.prefix, a.suffix,
           a.attributes, a.note, a.parent_id, a.created_at, a.updated_at
    from annotations a
    where ${inIds(sql`a.document_id`, ids)} and a.deleted_at is null and a.kind in ${textsIn(filter.kinds)}
      and ((a.layer = 'gold' and ${gold ? 1 : 0} = 1)
        or (a.layer = 'annotator' and ${annotator ? 1 : 0} = 1 and (cast(${onlyUser} as integer) is null or a.annotator_id = ${onlyUser})))`);
}

export async function peopleRows(ids: readonly number[]): Promise<PersonTuple[]> {
  return await getDb().all<PersonTuple>(sql`select id, username, display_name from users where ${inIds(sql`id`, ids)}`);
}

export async function statusRows(ids: readonly number[]): Promise<StatusTuple[]> {
  return await getDb().all<StatusTuple>(sql`
    select s.document_id, u.username, s.status from assignments s join users u on u.id = s.user_id where ${inIds(sql`s.document_id`, ids)}`);
}

export async function segmentRows(ids: readonly number[]): Promise<SegmentTuple[]> {
  return await getDb().all<SegmentTuple>(sql`
    select g.id, g.document_id, g.start, g."end", o.id, o.name, g.original_url, g.original_date
    from segments g left join outlets o on o.id = g.original_outlet_id where ${inIds(sql`g.document_id`, ids)} order by g.document_id, g.start, g.id`);
}

export async function decisionRows(ids: readonly number[]): Promise<DecisionTuple[]> {
  return await getDb().all<DecisionTuple>(sql`
    select j.id, j.document_id, j.decision, j.gold_annotation_id, j.from_annotation_ids, j.reason, u.username, u.display_name, j.at
    from adjudications j join users u on u.id = j.adjudicator_id where ${inIds(sql`j.document_id`, ids)} order by j.document_id, j.at, j.id`);
}

export async function documentRatingRows(ids: readonly number[]): Promise<RatingTuple[]> {
  return await getDb().all<RatingTuple>(sql`
    select r.document_id, r.axis, r.value, r.label, r.rationale, r.is_gold, u.username, u.display_name, r.updated_at
    from perspective_ratings r join users u on u.id = r.rater_id where ${inIds(sql`r.document_id`, ids)}
    order by r.document_id, ${bytewise(sql`r.axis`)}, r.is_gold desc, ${bytewise(sql`u.username`)}`);
}

export async function outletRatingRows(projectId: number, outletId: number): Promise<RatingTuple[]> {
  return await getDb().all<RatingTuple>(sql`
    select r.outlet_id, r.axis, r.value, r.label, r.rationale, r.is_gold, u.username, u.display_name, r.updated_at
    from perspective_ratings r join users u on u.id = r.rater_id where r.project_id = ${projectId} and r.outlet_id = ${outletId}
    order by ${bytewise(sql`r.axis`)}, r.is_gold desc, ${bytewise(sql`u.username`)}`);
}

export async function referenceRows(outletId: number): Promise<ReferenceTuple[]> {
  return await getDb().all<ReferenceTuple>(sql`
    select publisher, axis, value, label, retrieved_at, url from reference_ratings where outlet_id = ${outletId}
    order by ${bytewise(sql`publisher`)}, ${bytewise(sql`axis`)}, ${bytewise(sql`retrieved_at`)}, id`);
}

export async function sourceRows(projectId: number, ids: readonly number[]): Promise<SourceTuple[]> {
  return await getDb().all<SourceTuple>(sql`
    select id, name, kind, affiliation, description, aliases from sources where project_id = ${projectId} and ${inIds(sql`id`, ids)} order by id`);
}
