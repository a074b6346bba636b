// The contract of the comparison: what the server reads for a story (or a whole project) and
// what the pure functions in this folder compute from it. Nothing here touches the database or
// React, so every figure can be checked by hand on a small fixture.
import type { AnnotationKind, BIAS_TYPES, CERTAINTY, OPINION_HOLDERS, QUOTE_MODES, SPEAKER_TYPES, SOURCE_KINDS } from "@/lib/validation/annotations";

export type SpeakerType = (typeof SPEAKER_TYPES)[number];
export type QuoteMode = (typeof QUOTE_MODES)[number];
export type Certainty = (typeof CERTAINTY)[number];
export type OpinionHolder = (typeof OPINION_HOLDERS)[number];
export type BiasType = (typeof BIAS_TYPES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Which spans a document's figures are computed from; the page always says which. */
export type LayerShown =
  { kind: "gold" } | { kind: "reviewer"; reviewerId: number; reviewerName: string } | { kind: "pooled"; reviewers: number } | { kind: "none" };

export interface CompareDocument {
  id: number;
  title: string;
  outletId: number | null;
  outletName: string | null;
  /** ISO date (YYYY-MM-DD) or null when the outlet gave none. */
  publishedAt: string | null;
  url: string | null;
  wordCount: number;
  /** Code points, the unit of every offset. */
  charCount: number;
  layer: LayerShown;
}

/** The attributes the comparison reads, already picked out of the span's JSON. */
export interface CompareSpan {
  id: number;
  documentId: number;
  /** Whose layer the span is in: a reviewer's id, or null for the gold layer. */
  annotatorId: number | null;
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  certainty?: Certainty;
  holder?: OpinionHolder;
  sentiment?: number;
  bias?: BiasType;
  sourceId?: number | null;
  speakerText?: string;
  speakerType?: SpeakerType;
  mode?: QuoteMode;
}

export interface CompareSource {
  id: number;
  name: string;
  kind: SourceKind;
}

/** A region that re-publishes another outlet's piece. */
export interface CompareSegment {
  documentId: number;
  start: number;
  end: number;
  originalOutletId: number | null;
  originalOutletName: string | null;
}

/** One reviewer's rating of an outlet on one numeric axis (blind mode already applied). */
export interface TeamRating {
  outletId: number;
  axis: string;
  raterId: number;
  value: number;
}

/** A published third-party rating (AllSides, Ad Fontes, …), kept apart from the team's. */
export interface PublishedRating {
  outletId: number;
  publisher: string;
  axis: string;
  value: number | null;
  label: string | null;
  retrievedAt: string;
  url: string;
}

export interface CompareAxis {
  key: string;
  label: string;
  min: number;
  max: number;
}

/** Spans linked as the same claim (ids of spans in `spans`, any layer shown). */
export interface ClaimGroup {
  id: number;
  label: string;
  spanIds: number[];
}

export interface CompareInput {
  documents: CompareDocument[];
  /** Only the spans of the layer shown for each document. */
  spans: CompareSpan[];
  sources: CompareSource[];
  segments: CompareSegment[];
  ratings: TeamRating[];
  published: PublishedRating[];
  axes: CompareAxis[];
  groups: ClaimGroup[];
}

// ---- Results ----

export type KindCounts = Record<AnnotationKind, number>;

/** A count per category, with the spans whose category was not recorded under "unset". */
export type Mix<K extends string> = Record<K | "unset", number>;

export interface SpeakerCount {
  /** "source:<id>" for a registry source, "text:<lower-cased speaker text>" otherwise. */
  key: string;
  name: string;
  count: number;
}

export interface RepublishedFrom {
  outletId: number | null;
  outletName: string | null;
  chars: number;
  share: number;
}

/**
 * The figures of one document or one outlet. Counts are numbers, not integers: a pooled layer
 * counts the mean over its reviewers. Shares are 0..1; null where the base is zero.
 */
export interface Figures {
  documents: number;
  words: number;
  chars: number;
  counts: KindCounts;
  /** Per 1,000 words; null for a text of no words. */
  per1000: Record<AnnotationKind, number | null>;
  voice: { quotedChars: number; ownChars: number; quotedShare: number | null };
  sourcing: {
    bySpeakerType: Mix<SpeakerType>;
    named: number;
    unnamed: number;
    /** named / (named + unnamed); null when no quote says either. */
    namedShare: number | null;
    topSpeakers: SpeakerCount[];
  };
  opinions: { holder: Mix<OpinionHolder>; sentiment: Mix<"-2" | "-1" | "0" | "1" | "2">; bias: Mix<BiasType> };
  claims: { certainty: Mix<Certainty> };
  republished: { chars: number; share: number | null; from: RepublishedFrom[] };
}

export interface AxisSummary {
  axis: string;
  label: string;
  n: number;
  mean: number | null;
  /** Sample standard deviation; null under two ratings. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

export interface OutletComparison {
  outletId: number | null;
  outletName: string | null;
  figures: Figures;
  documents: { document: CompareDocument; figures: Figures }[];
  /** The team's ratings, per axis. */
  team: AxisSummary[];
  /** Published ratings, as recorded, never averaged with the team's. */
  published: PublishedRating[];
}

export interface SpeakerOutletCell {
  outletId: number | null;
  count: number;
  byMode: Mix<QuoteMode>;
  spanIds: number[];
}

export interface SpeakerRow {
  key: string;
  name: string;
  kind: SourceKind | null;
  total: number;
  cells: SpeakerOutletCell[];
}

export interface TimelineEntry {
  spanId: number;
  documentId: number;
  outletId: number | null;
  outletName: string | null;
  publishedAt: string | null;
  /** As what the outlet carried the claim. */
  as: AnnotationKind;
  exact: string;
  speakerName: string | null;
  certainty: Certainty | null;
  /** Inside a re-published segment: whose piece it came from. */
  republishedFrom: { outletId: number | null; outletName: string | null } | null;
  /** In a pooled document, how many reviewers marked these same words as this kind (absent: one). */
  markedBy?: number;
}

export interface ClaimTimeline {
  groupId: number;
  label: string;
  /** Dated entries by date (then outlet name), undated ones last. */
  entries: TimelineEntry[];
  /** The earliest dated entry's document, or null when none is dated. */
  firstDocumentId: number | null;
  outlets: number;
}

export interface Comparison {
  outlets: OutletComparison[];
  total: Figures;
  speakers: SpeakerRow[];
  timelines: ClaimTimeline[];
}
