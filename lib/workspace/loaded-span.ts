// The spans a page loaded with, read from the compact columns the page was sent instead of
// being copied into an object of eighteen fields each: at thousands of spans those copies, and
// the quoted words and context cut from the text for every span, were most of what the spans
// cost the page's heap. A loaded span holds two fields; what it is asked for is read from the
// columns (the quote and its context from the text). Loaded spans are never changed: an edit
// makes a plain object (`plainSpan`), as the workspace's reducer does.
import { buildOffsetIndex, type OffsetIndex } from "@/lib/text/offset-index";
import { DEFAULT_QUOTE_CONTEXT } from "@/lib/text/selector";
import { ANNOTATION_KINDS, type AnnotationDto, type AnnotationKind } from "@/lib/validation/annotations";
import type { CompactSpans, CompactTime } from "./compact-spans";

/** What most spans have as attributes: one shared object, which nothing may change. */
const NO_ATTRIBUTES: Record<string, unknown> = Object.freeze({});

/** One page's compact spans and its text, which every loaded span reads from. */
export class LoadedSpans {
  readonly index: OffsetIndex;

  constructor(
    text: string,
    readonly columns: CompactSpans,
  ) {
    this.index = buildOffsetIndex(text);
  }

  spans(): LoadedSpan[] {
    return this.columns.ids.map((_, i) => new LoadedSpan(this, i));
  }

  isoTime(t: CompactTime): string {
    return typeof t === "number" ? new Date(this.columns.timeBase + t).toISOString() : t;
  }
}

export class LoadedSpan implements AnnotationDto {
  constructor(
    private readonly from: LoadedSpans,
    private readonly i: number,
  ) {}

  private get c(): CompactSpans {
    return this.from.columns;
  }
  get id(): number {
    return this.c.ids[this.i]!;
  }
  get documentId(): number {
    return this.c.documentId;
  }
  get annotatorId(): number {
    return this.c.annotatorIds[this.i]!;
  }
  get annotatorName(): string {
    return this.c.names[this.annotatorId] ?? "";
  }
  get layer(): AnnotationDto["layer"] {
    return this.c.gold[this.i] === 1 ? "gold" : "annotator";
  }
  get kind(): AnnotationKind {
    return ANNOTATION_KINDS[this.c.kinds[this.i]!]!;
  }
  get start(): number {
    return this.c.starts[this.i]!;
  }
  get end(): number {
    return this.c.ends[this.i]!;
  }
  get exact(): string {
    return this.from.index.slice(this.start, this.end);
  }
  get prefix(): string {
    const start = this.start;
    return this.from.index.slice(Math.max(0, start - DEFAULT_QUOTE_CONTEXT), start);
  }
  get suffix(): string {
    const end = this.end;
    return this.from.index.slice(end, Math.min(this.from.index.codePointLength, end + DEFAULT_QUOTE_CONTEXT));
  }
  get attributes(): Record<string, unknown> {
    return this.c.attributes[this.i] ?? NO_ATTRIBUTES;
  }
  get note(): string {
    return this.c.notes[this.i] ?? "";
  }
  get parentId(): number | null {
    return this.c.parentIds[this.i] ?? null;
  }
  get version(): number {
    return this.c.versions[this.i] ?? 1;
  }
  get createdAt(): string {
    return this.from.isoTime(this.c.createdAt[this.i]!);
  }
  get updatedAt(): string {
    const updated = this.c.updatedAt[this.i];
    return updated === undefined ? this.createdAt : this.from.isoTime(updated);
  }
  get deletedAt(): string | null {
    const deleted = this.c.deletedAt[this.i];
    return deleted === undefined ? null : this.from.isoTime(deleted);
  }
}

/** A span as a plain object of its own (a loaded span's fields are read, not own properties). */
export function plainSpan(s: AnnotationDto): AnnotationDto {
  return {
    id: s.id,
    documentId: s.documentId,
    annotatorId: s.annotatorId,
    annotatorName: s.annotatorName,
    layer: s.layer,
    kind: s.kind,
    start: s.start,
    end: s.end,
    exact: s.exact,
    prefix: s.prefix,
    suffix: s.suffix,
    attributes: s.attributes,
    note: s.note,
    parentId: s.parentId,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    deletedAt: s.deletedAt,
  };
}
