// Everything lib/compare needs for a story (or a whole project), read with a fixed number of
// prepared statements: the documents and the layer shown on each, their spans, the speakers
// those spans name, re-published segments, ratings and claim groups.
import { getSqlite } from "@/db";
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
 * The documents in scope, oldest first, and the layer the rule picks for each. The reads here
 * and in the functions taking a Base are synchronous: run them in one `withSqlite` callback,
 * so they never see another request's transaction half done.
 */
export function loadBase(scope: CompareScope, choice: LayerChoice): Base {
  const queries = compareQueries(getSqlite());
  const rows = queries.documents.all({ projectId: scope.project.id, storyId: scope.story?.id ?? null });
  return {
    queries,
    scope,
    rows,
    plan: planLayers(
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
export function spansOf(base: Base, documentIds: readonly number[], kind: AnnotationKind | null = null): CompareSpan[] {
  const spans = readSpans(base.queries, base.plan.byDocument, documentIds);
  finishLayers(base.queries, base.plan, documentIds, spans, true);
  return kind === null ? spans : spans.filter((s) => s.kind === kind);
}

/** The registry speakers the spans name. */
export function sourcesOf(base: Base, spans: readonly CompareSpan[]): CompareSource[] {
  const ids = new Set<number>();
  for (const s of spans) if (typeof s.sourceId === "number") ids.add(s.sourceId);
  if (ids.size === 0) return [];
  return base.queries.sources
    .all({ projectId: base.scope.project.id, ids: JSON.stringify([...ids]) })
    .map((r) => ({ id: r.id, name: r.name, kind: r.kind as SourceKind }));
}

function segmentsOf(base: Base, documentIds: readonly number[]): CompareSegment[] {
  return base.queries.segments.all({ ids: JSON.stringify(documentIds) }).map((g) => ({
    documentId: g.document_id,
    start: g.start,
    end: g.end,
    originalOutletId: g.outlet_id,
    originalOutletName: g.outlet_name,
  }));
}

const axesOf = (scope: CompareScope): CompareAxis[] => scope.axes.map(({ key, label, min, max }) => ({ key, label, min, max }));

/** The team's ratings of the outlets shown (the viewer's own under blind mode) and the published ones. */
function ratingsOf(base: Base): { ratings: TeamRating[]; published: PublishedRating[] } {
  const outletIds = [...new Set(base.rows.flatMap((d) => (d.outlet_id === null ? [] : [d.outlet_id])))];
  if (outletIds.length === 0) return { ratings: [], published: [] };
  const outlets = JSON.stringify(outletIds);
  const axes = new Set(base.scope.axes.map((a) => a.key));
  const onlyUser = base.scope.blind ? base.scope.viewer.id : null;
  const ratings = base.queries.ratings
    .all({ projectId: base.scope.project.id, outlets, onlyUser })
    .filter((r) => axes.has(r.axis))
    .map((r) => ({ outletId: r.outlet_id, axis: r.axis, raterId: r.rater_id, value: r.value }));
  const published = base.queries.published.all({ outlets }).map((r) => ({
    outletId: r.outlet_id,
    publisher: r.publisher,
    axis: r.axis,
    value: r.value,
    label: r.label,
    retrievedAt: r.retrieved_at,
    url: r.url,
  }));
  return { ratings, published };
}

export function goldDocuments(base: Base, documentIds: readonly number[]): number[] {
  return documentIds.filter((id) => base.plan.byDocument.get(id)?.gold === true);
}

/** The whole input of the comparison. */
export function loadInput(base: Base): CompareInput {
  const ids = base.rows.map((d) => d.id);
  const spans = spansOf(base, ids);
  const storyId = base.scope.story?.id ?? null;
  return {
    documents: documentsOf(base),
    spans,
    sources: sourcesOf(base, spans),
    segments: ids.length === 0 ? [] : segmentsOf(base, ids),
    ...ratingsOf(base),
    axes: axesOf(base.scope),
    groups: claimGroups(base.queries, base.scope.project.id, storyId, spans, ids, goldDocuments(base, ids)),
  };
}
