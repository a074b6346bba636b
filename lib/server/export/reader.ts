// The one reader every export format is fed from: it yields the plan's documents one at a time,
// each with its outlet, story, segments, the spans of the chosen layers and kinds, the speakers
// those spans name, the adjudication decisions and the ratings. It reads a batch of documents
// per round of queries and holds nothing else, so memory stays flat whatever the corpus size.
import type { DocumentSource, ExportDocument, ExportLayer, ExportSource, ExportSpan, LayerName } from "@/lib/export/types";
import { readGoldSettled } from "./gold";
import { batches, layerTakes, orderLayers, type ExportPlan } from "./plan";
import { decisionRows, documentRatingRows, documentRows, segmentRows, sourceRows, spanRows, statusRows, type DocumentTuple, type StatusTuple } from "./queries";
import { groupBy, iso, OutletCache, person, rating, sourceIdsOf, spansByDocument, type Person } from "./shape";
import { readSnapshot } from "@/db/sql";

interface Caches {
  outlets: OutletCache;
  people: Map<number, Person>;
  /** Document id → gold layer settled, read once per document. */
  settled: Map<number, boolean>;
}

async function spansOf(plan: ExportPlan, caches: Caches, ids: readonly number[]): Promise<Map<number, ExportSpan[]>> {
  const rows = await spanRows(ids, {
    kinds: plan.options.kinds,
    gold: plan.options.layer === "gold" || plan.options.layer === "gold-else-all",
    annotator: plan.options.layer !== "gold",
    onlyUser: plan.reviewerId,
  });
  return await spansByDocument(rows, caches.people);
}

async function readBatch(plan: ExportPlan, caches: Caches, ids: readonly number[], withSpans: boolean): Promise<ExportDocument[]> {
  const unknown = ids.filter((id) => !caches.settled.has(id));
  if (unknown.length > 0) for (const [id, gold] of await readGoldSettled(unknown)) caches.settled.set(id, gold);
  const settled = caches.settled;
  const kept = ids.filter((id) => !plan.options.goldOnly || settled.get(id) === true);
  if (kept.length === 0) return [];
  const spans = withSpans ? await spansOf(plan, caches, kept) : new Map<number, ExportSpan[]>();
  const statuses = groupBy(await statusRows(kept), 0);
  const segments = groupBy(await segmentRows(kept), 1);
  const decisions = groupBy(await decisionRows(kept), 1);
  const ratings = groupBy(await documentRatingRows(kept), 0);
  const rows = await documentRows(kept);
  await caches.outlets.load(rows);
  const docs = rows.map((row): ExportDocument => {
    const id = row[0];
    const goldSettled = settled.get(id) === true;
    const takes = layerTakes(plan, goldSettled);
    const docSpans = (spans.get(id) ?? []).filter((s) => (s.layer === "gold" ? takes.gold : takes.annotator));
    return {
      ...documentFields(row),
      outlet: caches.outlets.outlet(row),
      story: storyOf(row),
      segments: (segments.get(id) ?? []).map(([segmentId, , start, end, outletId, outletName, originalUrl, originalDate]) => ({
        id: segmentId,
        start,
        end,
        originalOutlet: outletId === null ? null : { id: outletId, name: outletName ?? "" },
        originalUrl,
        originalDate,
      })),
      goldSettled,
      layers: layersOf(docSpans, statuses.get(id) ?? []),
      spans: docSpans,
      sources: [],
      decisions: (decisions.get(id) ?? []).map(([decisionId, , decision, goldAnnotationId, fromIds, reason, username, displayName, at]) => ({
        id: decisionId,
        decision,
        goldAnnotationId,
        fromAnnotationIds: JSON.parse(fromIds) as number[],
        reason,
        adjudicator: person(username, displayName),
        at: iso(at),
      })),
      ratings: (ratings.get(id) ?? []).map(rating),
    };
  });
  await attachSources(plan.project.id, docs);
  return docs;
}

type DocumentFields = Pick<
  ExportDocument,
  "id" | "title" | "author" | "publishedAt" | "url" | "language" | "sourceFileName" | "importedAt" | "textSha256" | "charCount" | "wordCount" | "text"
>;

function documentFields(row: DocumentTuple): DocumentFields {
  const [id, title, author, publishedAt, url, language, sourceFileName, importedAt, textSha256, charCount, wordCount, text] = row;
  return { id, title, author, publishedAt, url, language, sourceFileName, importedAt: iso(importedAt), textSha256, charCount, wordCount, text };
}

function storyOf(row: DocumentTuple): ExportDocument["story"] {
  const storyId = row[17];
  return storyId === null ? null : { id: storyId, name: row[18] ?? "", description: row[19] ?? "" };
}

function layersOf(spans: readonly ExportSpan[], statuses: readonly StatusTuple[]): ExportLayer[] {
  const people = new Map<LayerName, ExportSpan["annotator"]>();
  for (const s of spans) if (!people.has(s.layer)) people.set(s.layer, s.annotator);
  return orderLayers(people.keys()).map((name) => ({
    name,
    reviewer: name === "gold" ? null : people.get(name)!,
    status: name === "gold" ? null : (statuses.find(([, username]) => `reviewer:${username}` === name)?.[2] ?? null),
  }));
}

/** Resolves the speakers and targets of a batch's spans with one query. */
async function attachSources(projectId: number, docs: ExportDocument[]): Promise<void> {
  const wanted = new Set<number>();
  for (const d of docs) for (const s of d.spans) sourceIdsOf(s, wanted);
  if (wanted.size === 0) return;
  const byId = new Map<number, ExportSource>();
  for (const [id, name, kind, affiliation, description, aliases] of await sourceRows(projectId, [...wanted])) {
    byId.set(id, { id, name, kind, affiliation, description, aliases: JSON.parse(aliases) as string[] });
  }
  for (const d of docs) {
    const ids = new Set<number>();
    for (const s of d.spans) sourceIdsOf(s, ids);
    d.sources = [...ids].sort((a, b) => a - b).flatMap((id) => byId.get(id) ?? []);
  }
}

/** A DocumentSource for the plan: each call opens a fresh pass over its documents. */
export function exportSource(plan: ExportPlan): DocumentSource {
  // Every pass sees the gold state the first one read: the files of one export agree with each
  // other, and csv's second pass does not count it again. One boolean per document in scope.
  const settled = new Map<number, boolean>();
  return (pass) => readExportDocuments(plan, pass?.spans !== false, settled);
}

export async function* readExportDocuments(
  plan: ExportPlan,
  withSpans = true,
  settled = new Map<number, boolean>(),
): AsyncGenerator<ExportDocument, void, undefined> {
  const caches: Caches = { outlets: new OutletCache(plan.project.id), people: new Map(), settled };
  for (const batch of batches(plan.documentIds)) {
    // Each document is handed on before the next batch is read; the consumer's pace (a slow
    // download, a full disk) decides when that happens. A batch is read as one snapshot, so it
    // never sees another request's write half done.
    for (const doc of await readSnapshot(() => readBatch(plan, caches, batch, withSpans))) yield doc;
  }
}
