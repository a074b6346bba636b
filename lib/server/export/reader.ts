// The one reader every export format is fed from: it yields the plan's documents one at a time,
// each with its outlet, story, segments, the spans of the chosen layers and kinds, the speakers
// those spans name, the adjudication decisions and the ratings. It reads a batch of documents
// per round of queries and holds nothing else, so memory stays flat whatever the corpus size;
// being an async iterator, a PostgreSQL backend can put a cursor behind the same interface.
import type Database from "better-sqlite3";
import { withSqlite } from "@/db";
import type { DocumentSource, ExportDocument, ExportLayer, ExportOutlet, ExportSource, ExportSpan, LayerName } from "@/lib/export/types";
import { batches, goldSettledIn, layerTakes, orderLayers, type ExportPlan } from "./plan";
import { prepareQueries, type DocumentRowRaw, type ExportQueries, type RatingRowRaw, type SpanTuple } from "./queries";

const iso = (ms: number): string => new Date(ms).toISOString();
const person = (r: { username: string; display_name: string }) => ({ username: r.username, displayName: r.display_name });

function rating(r: RatingRowRaw): ExportDocument["ratings"][number] {
  return { axis: r.axis, value: r.value, label: r.label, rationale: r.rationale, gold: r.is_gold === 1, rater: person(r), updatedAt: iso(r.updated_at) };
}

function groupBy<T extends { document_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const list = out.get(row.document_id);
    if (list === undefined) out.set(row.document_id, [row]);
    else list.push(row);
  }
  return out;
}

type Person = ExportSpan["annotator"];

