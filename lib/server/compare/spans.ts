// Reading the spans of the layer shown on each document, as CompareSpans. Documents that read
// the same way (gold; one reviewer; all reviewers) share a statement, a few documents per call,
// and a document whose spans have not changed since the last request comes from the cache.
import type { BiasType, Certainty, CompareSpan, OpinionHolder, QuoteMode, SpeakerType } from "@/lib/compare/types";
import type { DocumentLayer } from "./layers";
import { settledAmong } from "./gold";
import { compareQueries, type CompareQueries, type SpanTuple } from "./queries";
import { readSnapshot } from "@/db/sql";
import { stampsOf } from "./span-cache";

const BATCH = 4;

/** The attributes the comparison reads; the schema validated them when the span was saved. */
interface Attributes {
  certainty?: Certainty;
  holder?: OpinionHolder;
  sentiment?: number;
  bias?: BiasType;
  source_id?: number | null;
  speaker_text?: string;
  speaker_type?: SpeakerType;
  mode?: QuoteMode;
}

/**
 * One object shape per kind, holding only that kind's attributes: measured faster to build
 * than one shape carrying every attribute (about 0.7× the time on 150,000 spans).
 */
function toSpan(row: SpanTuple, gold: boolean, parsed: Map<string, Attributes>): CompareSpan {
  const [id, documentId, reviewer, kind, start, end, exact, json] = row;
  let a = parsed.get(json);
  if (a === undefined) parsed.set(json, (a = JSON.parse(json) as Attributes));
  const annotatorId = gold ? null : reviewer;
  // The kind is written as a literal so the span keeps the one shared string, not the row's copy.
  if (kind === "claim") return { id, documentId, annotatorId, kind: "claim", start, end, exact, certainty: a.certainty };
  if (kind === "opinion") return { id, documentId, annotatorId, kind: "opinion", start, end, exact, holder: a.holder, sentiment: a.sentiment, bias: a.bias };
  return {
    id,
    documentId,
    annotatorId,
    kind: "quote",
    start,
    end,
    exact,
    sourceId: a.source_id ?? null,
    speakerText: a.speaker_text,
    speakerType: a.speaker_type,
    mode: a.mode,
  };
}

/** Documents grouped by how their layer is read: "gold", "all", or a user's id. */
function readsOf(
  layers: ReadonlyMap<number, DocumentLayer>,
  documentIds: readonly number[],
): Map<string, { gold: boolean; onlyUser: number | null; ids: number[] }> {
  const reads = new Map<string, { gold: boolean; onlyUser: number | null; ids: number[] }>();
  for (const id of documentIds) {
    const layer = layers.get(id);
    if (layer === undefined) continue;
    const mode = layer.gold ? "gold" : String(layer.onlyUser ?? "all");
    let read = reads.get(mode);
    if (read === undefined) reads.set(mode, (read = { gold: layer.gold, onlyUser: layer.onlyUser, ids: [] }));
    read.ids.push(id);
  }
  return reads;
}

/**
 * Spans of the layer planned for the given documents. Whole layers come from the span cache
 * where their document has not changed since they were read.
 */
export async function readSpans(queries: CompareQueries, layers: ReadonlyMap<number, DocumentLayer>, documentIds: readonly number[]): Promise<CompareSpan[]> {
  const out: CompareSpan[] = [];
  const stamps = await stampsOf(queries, documentIds);
  // Spans repeat a few attribute combinations (a certainty, a speaker and a mode…): each
  // distinct JSON text is parsed once (about 0.75× the time of parsing every row's).
  const parsed = new Map<string, Attributes>();
  for (const [mode, { gold, onlyUser, ids }] of readsOf(layers, documentIds)) {
    const missing: number[] = [];
    for (const id of ids) {
      const cached = queries.cache.get(`${id}:${mode}`, stamps.get(id) ?? "0");
      if (cached === null) missing.push(id);
      else for (const span of cached) out.push(span);
    }
    // A few documents per query, read whole with all(): faster than stepping row by row with
    // iterate(), and each batch's row arrays die young instead of outliving the collector's
    // nursery as one array of 135,000 rows would (about 0.75× the time of either, measured).
    for (let i = 0; i < missing.length; i += BATCH) {
      const batch = missing.slice(i, i + BATCH);
      const byDocument = new Map<number, CompareSpan[]>(batch.map((id) => [id, []]));
      for (const row of await queries.spans(batch, gold, onlyUser)) {
        // Frozen: a cached span is shared by later requests, so nobody may change it.
        const span = Object.freeze(toSpan(row, gold, parsed));
        byDocument.get(span.documentId)!.push(span);
        out.push(span);
      }
      for (const [id, spans] of byDocument) queries.cache.set(`${id}:${mode}`, stamps.get(id) ?? "0", spans);
    }
  }
  return out;
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Fills the span cache with what the story's comparison shows by default (gold on settled
 * documents, every reviewer's spans pooled elsewhere), one document per turn of the event
 * loop, so the first view of the comparison reads only stamps. A view of one reviewer's layer
 * or a blind annotator's reads its own rows as before. The cache keeps rows, not permissions:
 * loadComparison decides who sees which documents and layers before it reads any.
 */
async function warmSpans(queries: CompareQueries, projectId: number, storyId: number): Promise<void> {
  // Each step reads in its own snapshot: the first the documents and which are settled, then
  // one per document its stamp and spans.
  const { ids, settled } = await readSnapshot(async () => {
    const found = (await queries.documents(projectId, storyId)).map((d) => d.id);
    return { ids: found, settled: await settledAmong(found) };
  });
  for (const id of ids) {
    await pause();
    const layer: DocumentLayer = { shown: { kind: "none" }, gold: settled.has(id), onlyUser: null, ifSpans: null };
    await readSnapshot(() => readSpans(queries, new Map([[id, layer]]), [id]));
  }
}

const warming = new Map<string, Promise<void>>();

/**
 * Warms the story's comparison (see warmSpans) for a page to start with Next's after(). Never
 * rejects: a failure is logged and costs only the head start.
 */
export function warmComparison(projectId: number, storyId: number): Promise<void> {
  const key = `${projectId}:${storyId}`;
  const pending = warming.get(key);
  if (pending !== undefined) return pending;
  const started = warmSpans(compareQueries(), projectId, storyId)
    .catch((error: unknown) => console.error(`Could not warm the comparison of story ${storyId}:`, error))
    .finally(() => warming.delete(key));
  warming.set(key, started);
  return started;
}
