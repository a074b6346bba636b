// IOB2 tagging of one document for the CoNLL export: one tag column per (layer, kind), and a
// tally of everything the format cannot carry. Pure: text and spans in, lines and counts out.
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import { tokenize, type Token } from "./tokenize";
import type { ExportDocument, ExportMeta, ExportSpan, LayerName } from "./types";

export interface ConllColumn {
  layer: LayerName;
  kind: AnnotationKind;
}

/** What the CoNLL export lost, summed over the documents. */
export interface ConllCounts {
  documents: number;
  sentences: number;
  tokens: number;
  spans: number;
  /** Spans written as tag runs. */
  kept: number;
  /** Inside another span of the same layer and kind: the outer one is kept. */
  nested: number;
  /** Crossing another span of the same layer and kind (neither holds the other): the earlier one is kept. */
  overlapping: number;
  /** Covering no token at all (only spaces or invisible characters). */
  noToken: number;
  /** Kept, but a boundary fell inside a token, so the run was widened to whole tokens. */
  nonTokenBoundary: number;
  /** Of a layer or kind that has no column (not in the export's layers or kinds). */
  noColumn: number;
  /** Spans that carried attributes other than the speaker (every value is lost). */
  attributes: number;
  notes: number;
  speakers: number;
  parentLinks: number;
}

export function emptyCounts(): ConllCounts {
  return {
    documents: 0,
    sentences: 0,
    tokens: 0,
    spans: 0,
    kept: 0,
    nested: 0,
    overlapping: 0,
    noToken: 0,
    nonTokenBoundary: 0,
    noColumn: 0,
    attributes: 0,
    notes: 0,
    speakers: 0,
    parentLinks: 0,
  };
}

/** The tag columns, in a fixed order: layers as the export lists them, kinds in their canonical order. */
export async function conllColumns(meta: ExportMeta): Promise<ConllColumn[]> {
  const kinds = ANNOTATION_KINDS.filter((k) => meta.kinds.includes(k));
  return (await meta.totals()).layers.flatMap((layer) => kinds.map((kind) => ({ layer, kind })));
}

export function columnName(column: ConllColumn): string {
  return `${column.layer}:${column.kind}`;
}

/** First and last token a span touches, or null if it covers none. Binary search over starts. */
function tokenRange(tokens: readonly Token[], start: number, end: number): { first: number; last: number } | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < end) last++;
  return last >= lo ? { first: lo, last } : null;
}

function countLosses(span: ExportSpan, counts: ConllCounts): void {
  const attributes = span.attributes;
  const { source_id: sourceId, speaker_text: speakerText } = attributes;
  // Any attribute besides the speaker's two with a value. (Parsed JSON: for…in sees own keys only.)
  for (const key in attributes) {
    if (key === "source_id" || key === "speaker_text") continue;
    const value = attributes[key];
    if (value !== undefined && value !== null) {
      counts.attributes++;
      break;
    }
  }
  if ((sourceId !== undefined && sourceId !== null) || (typeof speakerText === "string" && speakerText !== "")) counts.speakers++;
  if (span.note !== "") counts.notes++;
  if (span.parentId !== null) counts.parentLinks++;
}

/**
 * Tags one column. Outer spans come first (by start, longest first), so when two spans of the
 * column share a token the one already written is the outer (nested) or earlier (crossing) one.
 */
function tagColumn(tokens: readonly Token[], spans: ExportSpan[], tags: string[], joined: Uint8Array, counts: ConllCounts): void {
  const label = spans[0]?.kind.toUpperCase();
  // Kept runs are disjoint and come in order, so a new span can only clash with the last one.
  let previous: { first: number; last: number } | null = null;
  // Sorted in place: the list is the caller's own, built for this column.
  for (const span of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const range = tokenRange(tokens, span.start, span.end);
    if (range === null) {
      counts.noToken++;
      continue;
    }
    if (previous !== null && range.first <= previous.last) {
      if (range.last <= previous.last) counts.nested++;
      else counts.overlapping++;
      continue;
    }
    previous = range;
    counts.kept++;
    if (tokens[range.first]!.start < span.start || tokens[range.last]!.end > span.end) counts.nonTokenBoundary++;
    for (let t = range.first; t <= range.last; t++) tags[t] = t === range.first ? `B-${label}` : `I-${label}`;
    for (let t = range.first; t < range.last; t++) joined[t] = 1;
  }
}

/** Chunks are cut at about this many UTF-16 units, well below V8's large-object size (see w3c.ts). */
const CHUNK_UNITS = 32 * 1024;

/** Yields the document's lines: -DOCSTART-, then sentences separated by blank lines. */
export function* conllDocumentLines(doc: ExportDocument, columns: readonly ConllColumn[], counts: ConllCounts): Generator<string> {
  const tokens = tokenize(doc.text);
  const columnTags = columns.map(() => new Array<string>(tokens.length).fill("O"));
  // joined[t] = 1 when a kept span runs from token t into t + 1: no sentence break there,
  // so a reader never sees a span cut in two by a blank line.
  const joined = new Uint8Array(tokens.length);
  const index = new Map(columns.map((c, i) => [columnName(c), i]));
  const byColumn = columns.map((): ExportSpan[] => []);
  for (const span of doc.spans) {
    counts.spans++;
    countLosses(span, counts);
    const at = index.get(columnName(span));
    if (at === undefined) counts.noColumn++;
    else byColumn[at]!.push(span);
  }
  byColumn.forEach((spans, i) => tagColumn(tokens, spans, columnTags[i]!, joined, counts));

  counts.documents++;
  counts.tokens += tokens.length;
  // Lines are appended to one string and handed on in chunks of whole sentences, not one
  // chunk per sentence: the zip encodes each chunk with a call of its own.
  let chunk = ["-DOCSTART-", ...columns.map(() => "O")].join(" ") + "\n\n";
  let sentence = false;
  for (let t = 0; t < tokens.length; t++) {
    let line = tokens[t]!.text;
    for (const tags of columnTags) line += ` ${tags[t]!}`;
    chunk += `${line}\n`;
    sentence = true;
    if (tokens[t]!.sentenceEnd && joined[t] === 0) {
      counts.sentences++;
      chunk += "\n";
      sentence = false;
      if (chunk.length >= CHUNK_UNITS) {
        yield chunk;
        chunk = "";
      }
    }
  }
  if (sentence) {
    counts.sentences++;
    chunk += "\n";
  }
  if (chunk !== "") yield chunk;
}