/** Reading order within a layer: gold first, then reviewers by username; by start, longer first. */
function exportOrder(a: ExportSpan, b: ExportSpan): number {
  if (a.layer !== b.layer) return a.layer === "gold" ? -1 : b.layer === "gold" ? 1 : a.layer < b.layer ? -1 : 1;
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/** A batch's spans by document, each list in export order; people are shared objects, read once. */
function spansByDocument(queries: ExportQueries, rows: SpanTuple[], people: Map<number, Person>): Map<number, ExportSpan[]> {
  const missing = [...new Set(rows.map((r) => r[3]))].filter((id) => !people.has(id));
  if (missing.length > 0) for (const p of queries.people.all({ ids: JSON.stringify(missing) })) people.set(p.id, person(p));
  const out = new Map<number, ExportSpan[]>();
  for (const [id, documentId, isGold, annotatorId, kind, start, end, exact, prefix, suffix, attributes, note, parentId, createdAt, updatedAt] of rows) {
    const annotator = people.get(annotatorId)!;
    const span: ExportSpan = {
      id,
      layer: isGold === 1 ? "gold" : `reviewer:${annotator.username}`,
      annotator,
      kind,
      start,
      end,
      exact,
      prefix,
      suffix,
      attributes: JSON.parse(attributes) as Record<string, unknown>,
      note,
      parentId,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
    };
    const list = out.get(documentId);
    if (list === undefined) out.set(documentId, [span]);
    else list.push(span);
  }
  for (const list of out.values()) list.sort(exportOrder);
  return out;
}

/** Registry ids a span refers to: a quote's speaker and a claim's or opinion's targets. */
function sourceIdsOf(span: ExportSpan, into: Set<number>): void {
  const { source_id: speaker, targets } = span.attributes;
  if (typeof speaker === "number") into.add(speaker);
  if (Array.isArray(targets)) for (const t of targets) if (typeof t === "number") into.add(t);
}

class OutletCache {
  private readonly outlets = new Map<number, Pick<ExportOutlet, "ratings" | "references">>();
  constructor(
    private readonly queries: ExportQueries,
    private readonly projectId: number,
  ) {}

  // Few outlets serve many documents: each outlet's ratings are read once per export.
  outlet(row: DocumentRowRaw): ExportOutlet | null {
    if (row.outlet_id === null) return null;
    let extra = this.outlets.get(row.outlet_id);
    if (extra === undefined) {
      extra = {
        ratings: this.queries.outletRatings.all({ projectId: this.projectId, outletId: row.outlet_id }).map(rating),
        references: this.queries.references
          .all({ outletId: row.outlet_id })
          .map((r) => ({ publisher: r.publisher, axis: r.axis, value: r.value, label: r.label, retrievedAt: r.retrieved_at, url: r.url })),
      };
      this.outlets.set(row.outlet_id, extra);
    }
    return {
      id: row.outlet_id,
      name: row.outlet_name ?? "",
      domain: row.outlet_domain,
      kind: row.outlet_kind ?? "other",
      country: row.outlet_country,
      ...extra,
    };
  }
}

interface Caches {
  outlets: OutletCache;
  people: Map<number, Person>;
  /** Document id → gold layer settled, read once per document. */
  settled: Map<number, boolean>;
}

function readBatch(queries: ExportQueries, plan: ExportPlan, caches: Caches, ids: number[], withSpans: boolean): ExportDocument[] {
  const unknown = ids.filter((id) => !caches.settled.has(id));
  if (unknown.length > 0) for (const [id, gold] of goldSettledIn(queries, unknown)) caches.settled.set(id, gold);
  const settled = caches.settled;
  const kept = ids.filter((id) => !plan.options.goldOnly || settled.get(id) === true);
  if (kept.length === 0) return [];
  const param = { ids: JSON.stringify(kept) };
  const anyGold = plan.options.layer === "gold" || plan.options.layer === "gold-else-all";
  const anyAnnotator = plan.options.layer !== "gold";
  const spans = withSpans
    ? spansByDocument(
        queries,
        queries.spans.all({
          ...param,
          kinds: JSON.stringify(plan.options.kinds),
          gold: anyGold ? 1 : 0,
          annotator: anyAnnotator ? 1 : 0,
          onlyUser: plan.reviewerId,
        }),
        caches.people,
      )
    : new Map<number, ExportSpan[]>();
  const statuses = groupBy(queries.reviewerStatus.all(param));
  const segments = groupBy(queries.segments.all(param));
  const decisions = groupBy(queries.decisions.all(param));
  const ratings = groupBy(queries.documentRatings.all(param));
  const docs = queries.documents.all(param).map((row): ExportDocument => {
    const goldSettled = settled.get(row.id) === true;
    const takes = layerTakes(plan, goldSettled);
    const docSpans = (spans.get(row.id) ?? []).filter((s) => (s.layer === "gold" ? takes.gold : takes.annotator));
    return {
      id: row.id,
      title: row.title,
      author: row.author,
      publishedAt: row.published_at,
      url: row.url,
      language: row.language,
      sourceFileName: row.source_file_name,
      importedAt: iso(row.imported_at),
      textSha256: row.text_sha256,
      charCount: row.char_count,
      wordCount: row.word_count,
      text: row.text,
      outlet: caches.outlets.outlet(row),
      story: row.story_id === null ? null : { id: row.story_id, name: row.story_name ?? "", description: row.story_description ?? "" },
      segments: (segments.get(row.id) ?? []).map((g) => ({
        id: g.id,
        start: g.start,
        end: g.end,
        originalOutlet: g.outlet_id === null ? null : { id: g.outlet_id, name: g.outlet_name ?? "" },
        originalUrl: g.original_url,
        originalDate: g.original_date,
      })),
      goldSettled,
      layers: layersOf(docSpans, statuses.get(row.id) ?? []),
      spans: docSpans,
      sources: [],
      decisions: (decisions.get(row.id) ?? []).map((d) => ({
        id: d.id,
        decision: d.decision,
        goldAnnotationId: d.gold_annotation_id,
        fromAnnotationIds: JSON.parse(d.from_annotation_ids) as number[],
        reason: d.reason,
        adjudicator: person(d),
        at: iso(d.at),
      })),
      ratings: (ratings.get(row.id) ?? []).map(rating),
    };
  });
  attachSources(queries, plan.project.id, docs);
  return docs;
}

function layersOf(spans: readonly ExportSpan[], statuses: readonly { username: string; status: ExportLayer["status"] }[]): ExportLayer[] {
  const people = new Map<LayerName, ExportSpan["annotator"]>();
  for (const s of spans) if (!people.has(s.layer)) people.set(s.layer, s.annotator);
  return orderLayers(people.keys()).map((name) => ({
    name,
    reviewer: name === "gold" ? null : people.get(name)!,
    status: name === "gold" ? null : (statuses.find((s) => `reviewer:${s.username}` === name)?.status ?? null),
  }));
}

/** Resolves the speakers and targets of a batch's spans with one query. */
function attachSources(queries: ExportQueries, projectId: number, docs: ExportDocument[]): void {
  const wanted = new Set<number>();
  for (const d of docs) for (const s of d.spans) sourceIdsOf(s, wanted);
  if (wanted.size === 0) return;
  const byId = new Map<number, ExportSource>();
  for (const r of queries.sources.all({ ids: JSON.stringify([...wanted]), projectId })) {
    byId.set(r.id, {
      id: r.id,
      name: r.name,
      kind: r.kind,
      affiliation: r.affiliation,
      description: r.description,
      aliases: JSON.parse(r.aliases) as string[],
    });
  }
  for (const d of docs) {
    const ids = new Set<number>();
    for (const s of d.spans) sourceIdsOf(s, ids);
    d.sources = [...ids].sort((a, b) => a - b).flatMap((id) => byId.get(id) ?? []);
  }
}

/** A DocumentSource for the plan: each call opens a fresh pass over its documents. */
export function exportSource(sqlite: Database.Database, plan: ExportPlan): DocumentSource {
  // Every pass sees the gold state the first one read: the files of one export agree with each
  // other, and csv's second pass does not count it again. One boolean per document in scope.
  const settled = new Map<number, boolean>();
  return (pass) => readExportDocuments(sqlite, plan, pass?.spans !== false, settled);
}

export async function* readExportDocuments(
  sqlite: Database.Database,
  plan: ExportPlan,
  withSpans = true,
  settled = new Map<number, boolean>(),
): AsyncGenerator<ExportDocument, void, undefined> {
  const queries = prepareQueries(sqlite);
  const caches: Caches = { outlets: new OutletCache(queries, plan.project.id), people: new Map(), settled };
  for (const batch of batches(plan.documentIds)) {
    // Each document is handed on before the next batch is read; the consumer's pace (a slow
    // download, a full disk) decides when that happens. A batch is read in one synchronous
    // step once no other request's transaction is open, so it never sees one half done.
    for (const doc of await withSqlite(() => readBatch(queries, plan, caches, batch, withSpans))) yield doc;
  }
}
