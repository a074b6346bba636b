/**
 * The comparison of a story (or a whole project) across outlets: pure functions over what the
 * server read (CompareInput), checked by hand-counted fixtures in tests/unit/compare.
 *
 * Definitions (every figure on the page and in the CSVs follows these):
 * - Offsets and lengths are Unicode code points, end exclusive. words = document.wordCount.
 * - Density: per1000 = count / words × 1000; null when words = 0.
 * - Voice: quotedChars = length of the union of the document's quote spans (a character inside
 *   overlapping or nested quotes counts once); ownChars = chars − quotedChars;
 *   quotedShare = quotedChars / chars (null when chars = 0).
 * - Sourcing: quotes by speaker_type ("unset" when missing). Named = named_person, named_org,
 *   document, media_outlet, outlet_self; unnamed = unnamed_person, unnamed_group; unknown and
 *   unset are neither — except that a quote without speaker_type whose source_id is a registry
 *   source counts unnamed for an "anonymous" source and named for any other kind.
 *   namedShare = named / (named + unnamed), null when both are 0.
 *   topSpeakers: the 5 most quoted, ties by name; key "source:<id>" when a source is linked,
 *   else "text:<trimmed lower-cased speaker text>", else the quote has no speaker and is skipped.
 * - Opinions: holder, sentiment ("-2".."2") and bias mixes; claims: certainty mix. A value not
 *   recorded counts under "unset".
 * - Re-published: chars = union length of the document's segments; share = chars / document
 *   chars; `from` per original outlet (chars, share of the document), most chars first.
 * - Layer: the spans given are those of the layer shown. A "pooled" document's span figures
 *   are the MEAN over its reviewers (spans grouped by annotatorId, tallied per reviewer, every
 *   count averaged; divisor = max(layer.reviewers, reviewers with spans)); no spans = zeros.
 * - Outlets: documents grouped by outletId, ordered by outlet name; documents without an outlet
 *   form the "No outlet" group (outletId null), listed last. An outlet's figures are the sums
 *   of its documents' (pooled documents contribute their means); shares and densities are
 *   recomputed from the sums, never averaged. Documents within an outlet: by date (undated
 *   last), title, id. `total` is the same over every document.
 * - Perspective: per outlet and axis, the team's ratings as n, mean, sample sd (n − 1; null
 *   under 2 ratings), min, max (null with no rating). Published ratings are listed as given,
 *   never averaged with the team's. The "No outlet" group has neither (empty lists).
 * - Speakers × outlets: one row per speaker (same key rule; quotes without a speaker under key
 *   "unattributed", name "Unattributed"), one cell per outlet in the outlets' order, with the
 *   count, the mix of modes and the span ids. Pooled documents count EVERY reviewer's quote
 *   here (not the mean), so a cell's count equals the quotes it opens. Rows by total, then name.
 * - Timelines: per claim group, its spans present in input.spans, by publishedAt (ISO text
 *   order), then outlet name, then document id; undated last. firstDocumentId = the earliest
 *   dated entry's document; outlets = distinct outletIds among entries ("No outlet" counts as
 *   one); republishedFrom = the segment containing the span's start; speakerName = the linked
 *   source's name, else the speaker text.
 *
 * Cost: linear in spans. Spans are grouped by document in one pass; each document sorts its
 * quotes once for the union; nothing copies the span list per span.
 */
import { documentTally } from "./document";
import { sortByStart } from "./intervals";
import { compareOutlets } from "./outlets";
import { indexSources } from "./speaker-key";
import { speakerMatrix } from "./speakers";
import { toFigures } from "./figures";
import { claimTimeline } from "./timeline";
import type { Tally } from "./tally";
import type { CompareDocument, CompareInput, CompareSegment, CompareSpan, Comparison } from "./types";

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

// Only the spans some claim group names are looked up by id; indexing all 150,000 would cost
// more than the rest of the comparison.
function groupedSpans(input: CompareInput): Map<number, CompareSpan> {
  const wanted = new Set<number>();
  for (const group of input.groups) for (const id of group.spanIds) wanted.add(id);
  const found = new Map<number, CompareSpan>();
  if (wanted.size === 0) return found;
  for (const span of input.spans) if (wanted.has(span.id)) found.set(span.id, span);
  return found;
}

export function compare(input: CompareInput): Comparison {
  const sources = indexSources(input.sources);
  const documents = new Map<number, CompareDocument>(input.documents.map((d) => [d.id, d]));
  const spansByDoc = groupBy(input.spans, (s) => s.documentId);
  const segmentsByDoc = groupBy(input.segments, (s) => s.documentId);
  for (const list of segmentsByDoc.values()) sortByStart(list);

  const tallies = new Map<number, Tally>();
  for (const doc of input.documents) {
    tallies.set(doc.id, documentTally(doc, spansByDoc.get(doc.id) ?? [], segmentsByDoc.get(doc.id) ?? [], sources));
  }
  const { outlets, total } = compareOutlets(input, tallies);
  const outletOrder = outlets.map((o) => o.outletId);
  const spanIndex = groupedSpans(input);
  const segments: ReadonlyMap<number, readonly CompareSegment[]> = segmentsByDoc;
  return {
    outlets,
    total: toFigures(total),
    speakers: speakerMatrix(input.spans, documents, outletOrder, sources),
    timelines: input.groups.map((group) => claimTimeline(group, { spans: spanIndex, documents, segments, sources })),
  };
}

export * from "./types";
export { unionLength, sortByStart, regionAt, type Interval } from "./intervals";
export { emptyMix, SENTIMENTS, type SentimentKey } from "./mix";
export { byName, byNullableName, byDate } from "./order";
export { ratio, per1000, topSpeakers, toFigures, TOP_SPEAKERS } from "./figures";
export { tallySpans } from "./span-tally";
export { documentTally } from "./document";
export { pooledSpanTally } from "./pool";
export { groupByOutlet, byDocumentOrder, compareOutlets } from "./outlets";
export { summarizeAxis, teamSummaries, publishedFor } from "./perspective";
export { speakerOf, speakerName, indexSources, UNATTRIBUTED, type Speaker, type SourceIndex } from "./speaker-key";
export { speakerMatrix } from "./speakers";
export { claimTimeline, type TimelineContext } from "./timeline";
export { comparisonTables, tableToCsv, type Table, type TableColumn } from "./tables";
