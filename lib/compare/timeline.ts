// Claim provenance: for each group of spans linked as the same claim, where it appeared, as
// what (the outlet's own claim, an attributed quote, an opinion), how hedged, and whether the
// page re-published it from another outlet, in order of publication.
import { regionAt } from "./intervals";
import { byDate, byNullableName } from "./order";
import { speakerName, type SourceIndex } from "./speaker-key";
import type { ClaimGroup, ClaimTimeline, CompareDocument, CompareSegment, CompareSpan, TimelineEntry } from "./types";

export interface TimelineContext {
  spans: ReadonlyMap<number, CompareSpan>;
  documents: ReadonlyMap<number, CompareDocument>;
  /** Each document's segments, sorted by start. */
  segments: ReadonlyMap<number, readonly CompareSegment[]>;
  sources: SourceIndex;
}

function entryOf(span: CompareSpan, doc: CompareDocument, ctx: TimelineContext): TimelineEntry {
  const segment = regionAt(ctx.segments.get(doc.id) ?? [], span.start);
  return {
    spanId: span.id,
    documentId: doc.id,
    outletId: doc.outletId,
    outletName: doc.outletName,
    publishedAt: doc.publishedAt,
    as: span.kind,
    exact: span.exact,
    speakerName: speakerName(span, ctx.sources),
    certainty: span.certainty ?? null,
    republishedFrom: segment === null ? null : { outletId: segment.originalOutletId, outletName: segment.originalOutletName },
  };
}

/** By date (undated last), outlet name (none last), document id, then place in the text. */
function byPublication(a: { entry: TimelineEntry; start: number }, b: { entry: TimelineEntry; start: number }): number {
  return (
    byDate(a.entry.publishedAt, b.entry.publishedAt) ||
    byNullableName(a.entry.outletName, b.entry.outletName) ||
    a.entry.documentId - b.entry.documentId ||
    a.start - b.start ||
    a.entry.spanId - b.entry.spanId
  );
}

/**
 * In a pooled document two reviewers who marked the same words as the same kind tell one
 * appearance of the claim, not two: the timeline keeps the first such span and counts the rest.
 */
export function claimTimeline(group: ClaimGroup, ctx: TimelineContext): ClaimTimeline {
  const placed: { entry: TimelineEntry; start: number }[] = [];
  const seen = new Set<number>();
  const byPlace = new Map<string, TimelineEntry>();
  for (const id of group.spanIds) {
    const span = ctx.spans.get(id);
    const doc = span === undefined ? undefined : ctx.documents.get(span.documentId);
    if (span === undefined || doc === undefined || seen.has(id)) continue;
    seen.add(id);
    const place = `${doc.id}:${span.start}:${span.end}:${span.kind}`;
    const same = byPlace.get(place);
    if (same !== undefined) {
      same.markedBy = (same.markedBy ?? 1) + 1;
      continue;
    }
    const entry = entryOf(span, doc, ctx);
    byPlace.set(place, entry);
    placed.push({ entry, start: span.start });
  }
  placed.sort(byPublication);
  const entries = placed.map((p) => p.entry);
  const first = entries[0];
  return {
    groupId: group.id,
    label: group.label,
    entries,
    firstDocumentId: first !== undefined && first.publishedAt !== null ? first.documentId : null,
    // "No outlet" counts as one place the claim appeared, like any outlet.
    outlets: new Set(entries.map((e) => e.outletId)).size,
  };
}
