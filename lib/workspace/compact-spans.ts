// The document page sends its spans once, compactly: what the text already holds (the quoted
// words and their context) is left out and rebuilt in the browser from the text and offsets,
// annotator names are sent once each, and each span is a tuple instead of a keyed object.
import { buildOffsetIndex } from "@/lib/text/offset-index";
import { textQuoteSelector } from "@/lib/text/selector";
import { ANNOTATION_KINDS, type AnnotationDto } from "@/lib/validation/annotations";

/** id, annotatorId, kind (index in ANNOTATION_KINDS), start, end, version, gold (0/1), parentId, note, attributes, createdAt, updatedAt, deletedAt. */
export type CompactSpan = [
  number,
  number,
  number,
  number,
  number,
  number,
  0 | 1,
  number | null,
  string,
  Record<string, unknown>,
  string,
  string,
  string | null,
];

export interface CompactSpans {
  documentId: number;
  /** Display name of each annotator id that appears in `spans`. */
  names: Record<number, string>;
  spans: CompactSpan[];
}

export function compactSpans(documentId: number, spans: readonly AnnotationDto[]): CompactSpans {
  const names: Record<number, string> = {};
  const out: CompactSpan[] = [];
  for (const s of spans) {
    names[s.annotatorId] = s.annotatorName;
    const kind = ANNOTATION_KINDS.indexOf(s.kind);
    const gold = s.layer === "gold" ? 1 : 0;
    out.push([s.id, s.annotatorId, kind, s.start, s.end, s.version, gold, s.parentId, s.note, s.attributes, s.createdAt, s.updatedAt, s.deletedAt]);
  }
  return { documentId, names, spans: out };
}

/** The spans as the API sends them, with exact, prefix and suffix taken from the text. */
export function expandSpans(text: string, compact: CompactSpans): AnnotationDto[] {
  const index = buildOffsetIndex(text);
  return compact.spans.map(([id, annotatorId, kind, start, end, version, gold, parentId, note, attributes, createdAt, updatedAt, deletedAt]) => ({
    id,
    documentId: compact.documentId,
    annotatorId,
    annotatorName: compact.names[annotatorId] ?? "",
    layer: gold === 1 ? "gold" : "annotator",
    kind: ANNOTATION_KINDS[kind]!,
    start,
    end,
    ...textQuoteSelector(index, start, end),
    attributes,
    note,
    parentId,
    version,
    createdAt,
    updatedAt,
    deletedAt,
  }));
}
