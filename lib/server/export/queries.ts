// The SQL behind an export, as prepared statements over one batch of documents at a time. A
// batch's ids travel as one JSON array (`json_each(?)`), so each statement is prepared once per
// export whatever the batch holds. Rows come back as plain objects; reader.ts shapes them.
import type Database from "better-sqlite3";

export interface DocumentRowRaw {
  id: number;
  title: string;
  author: string | null;
  published_at: string | null;
  url: string | null;
  language: string | null;
  source_file_name: string | null;
  imported_at: number;
  text_sha256: string;
  char_count: number;
  word_count: number;
  text: string;
  outlet_id: number | null;
  outlet_name: string | null;
  outlet_domain: string | null;
  outlet_kind: string | null;
  outlet_country: string | null;
  story_id: number | null;
  story_name: string | null;
  story_description: string | null;
}

/** id, document_id, is_gold, annotator_id, kind, start, end, exact, prefix, suffix, attributes (JSON), note, parent_id, created_at, updated_at */
export type SpanTuple = [
  number,
  number,
  0 | 1,
  number,
  "claim" | "opinion" | "quote",
  number,
  number,
  string,
  string,
  string,
  string,
  string,
  number | null,
  number,
  number,
];

export interface GoldCountsRaw {
  id: number;
  reviewers: number;
  done_reviewers: number;
  decisions: number;
  undecided: number;
}

const DOCS = "(select value from json_each(@ids))";

