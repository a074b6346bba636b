// Everything lib/compare needs for a story (or a whole project), read with a fixed number of
// statements: the documents and the layer shown on each, their spans, the speakers
// those spans name, re-published segments, ratings and claim groups.
import type {
  CompareAxis,
  CompareDocument,
  CompareInput,
  CompareSegment,
  CompareSource,
  CompareSpan,
  PublishedRating,
  SourceKind,
  TeamRating,
} from "@/lib/compare/types";
import type { AnnotationKind } from "@/lib/validation/annotations";
import type { CompareScope } from "./access";
import { claimGroups } from "./groups";
import type { LayerChoice } from "./layer";
import { finishLayers, planLayers, type LayerPlan } from "./layers";
import { compareQueries, type CompareQueries, type DocumentRow } from "./queries";
import { readSpans } from "./spans";

export interface Base {
  queries: CompareQueries;
  scope: CompareScope;
  rows: DocumentRow[];
  plan: LayerPlan;
}

/**
 * The documents in scope, oldest first, and the layer the rule picks for each. Run this and the
 * functions taking its Base in one readSnapshot (snapshot.ts), so they read one state of the
 * database and never another request's transaction half done.
 */
export async function loadBase(scope: CompareScope, choice: LayerChoice): Promise<Base> {
  const queries = compareQueries();
  const rows = await queries.documents(scope.project.id, scope.story?.id ?? null);
  return {
    queries,
    scope,
    rows,
    plan: await planLayers(
      queries,
      scope,
      rows.map((r) => r.id),
      choice,
    ),
  };
}

/** The documents as the comparison gets them; call once their layers are finished. */
export function documentsOf(base: Base): CompareDocument[] {
  return base.rows.map((r) => ({
    id: r.id,
    title: r.title,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    publishedAt: r.published_at,
    url: r.url,
    wordCount: r.word_count,
    charCount: r.char_count,
    layer: base.plan.byDocument.get(r.id)!.shown,
  }));
}

/**
 * The spans of the layer shown on these documents (of one kind, if given), finishing their
 * layers with what they show. Whole layers are read (the cache holds whole layers) and then
 * narrowed, so the pooled counts are always those of the whole layer.
 */
export async function spansOf(base: Base, documentIds: readonly number[], kind: AnnotationKind | null = null): Promise<CompareSpan[]> {
  const spans = await readSpans(base.queries, base.plan.byDocument, documentIds);
  await finishLayers(base.queries, base.plan, documentIds, spans, true);
  return kind === null ? spans : spans.filter((s) => s.kind === kind);
}

/** The registry speakers the spans name. */
export async function sourcesOf(base: Base, spans: readonly CompareSpan[]): Promise<CompareSource[]> {
  const ids = new Set<number>();
  for (const s of spans) if (typeof s.sourceId === "number") ids.add(s.sourceId);
  if (ids.size === 0) return [];
  return (await base.queries.sources(base.scope.project.id, [...ids])).map(([id, name, kind]) => ({ id, name, kind: kind as SourceKind }));
}

async function segmentsOf(base: Base, documentIds: readonly number[]): Promise<CompareSegment[]> {
  return (await base.queries.segments(documentIds)).map(([documentId, start, end, originalOutletId, originalOutletName]) => ({
    documentId,
    start,
    end,
    originalOutletId,
    originalOutletName,
  }));
}

const axesOf = (scope: CompareScope): CompareAxis[] => scope.axes.map(({ key, label, min, max }) => ({ key, label, min, max }));

/** The team's ratings of the outlets shown (the viewer's own under blind mode) and the published ones. */
async function ratingsOf(base: Base): Promise<{ ratings: TeamRating[]; published: PublishedRating[] }> {
  const outlets = [...new Set(base.rows.flatMap((d) => (d.outlet_id === null ? [] : [d.outlet_id])))];
  if (outlets.length === 0) return { ratings: [], published: [] };
  const axes = new Set(base.scope.axes.map((a) => a.key));
  const onlyUser = base.scope.blind ? base.scope.viewer.id : null;
  const ratings = (await base.queries.ratings(base.scope.project.id, outlets, onlyUser))
    .filter(([, axis]) => axes.has(axis))
    .map(([outletId, axis, raterId, value]) => ({ outletId, axis, raterId, value }));
  const published = (await base.queries.published(outlets)).map(([outletId, publisher, axis, value, label, retrievedAt, url]) => ({
    outletId,
    publisher,
    axis,
    value,
    label,
    retrievedAt,
    url,
  }));
  return { ratings, published };
}

export function goldDocuments(base: Base, documentIds: readonly number[]): number[] {
  return documentIds.filter((id) => base.plan.byDocument.get(id)?.gold === true);
}

/** The whole input of the comparison. */
export async function loadInput(base: Base): Promise<CompareInput> {
  const ids = base.rows.map((d) => d.id);
  const spans = await spansOf(base, ids);
  const storyId = base.scope.story?.id ?? null;
  return {
    documents: documentsOf(base),
    spans,
    sources: await sourcesOf(base, spans),
    segments: ids.length === 0 ? [] : await segmentsOf(base, ids),
    ...(await ratingsOf(base)),
    axes: axesOf(base.scope),
    groups: await claimGroups(base.queries, base.scope.project.id, storyId, spans, ids, goldDocuments(base, ids)),
  };
}
