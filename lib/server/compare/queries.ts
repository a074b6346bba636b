// The SQL behind a comparison, prepared once per database connection. Lists of ids travel as
// one JSON array (`json_each(?)`), so a statement is the same whatever the story's size.
import type Database from "better-sqlite3";
import { prepareQueries, type ExportQueries } from "../export/queries";
import { SpanCache } from "./span-cache";

const IN = (param: string): string => `(select value from json_each(@${param}))`;

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

function prepare(sqlite: Database.Database) {
  return {
    // Undated documents last, so a story reads in publication order.
    documents: sqlite.prepare<{ projectId: number; storyId: number | null }, DocumentRow>(`
      select d.id, d.title, d.outlet_id, o.name as outlet_name, d.published_at, d.url, d.word_count, d.char_count
      from documents d left join outlets o on o.id = d.outlet_id
      where d.project_id = @projectId and (@storyId is null or d.story_id = @storyId)
      order by d.published_at is null, d.published_at, d.id`),
    assignments: sqlite.prepare<{ ids: string }, { document_id: number; user_id: number; status: "todo" | "in_progress" | "submitted" }>(`
      select document_id, user_id, status from assignments where document_id in ${IN("ids")}`),
    // Only a document with a decision or a reviewer done can be settled (lib/review isGold), so
    // only those pay for the full gold count.
    goldCandidates: sqlite.prepare<{ ids: string }, { id: number }>(`
      select document_id as id from adjudications where document_id in ${IN("ids")}
      union select document_id from assignments where document_id in ${IN("ids")} and status = 'submitted'`),
    // Documents where one user has a live reviewer span: one index seek each, not a scan.
    spansOfUser: sqlite.prepare<{ ids: string; userId: number }, { id: number }>(`
      select d.value as id from json_each(@ids) d where exists (
        select 1 from annotations a where a.document_id = d.value and a.annotator_id = @userId and a.layer = 'annotator' and a.deleted_at is null)`),
    // Members with a live reviewer span on any of the documents, found the same way.
    membersWithSpans: sqlite.prepare<{ ids: string; projectId: number }, { id: number }>(`
      select m.user_id as id from project_members m where m.project_id = @projectId and exists (
        select 1 from json_each(@ids) d, annotations a
        where a.document_id = d.value and a.annotator_id = m.user_id and a.layer = 'annotator' and a.deleted_at is null)`),
    // Reviewers with live spans per document, for documents whose spans are not all read.
    pooledCounts: sqlite.prepare<{ ids: string }, { document_id: number; n: number }>(`
      select document_id, count(distinct annotator_id) as n from annotations
      where document_id in ${IN("ids")} and layer = 'annotator' and deleted_at is null group by document_id`),
    people: sqlite.prepare<{ ids: string }, { id: number; name: string }>(`
      select id, display_name as name from users where id in ${IN("ids")} order by lower(display_name), id`),
    // Rows as arrays, attributes as their JSON text: parsing it in JavaScript (spans.ts) measured
    // faster than picking the fields out with SQLite's ->> (about 0.85× the time, 120,000 spans).
    spans: sqlite
      .prepare<{ ids: string; gold: 0 | 1; onlyUser: number | null }, SpanTuple>(
        `
      select a.id, a.document_id, a.annotator_id, a.kind, a.start, a."end", a.exact, a.attributes
      from annotations a
      where a.document_id in ${IN("ids")} and a.deleted_at is null
        and a.layer = (case @gold when 1 then 'gold' else 'annotator' end)
        and (@onlyUser is null or a.annotator_id = @onlyUser)`,
      )
      .raw(true),
    // What span-cache.ts compares: any insert, delete or versioned update moves one of these.
    stamps: sqlite.prepare<{ ids: string }, { document_id: number; n: number; versions: number; top: number; gone: number }>(`
      select document_id, count(*) as n, total(version) as versions, max(id) as top, count(deleted_at) as gone
      from annotations where document_id in ${IN("ids")} group by document_id`),
    texts: sqlite.prepare<{ ids: string }, { id: number; text: string }>(`select id, text from documents where id in ${IN("ids")}`),
    sources: sqlite.prepare<{ projectId: number; ids: string }, { id: number; name: string; kind: string }>(`
      select id, name, kind from sources where project_id = @projectId and id in ${IN("ids")} order by id`),
    segments: sqlite.prepare<{ ids: string }, { document_id: number; start: number; end: number; outlet_id: number | null; outlet_name: string | null }>(`
      select g.document_id, g.start, g."end", g.original_outlet_id as outlet_id, o.name as outlet_name
      from segments g left join outlets o on o.id = g.original_outlet_id
      where g.document_id in ${IN("ids")} order by g.document_id, g.start`),
    links: sqlite.prepare<{ projectId: number; storyId: number | null }, { link_id: number; label: string; annotation_id: number }>(`
      select l.id as link_id, l.label, s.annotation_id from claim_links l join claim_link_spans s on s.link_id = l.id
      where l.project_id = @projectId and (@storyId is null or l.story_id = @storyId) order by l.id, s.annotation_id`),
    // Gold spans of these documents adjudicated from a linked reviewer span, with that span.
    goldFromLinked: sqlite.prepare<{ ids: string; projectId: number; storyId: number | null }, { gold_id: number; from_id: number }>(`
      select j.gold_annotation_id as gold_id, e.value as from_id from adjudications j, json_each(j.from_annotation_ids) e
      where j.document_id in ${IN("ids")} and j.gold_annotation_id is not null and e.value in (
        select s.annotation_id from claim_link_spans s join claim_links l on l.id = s.link_id
        where l.project_id = @projectId and (@storyId is null or l.story_id = @storyId))`),
    ratings: sqlite.prepare<
      { projectId: number; outlets: string; onlyUser: number | null },
      { outlet_id: number; axis: string; rater_id: number; value: number }
    >(`
      select outlet_id, axis, rater_id, value from perspective_ratings
      where project_id = @projectId and outlet_id in ${IN("outlets")} and is_gold = 0 and value is not null
        and (@onlyUser is null or rater_id = @onlyUser)
      order by outlet_id, axis, rater_id`),
    published: sqlite.prepare<
      { outlets: string },
      { outlet_id: number; publisher: string; axis: string; value: number | null; label: string | null; retrieved_at: string; url: string }
    >(`
      select outlet_id, publisher, axis, value, label, retrieved_at, url from reference_ratings
      where outlet_id in ${IN("outlets")} order by outlet_id, publisher, axis, retrieved_at, id`),
  };
}

export type CompareQueries = ReturnType<typeof prepare> & { export: ExportQueries; cache: SpanCache };

const cache = new WeakMap<Database.Database, CompareQueries>();

/** The statements (and span cache) of this connection; the gold state reuses the export's query. */
export function compareQueries(sqlite: Database.Database): CompareQueries {
  let queries = cache.get(sqlite);
  if (queries === undefined) {
    queries = { ...prepare(sqlite), export: prepareQueries(sqlite), cache: new SpanCache() };
    cache.set(sqlite, queries);
  }
  return queries;
}
