// What one export covers, decided before any byte is written: the project, the documents in
// scope (by story, outlet or id list), the reviewer a `reviewer:NAME` layer means, and the
// totals the Export page shows and the writers state up front.
import type Database from "better-sqlite3";
import type { LayerName } from "@/lib/export/types";
import { isGold } from "@/lib/review";
import type { ExportOptions } from "@/lib/validation/export";
import { prepareQueries, type ExportQueries } from "./queries";

export interface ExportPlan {
  project: { id: number; name: string };
  options: ExportOptions;
  /** The documents in scope, ascending, before the gold-only filter (which needs their state). */
  documentIds: number[];
  /** The user behind a `reviewer:NAME` layer. */
  reviewerId: number | null;
}

export interface ExportSummary {
  documentCount: number;
  spanCount: number;
  layers: LayerName[];
}

// Documents are read this many at a time: enough to amortize each query, few enough that a
// batch's rows die young. Measured on 1,000,000 spans: at 100 documents a batch outlived V8's
// young generation, was promoted, and resident memory peaked ~160 MB above the start; at 25 it
// stayed ~50 MB above, at the same speed.
export const BATCH = 25;

export function batches(ids: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH));
  return out;
}

/** The ids of the project's documents in the chosen scope, ascending. */
export function documentsInScope(sqlite: Database.Database, projectId: number, options: ExportOptions): number[] {
  const rows = sqlite
    .prepare<{ projectId: number; story: number | null; outlet: number | null; ids: string | null }, { id: number }>(
      `select id from documents where project_id = @projectId
         and (@story is null or story_id = @story) and (@outlet is null or outlet_id = @outlet)
         and (@ids is null or id in (select value from json_each(@ids)))
       order by id`,
    )
    .all({ projectId, story: options.storyId, outlet: options.outletId, ids: options.documentIds === null ? null : JSON.stringify(options.documentIds) });
  return rows.map((r) => r.id);
}

/** Document id → whether its gold layer is settled, for one batch. */
export function goldSettledIn(queries: ExportQueries, ids: readonly number[]): Map<number, boolean> {
  const settled = new Map<number, boolean>();
  for (const row of queries.goldCounts.all({ ids: JSON.stringify(ids) })) {
    settled.set(row.id, isGold({ undecided: row.undecided, reviewers: row.reviewers, doneReviewers: row.done_reviewers, decisions: row.decisions }));
  }
  return settled;
}

/** Which layers a document contributes under the plan's layer choice. */
export function layerTakes(plan: ExportPlan, settled: boolean): { gold: boolean; annotator: boolean } {
  switch (plan.options.layer) {
    case "gold":
      return { gold: true, annotator: false };
    case "all":
      return { gold: false, annotator: true };
    case "gold-else-all":
      return { gold: settled, annotator: !settled };
    default:
      return { gold: false, annotator: true };
  }
}

/** Counts what the export will hold, with the same filters the reader applies. */
export function summarize(sqlite: Database.Database, plan: ExportPlan): ExportSummary {
  const queries = prepareQueries(sqlite);
  const count = sqlite.prepare<{ ids: string; kinds: string; onlyUser: number | null }, { document_id: number; layer: string; username: string; n: number }>(
    `select a.document_id, a.layer, u.username, count(*) as n from annotations a join users u on u.id = a.annotator_id
     where a.document_id in (select value from json_each(@ids)) and a.deleted_at is null and a.kind in (select value from json_each(@kinds))
       and (a.layer = 'gold' or @onlyUser is null or a.annotator_id = @onlyUser)
     group by a.document_id, a.layer, u.username`,
  );
  let documentCount = 0;
  let spanCount = 0;
  const layers = new Set<LayerName>();
  const kinds = JSON.stringify(plan.options.kinds);
  for (const batch of batches(plan.documentIds)) {
    const settled = goldSettledIn(queries, batch);
    const kept = batch.filter((id) => !plan.options.goldOnly || settled.get(id) === true);
    documentCount += kept.length;
    if (kept.length === 0) continue;
    for (const row of count.all({ ids: JSON.stringify(kept), kinds, onlyUser: plan.reviewerId })) {
      const takes = layerTakes(plan, settled.get(row.document_id) === true);
      if (row.layer === "gold" ? !takes.gold : !takes.annotator) continue;
      spanCount += row.n;
      layers.add(row.layer === "gold" ? "gold" : `reviewer:${row.username}`);
    }
  }
  return { documentCount, spanCount, layers: orderLayers(layers) };
}

/** Gold first, then reviewers by username. */
export function orderLayers(layers: Iterable<LayerName>): LayerName[] {
  return [...layers].sort((a, b) => (a === "gold" ? -1 : b === "gold" ? 1 : a.localeCompare(b)));
}
