// An index entry reads its span's fields from the row's draft instead of copying them: at
// thousands of spans a copy of every draft (eighteen fields each) is a good part of the page's
// heap. A row is never changed in place (a change makes a new row and a new entry), so what an
// entry reads is what a copy made at the time would hold.
import type { AnnotationDto } from "@/lib/validation/annotations";

/** The part of a workspace row an entry reads. */
export interface DraftRow {
  draft: AnnotationDto;
}

export class LiveEntry<R extends DraftRow> implements AnnotationDto {
  constructor(
    readonly key: string,
    readonly row: R,
  ) {}

  get id(): number {
    return this.row.draft.id;
  }
  get documentId(): number {
    return this.row.draft.documentId;
  }
  get annotatorId(): number {
    return this.row.draft.annotatorId;
  }
  get annotatorName(): string {
    return this.row.draft.annotatorName;
  }
  get layer(): AnnotationDto["layer"] {
    return this.row.draft.layer;
  }
  get kind(): AnnotationDto["kind"] {
    return this.row.draft.kind;
  }
  get start(): number {
    return this.row.draft.start;
  }
  get end(): number {
    return this.row.draft.end;
  }
  get exact(): string {
    return this.row.draft.exact;
  }
  get prefix(): string {
    return this.row.draft.prefix;
  }
  get suffix(): string {
    return this.row.draft.suffix;
  }
  get attributes(): Record<string, unknown> {
    return this.row.draft.attributes;
  }
  get note(): string {
    return this.row.draft.note;
  }
  get parentId(): number | null {
    return this.row.draft.parentId;
  }
  get version(): number {
    return this.row.draft.version;
  }
  get createdAt(): string {
    return this.row.draft.createdAt;
  }
  get updatedAt(): string {
    return this.row.draft.updatedAt;
  }
  get deletedAt(): string | null {
    return this.row.draft.deletedAt;
  }
}
