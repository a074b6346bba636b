// Which documents are settled in gold (lib/review isGold), counted for many documents at once.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idsIn } from "@/db/sql";
import { isGold } from "@/lib/review";
import { jsonIntegers } from "./dialect";

/**
 * [document id, reviewers, reviewers done, decisions, undecided spans] per document: reviewers
 * are everyone who started the document or has live spans on it; a span is decided when some
 * adjudication lists it. The live spans are read once and grouped, not counted per document.
 */
async function goldCounts(ids: readonly number[]): Promise<[number, number, number, number, number][]> {
  return await getDb().all<[number, number, number, number, number]>(sql`
    with docs(id) as ${idsIn(ids)},
    live(document_id, id, annotator_id) as materialized (
      select document_id, id, annotator_id from annotations
      where document_id in (select id from docs) and layer = 'annotator' and deleted_at is null),
    covered(id) as (
      select distinct e.value from adjudications j, ${jsonIntegers(sql`j.from_annotation_ids`)} where j.document_id in (select id from docs)),
    undecided(document_id, n) as (select document_id, count(*) from live where id not in (select id from covered) group by document_id),
    who(document_id, user_id, done) as (
      select document_id, user_id, max(done) from (
        select document_id, user_id, case when status = 'submitted' then 1 else 0 end as done
        from assignments where document_id in (select id from docs) and status <> 'todo'
        union all
        select distinct document_id, annotator_id, 0 from live) as w
      group by document_id, user_id),
    reviewers(document_id, n, done) as (select document_id, count(*), sum(done) from who group by document_id),
    decided(document_id, n) as (select document_id, count(*) from adjudications where document_id in (select id from docs) group by document_id)
    select d.id, coalesce(r.n, 0), coalesce(r.done, 0), coalesce(k.n, 0), coalesce(u.n, 0)
    from docs d left join reviewers r on r.document_id = d.id left join decided k on k.document_id = d.id
      left join undecided u on u.document_id = d.id`);
}

// Only a document with a decision or a reviewer done can be settled, so only those pay for the
// full count.
async function goldCandidates(ids: readonly number[]): Promise<number[]> {
  const rows = await getDb().all<[number]>(sql`
    select document_id from adjudications where document_id in ${idsIn(ids)}
    union select document_id from assignments where document_id in ${idsIn(ids)} and status = 'submitted'`);
  return rows.map(([id]) => id);
}

/** The documents among `ids` whose gold layer is settled. */
export async function settledAmong(ids: readonly number[]): Promise<Set<number>> {
  const settled = new Set<number>();
  const candidates = ids.length === 0 ? [] : await goldCandidates(ids);
  if (candidates.length === 0) return settled;
  for (const [id, reviewers, doneReviewers, decisions, undecided] of await goldCounts(candidates)) {
    if (isGold({ undecided, reviewers, doneReviewers, decisions })) settled.add(id);
  }
  return settled;
}
