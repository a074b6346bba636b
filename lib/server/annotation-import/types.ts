// The contract of an annotation import: what the Import page and the CLI hand in, and the
// report they get back. The report of a dry run is the report of the real run (both run the
// same code in one transaction; the dry run rolls it back), so "Check" tells the truth.
import type { DB } from "@/db";
import type { ImportedSpan } from "@/lib/export/import-types";
import type { JsonlSpan } from "@/lib/export/jsonl-read";
import type { OffsetIndex } from "@/lib/text";
import type { ImportFormatName, ImportLayer } from "@/lib/validation/annotation-import";
import type { SessionUser } from "../session";

export type ImportFile = { name: string; bytes: Uint8Array; text?: undefined } | { name: string; text: string; bytes?: undefined };

export interface AnnotationImportInput {
  format: ImportFormatName;
  files: ImportFile[];
  layer: ImportLayer;
  dryRun: boolean;
}

export interface Refusal {
  /** The annotation's id in the file, "line 4", "T3" of a .ann file, or "user bob". */
  ref: string;
  reason: string;
}

export interface ImportReport {
  format: ImportFormatName;
  layer: ImportLayer;
  dryRun: boolean;
  /** True only when the import ran for real and nothing was refused. */
  written: boolean;
  documents: { created: number; matched: number };
  /** `present`: identical to a live span (same document, layer, annotator, kind, offsets); `reanchored`: placed by quote. */
  spans: { added: number; present: number; reanchored: number };
  speakers: { matched: number; created: number };
  assignments: { restored: number; present: number };
  /** `dropped`: decisions naming spans that are not in the file. */
  decisions: { added: number; present: number; dropped: number };
  /** `kept`: the rater already rated that axis differently here; their rating was left as it was. */
  ratings: { added: number; present: number; kept: number };
  references: { added: number; present: number };
  refused: Refusal[];
}

/** Spans from any format; JSONL adds its annotator, ids and dates. */
export type SpanInput = ImportedSpan & Partial<Pick<JsonlSpan, "fileId" | "annotator" | "createdAt" | "updatedAt">>;

/** Everything one run reads and writes through; lives only inside the import's transaction. */
export interface ImportRun {
  tx: Pick<DB, "select" | "insert" | "update" | "delete">;
  projectId: number;
  actor: SessionUser;
  layer: ImportLayer;
  report: ImportReport;
  /** username → member, or null when not a member (refused once, then remembered). */
  members: Map<string, Member | null>;
  texts: Map<number, OffsetIndex>;
  /** Folded speaker name → source id, for speakers already resolved in this run. */
  speakers: Map<string, number>;
  /** Live spans per document and layer ("12|gold", "12|a|5"): "kind|start|end" → id. */
  live: Map<string, Map<string, number>>;
}

export interface Member {
  id: number;
  username: string;
  displayName: string;
}

export function emptyReport(format: ImportFormatName, layer: ImportLayer, dryRun: boolean): ImportReport {
  return {
    format,
    layer,
    dryRun,
    written: false,
    documents: { created: 0, matched: 0 },
    spans: { added: 0, present: 0, reanchored: 0 },
    speakers: { matched: 0, created: 0 },
    assignments: { restored: 0, present: 0 },
    decisions: { added: 0, present: 0, dropped: 0 },
    ratings: { added: 0, present: 0, kept: 0 },
    references: { added: 0, present: 0 },
    refused: [],
  };
}

export function refuse(run: ImportRun, ref: string, reason: string): void {
  run.report.refused.push({ ref, reason });
}
