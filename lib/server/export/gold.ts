// Whether each document's gold layer is settled (lib/review isGold), for a batch of documents:
// the counts behind it in one query, on SQLite and PostgreSQL alike.
import { type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idsIn, inIds, jsonIntegers } from "@/db/sql";
import { isGold } from "@/lib/review";

/** id, reviewers, done_reviewers, decisions, undecided */
export type GoldCountsTuple = [number, number, number, number, number];

/**
 * Reviewers are everyone who started the document or has live spans on it; a span is decided
 * when some adjudication lists it. The batch's live spans are read once and grouped, not counted
 * per document by correlated subqueries.
 */
export function goldCountsQuery(ids: readonly number[]): SQL {
  return sql`
    with docs(id) as ${idsIn(ids)},
    live(document_id, id, annotator_id) as materialized (
      select document_id, id, annotator_id from annotations where ${inIds(sql`document_id`, ids)} and layer = 'annotator' and deleted_at is null),
    covered(id) as (select distinct e.value from adjudications j, ${jsonIntegers(sql`j.from_annotation_ids`)} where ${inIds(sql`j.document_id`, ids)}),
    undecided(document_id, n) as (select document_id, count(*) from live where id not in (select id from covered) group by document_id),
    who(document_id, user_id, done) as (
      select document_id, user_id, max(done) from (
        select document_id, user_id, case when status = 'submitted' then 1 else 0 end as done from assignments
        where ${inIds(sql`document_id`, ids)} and status <> 'todo'
        union all
        select distinct document_id, annotator_id, 0 from live) as w
      group by document_id, user_id),
    reviewers(document_id, n, done) as (select document_id, count(*), sum(done) from who group by document_id),
    decided(document_id, n) as (select document_id, count(*) from adjudications where ${inIds(sql`document_id`, ids)} group by document_id)
    select d.id, coalesce(r.n, 0), coalesce(r.done, 0), coalesce(k.n, 0), coalesce(u.n, 0)
    from docs d left join reviewers r on r.document_id = d.id left join decided k on k.document_id = d.id left join undecided u on u.document_id = d.id`;
}

/** Document id → whether its gold layer is settled, from goldCountsQuery's rows. */
export function settledFrom(rows: readonly GoldCountsTuple[]): Map<number, boolean> {
  const settled = new Map<number, boolean>();
  for (const [id, reviewers, doneReviewers, decisions, undecided] of rows) settled.set(id, isGold({ undecided, reviewers, doneReviewers, decisions }));
  return settled;
}

/** Document id → whether its gold layer is settled, for one batch. */
export async function readGoldSettled(ids: readonly number[]): Promise<Map<number, boolean>> {
  return settledFrom(await getDb().all<GoldCountsTuple>(goldCountsQuery(ids)));
}
