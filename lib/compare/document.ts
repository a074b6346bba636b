// The tally of one document: its size, its re-published regions and what its spans say. The
// spans are those of the layer shown (lib/server/compare chose it); a pooled layer is averaged
// over its reviewers in pool.ts.
import { unionLength } from "./intervals";
import { pooledSpanTally } from "./pool";
import type { SourceIndex } from "./speaker-key";
import { tallySpans } from "./span-tally";
import { emptyTally, type RepublishedTally, type Tally } from "./tally";
import type { CompareDocument, CompareSegment, CompareSpan } from "./types";

/** Re-published characters of a document; `segments` are its own, sorted by start. */
function tallySegments(t: Tally, segments: readonly CompareSegment[]): void {
  t.republishedChars = unionLength(segments);
  const byOutlet = new Map<string, { from: RepublishedTally; regions: CompareSegment[] }>();
  for (const s of segments) {
    const key = s.originalOutletId === null ? "none" : String(s.originalOutletId);
    const entry = byOutlet.get(key) ?? { from: { outletId: s.originalOutletId, outletName: s.originalOutletName, chars: 0 }, regions: [] };
    entry.regions.push(s);
    byOutlet.set(key, entry);
  }
  for (const [key, { from, regions }] of byOutlet) {
    from.chars = unionLength(regions);
    t.republishedFrom.set(key, from);
  }
}

export function documentTally(doc: CompareDocument, spans: readonly CompareSpan[], segments: readonly CompareSegment[], sources: SourceIndex): Tally {
  const t = emptyTally();
  t.documents = 1;
  t.words = doc.wordCount;
  t.chars = doc.charCount;
  const spanTally = doc.layer.kind === "pooled" ? pooledSpanTally(spans, doc.layer.reviewers, sources) : tallySpans(spans, sources);
  Object.assign(t, spanTally);
  tallySegments(t, segments);
  return t;
}