export function prepareQueries(sqlite: Database.Database) {
  return {
    documents: sqlite.prepare<{ ids: string }, DocumentRowRaw>(`
      select d.id, d.title, d.author, d.published_at, d.url, d.language, d.source_file_name, d.imported_at,
             d.text_sha256, d.char_count, d.word_count, d.text,
             o.id as outlet_id, o.name as outlet_name, o.domain as outlet_domain, o.kind as outlet_kind, o.country as outlet_country,
             s.id as story_id, s.name as story_name, s.description as story_description
      from documents d left join outlets o on o.id = d.outlet_id left join stories s on s.id = d.story_id
      where d.id in ${DOCS} order by d.id`),
    // Live spans of the batch, as arrays (SpanTuple): a million spans read as row objects would
    // cost more than the rest of the export. The reader sorts each document's few spans itself,
    // which is cheaper than SQLite sorting a whole batch through a temporary b-tree.
    spans: sqlite
      .prepare<{ ids: string; kinds: string; gold: number; annotator: number; onlyUser: number | null }, SpanTuple>(
        `
      select a.id, a.document_id, a.layer = 'gold', a.annotator_id, a.kind, a.start, a."end", a.exact, a.prefix, a.suffix,
             a.attributes, a.note, a.parent_id, a.created_at, a.updated_at
      from annotations a
      where a.document_id in ${DOCS} and a.deleted_at is null
        and a.kind in (select value from json_each(@kinds))
        and ((a.layer = 'gold' and @gold = 1) or (a.layer = 'annotator' and @annotator = 1 and (@onlyUser is null or a.annotator_id = @onlyUser)))`,
      )
      .raw(true),
    people: sqlite.prepare<{ ids: string }, { id: number; username: string; display_name: string }>(`
      select id, username, display_name from users where id in (select value from json_each(@ids))`),
    // Counts behind lib/review isGold: reviewers are everyone who started the document or has
    // live spans on it; a span is decided when some adjudication lists it. The batch's live spans
    // are read once and grouped, not counted per document by correlated subqueries.
    goldCounts: sqlite.prepare<{ ids: string }, GoldCountsRaw>(`
      with docs(id) as ${DOCS},
      live(document_id, id, annotator_id) as materialized (
        select document_id, id, annotator_id from annotations where document_id in docs and layer = 'annotator' and deleted_at is null),
      covered(id) as (select distinct e.value from adjudications j, json_each(j.from_annotation_ids) e where j.document_id in docs),
      undecided(document_id, n) as (select document_id, count(*) from live where id not in covered group by document_id),
      who(document_id, user_id, done) as (
        select document_id, user_id, max(done) from (
          select document_id, user_id, status = 'submitted' as done from assignments where document_id in docs and status != 'todo'
          union all
          select distinct document_id, annotator_id, 0 from live)
        group by document_id, user_id),
      reviewers(document_id, n, done) as (select document_id, count(*), sum(done) from who group by document_id),
      decided(document_id, n) as (select document_id, count(*) from adjudications where document_id in docs group by document_id)
      select d.id, coalesce(r.n, 0) as reviewers, coalesce(r.done, 0) as done_reviewers, coalesce(k.n, 0) as decisions, coalesce(u.n, 0) as undecided
      from docs d left join reviewers r on r.document_id = d.id left join decided k on k.document_id = d.id left join undecided u on u.document_id = d.id`),
    reviewerStatus: sqlite.prepare<{ ids: string }, { document_id: number; username: string; status: "todo" | "in_progress" | "submitted" }>(`
      select s.document_id, u.username, s.status from assignments s join users u on u.id = s.user_id where s.document_id in ${DOCS}`),
    segments: sqlite.prepare<
      { ids: string },
      {
        id: number;
        document_id: number;
        start: number;
        end: number;
        outlet_id: number | null;
        outlet_name: string | null;
        original_url: string | null;
        original_date: string | null;
      }
    >(`
      select g.id, g.document_id, g.start, g."end", o.id as outlet_id, o.name as outlet_name, g.original_url, g.original_date
      from segments g left join outlets o on o.id = g.original_outlet_id where g.document_id in ${DOCS} order by g.document_id, g.start, g.id`),
    decisions: sqlite.prepare<
      { ids: string },
      {
        id: number;
        document_id: number;
        decision: "accepted" | "edited" | "rejected" | "added";
        gold_annotation_id: number | null;
        from_annotation_ids: string;
        reason: string;
        username: string;
        display_name: string;
        at: number;
      }
    >(`
      select j.id, j.document_id, j.decision, j.gold_annotation_id, j.from_annotation_ids, j.reason, u.username, u.display_name, j.at
      from adjudications j join users u on u.id = j.adjudicator_id where j.document_id in ${DOCS} order by j.document_id, j.at, j.id`),
    documentRatings: sqlite.prepare<{ ids: string }, RatingRowRaw & { document_id: number }>(`
      select r.document_id, r.axis, r.value, r.label, r.rationale, r.is_gold, u.username, u.display_name, r.updated_at
      from perspective_ratings r join users u on u.id = r.rater_id where r.document_id in ${DOCS} order by r.document_id, r.axis, r.is_gold desc, u.username`),
    outletRatings: sqlite.prepare<{ projectId: number; outletId: number }, RatingRowRaw>(`
      select r.axis, r.value, r.label, r.rationale, r.is_gold, u.username, u.display_name, r.updated_at
      from perspective_ratings r join users u on u.id = r.rater_id where r.project_id = @projectId and r.outlet_id = @outletId
      order by r.axis, r.is_gold desc, u.username`),
    references: sqlite.prepare<
      { outletId: number },
      { publisher: string; axis: string; value: number | null; label: string | null; retrieved_at: string; url: string }
    >(`
      select publisher, axis, value, label, retrieved_at, url from reference_ratings where outlet_id = @outletId order by publisher, axis, retrieved_at, id`),
    sources: sqlite.prepare<
      { ids: string; projectId: number },
      { id: number; name: string; kind: string; affiliation: string | null; description: string; aliases: string }
    >(`
      select id, name, kind, affiliation, description, aliases from sources where project_id = @projectId and id in (select value from json_each(@ids)) order by id`),
  };
}

export interface RatingRowRaw {
  axis: string;
  value: number | null;
  label: string | null;
  rationale: string;
  is_gold: number;
  username: string;
  display_name: string;
  updated_at: number;
}

export type ExportQueries = ReturnType<typeof prepareQueries>;
