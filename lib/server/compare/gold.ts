// Which documents are settled in gold (lib/review isGold), for many documents at once: the same
// counts as the export reads (lib/server/export/gold.ts), paid only by documents that can be settled.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idsIn } from "@/db/sql";
import { readGoldSettled } from "../export/gold";

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
  const candidates = ids.length === 0 ? [] : await goldCandidates(ids);
  if (candidates.length === 0) return new Set();
  const settled = await readGoldSettled(candidates);
  return new Set(candidates.filter((id) => settled.get(id) === true));
}
