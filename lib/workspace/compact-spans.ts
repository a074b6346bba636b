// The document page sends its spans once, compactly: what the text already holds (the quoted
// words and their context) is left out and read from the text in the browser, annotator names
// are sent once each, and the spans go as columns, one array per field. Columns of small
// numbers cost the browser four bytes a span each (a tuple or an object per span costs a header
// and a pointer per field), times are sent as numbers, not as 24-character strings, and the
// fields most spans have the same value of are sent only for the spans that differ.
import { ANNOTATION_KINDS, type AnnotationDto } from "@/lib/validation/annotations";
import { LoadedSpans } from "./loaded-span";

/** A time as sent: milliseconds since `timeBase` when that gives back the same ISO string, else the string. */
export type CompactTime = number | string;

/** Values by position in the columns, for the fields most spans have the same value of. */
export type Sparse<T> = Record<number, T>;

export interface CompactSpans {
  documentId: number;
  /** Display name of each annotator id that appears in `annotatorIds`. */
  names: Record<number, string>;
  ids: number[];
  annotatorIds: number[];
  /** Index in ANNOTATION_KINDS. */
  kinds: number[];
  starts: number[];
  ends: number[];
  /** Times are sent as milliseconds after this one (so a page's are mostly small integers). */
  timeBase: number;
  createdAt: CompactTime[];
  // The rest only where a span differs from most: a version above 1, the gold layer, a parent,
  // a note, attributes, an edit (updatedAt, else the same as createdAt), a deletion.
  versions: Sparse<number>;
  gold: Sparse<1>;
  parentIds: Sparse<number>;
  notes: Sparse<string>;
  attributes: Sparse<Record<string, unknown>>;
  updatedAt: Sparse<CompactTime>;
  deletedAt: Sparse<CompactTime>;
}

function compactTime(iso: string, base: number): CompactTime {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms - base : iso;
}

export function compactSpans(documentId: number, spans: readonly AnnotationDto[]): CompactSpans {
  const timeBase = spans.length === 0 ? 0 : Date.parse(spans[0]!.createdAt) || 0;
  const out: CompactSpans = {
    documentId,
    names: {},
    ids: [],
    annotatorIds: [],
    kinds: [],
    starts: [],
    ends: [],
    timeBase,
    createdAt: [],
    versions: {},
    gold: {},
    parentIds: {},
    notes: {},
    attributes: {},
    updatedAt: {},
    deletedAt: {},
  };
  for (const [i, s] of spans.entries()) {
    out.names[s.annotatorId] = s.annotatorName;
    out.ids.push(s.id);
    out.annotatorIds.push(s.annotatorId);
    out.kinds.push(ANNOTATION_KINDS.indexOf(s.kind));
    out.starts.push(s.start);
    out.ends.push(s.end);
    out.createdAt.push(compactTime(s.createdAt, timeBase));
    if (s.version !== 1) out.versions[i] = s.version;
    if (s.layer === "gold") out.gold[i] = 1;
    if (s.parentId !== null) out.parentIds[i] = s.parentId;
    if (s.note !== "") out.notes[i] = s.note;
    if (Object.keys(s.attributes).length > 0) out.attributes[i] = s.attributes;
    if (s.updatedAt !== s.createdAt) out.updatedAt[i] = compactTime(s.updatedAt, timeBase);
    if (s.deletedAt !== null) out.deletedAt[i] = compactTime(s.deletedAt, timeBase);
  }
  return out;
}

/**
 * The spans as the API sends them, with exact, prefix and suffix taken from the text. Each is
 * read from the columns when asked for (see loaded-span.ts); `plainSpan` copies one into a
 * plain object.
 */
export function expandSpans(text: string, compact: CompactSpans): AnnotationDto[] {
  return new LoadedSpans(text, compact).spans();
}
