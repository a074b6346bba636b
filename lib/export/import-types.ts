// What the annotation importers (W3C, brat, and the spans of a JSONL line) hand to
// lib/server/annotation-import: format-neutral spans that still name their document the way the
// file did. The server resolves documents, anchors each span (by position when `exact` matches
// there, else by the quote with its prefix and suffix), resolves speakers and writes one batch.
import type { AnnotationKind } from "@/lib/validation/annotations";
import type { LayerName } from "./types";

/** How a file names the document a span belongs to; the server tries them in this order. */
export interface DocumentRef {
  sha256?: string;
  /** An id in the exporting app (only meaningful when importing into the same project). */
  documentId?: number;
  /** The file stem a zip used ("12-port-calder-levy"); the number before the dash is the id. */
  fileStem?: string;
  title?: string;
}

/** A speaker as the file describes it; matched to the project's registry by name or alias, else created. */
export interface SpeakerRef {
  name: string;
  kind?: string;
  affiliation?: string | null;
  description?: string;
  aliases?: string[];
}

export interface ImportedSpan {
  /** Where the span came from, for messages: the annotation's id, "T3" in a .ann file, or "line 4". */
  ref: string;
  document: DocumentRef;
  /** The layer the file put it in, when it says; the import's --layer option may override it. */
  layer: LayerName | null;
  kind: AnnotationKind;
  /** Code points, end exclusive, as the file gives them (may be off: the server re-anchors). */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** Attributes without source_id and targets: speakers and targets travel as SpeakerRefs. */
  attributes: Record<string, unknown>;
  speaker: SpeakerRef | null;
  targets: SpeakerRef[];
  note: string;
  /** The `ref` of the enclosing span in the same file, or null. */
  parentRef: string | null;
}

/** A line or entry the parser could not read: the import refuses the batch and lists these. */
export interface ParseProblem {
  /** "line 7", "12-port-calder-levy.ann line 3", or an annotation id. */
  where: string;
  message: string;
}

export interface ParsedAnnotations {
  spans: ImportedSpan[];
  problems: ParseProblem[];
}
