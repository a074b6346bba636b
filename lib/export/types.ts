// What an export is made of: one ExportDocument at a time, read by lib/server/export and
// turned into bytes by the pure writers in this folder. Plain JSON-ready data: dates are ISO
// strings, offsets are Unicode code points into `text`, end exclusive (DESIGN.md, "the one rule").
import type { AnnotationKind } from "@/lib/validation/annotations";

/** Bumped whenever a field of the JSONL line changes meaning or is removed. */
export const JSONL_VERSION = 1;
export const JSONL_FORMAT = "provenance-desk/document";

/** "gold", or "reviewer:<username>" for one reviewer's own layer. */
export type LayerName = "gold" | `reviewer:${string}`;

export interface ExportPerson {
  username: string;
  displayName: string;
}

export interface ExportRating {
  axis: string;
  value: number | null;
  label: string | null;
  rationale: string;
  /** The adjudicated value (true) or one reviewer's rating (false). */
  gold: boolean;
  rater: ExportPerson;
  updatedAt: string;
}

/** A published third-party rating (AllSides, Ad Fontes…): dated and attributed, never mixed with ours. */
export interface ExportReferenceRating {
  publisher: string;
  axis: string;
  value: number | null;
  label: string | null;
  retrievedAt: string;
  url: string;
}

export interface ExportOutlet {
  id: number;
  name: string;
  domain: string | null;
  kind: string;
  country: string | null;
  /** The project team's ratings of this outlet. */
  ratings: ExportRating[];
  references: ExportReferenceRating[];
}

export interface ExportStory {
  id: number;
  name: string;
  description: string;
}

export interface ExportSegment {
  id: number;
  start: number;
  end: number;
  originalOutlet: { id: number; name: string } | null;
  originalUrl: string | null;
  originalDate: string | null;
}

/** A sources-registry entry referenced by a span of the document (speaker or target). */
export interface ExportSource {
  id: number;
  name: string;
  kind: string;
  affiliation: string | null;
  description: string;
  aliases: string[];
}

export interface ExportLayer {
  name: LayerName;
  /** The reviewer (for a reviewer layer) or null for gold. */
  reviewer: ExportPerson | null;
  /** A reviewer's assignment status on the document; null for gold. */
  status: "todo" | "in_progress" | "submitted" | null;
}

export interface ExportSpan {
  id: number;
  layer: LayerName;
  /** Who wrote the span: the reviewer, or the adjudicator for gold. */
  annotator: ExportPerson;
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** As validated per kind (lib/validation/annotations); a quote's source_id points into `sources`. */
  attributes: Record<string, unknown>;
  note: string;
  /** Another span of the same document and layer (a claim inside a quote), or null. */
  parentId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExportDecision {
  id: number;
  decision: "accepted" | "edited" | "rejected" | "added";
  goldAnnotationId: number | null;
  fromAnnotationIds: number[];
  reason: string;
  adjudicator: ExportPerson;
  at: string;
}

export interface ExportDocument {
  id: number;
  title: string;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  language: string | null;
  sourceFileName: string | null;
  importedAt: string;
  textSha256: string;
  charCount: number;
  wordCount: number;
  /** The frozen article text; writers leave it out when ExportOptions.includeText is false. */
  text: string;
  outlet: ExportOutlet | null;
  story: ExportStory | null;
  segments: ExportSegment[];
  /** True when every reviewer span is decided (the document's gold layer is settled). */
  goldSettled: boolean;
  /** The layers whose spans are in `spans`, in a stable order (gold first, then by username). */
  layers: ExportLayer[];
  /** Live spans of the chosen layers and kinds, in reading order within each layer. */
  spans: ExportSpan[];
  sources: ExportSource[];
  decisions: ExportDecision[];
  /** The team's ratings of this document (genre, stance). */
  ratings: ExportRating[];
}

export type ExportFormat = "jsonl" | "csv" | "w3c" | "brat" | "conll" | "uima-xmi";
export type LayerChoice = "gold" | "all" | "gold-else-all" | `reviewer:${string}`;

/** What the writers need to know about the export as a whole. */
export interface ExportMeta {
  project: { id: number; name: string };
  /** ISO time the export started (one value for the whole file). */
  exportedAt: string;
  /** Absolute base URL used to mint IRIs (W3C ids), e.g. "http://127.0.0.1:3000". */
  baseUrl: string;
  layer: LayerChoice;
  kinds: AnnotationKind[];
  includeText: boolean;
  /**
   * What the whole export holds. Counting reads the whole scope (about a second per million
   * spans), so call it only when the format needs it up front, and after the first bytes are out.
   */
  totals(): Promise<ExportTotals>;
}

export interface ExportTotals {
  documentCount: number;
  spanCount: number;
  /** Every layer that has spans somewhere in the export, gold first, then by username. */
  layers: LayerName[];
}

/** A byte chunk of the output; strings are UTF-8 encoded by whoever writes them out. */
export type Chunk = string | Uint8Array;

/**
 * Opens a fresh pass over the export's documents. Most writers read one pass; a writer that
 * must put one file of a zip before another (csv: documents.csv, then spans.csv) reads two,
 * the first without spans, rather than holding either file in memory.
 */
export type DocumentSource = (pass?: { spans?: boolean }) => AsyncIterable<ExportDocument>;

/**
 * A writer yields the file's bytes as it reads; the consumer pulls, so a slow client slows
 * the database reads instead of filling memory, and a client that goes away stops them.
 */
export type ExportWriter = (open: DocumentSource, meta: ExportMeta) => AsyncGenerator<Chunk, void, undefined>;
