// The export formats and their writers. Writers are pure (lib/export/*.ts); lib/server/export
// feeds them from the database. Descriptions live in ./formats so pages can show them cheaply.
import { writeBrat } from "./brat";
import { writeConll } from "./conll";
import { writeCsv } from "./csv";
import { FORMAT_DESCRIPTIONS, type FormatDescription } from "./formats";
import { slug } from "./slug";
import { writeJsonl } from "./jsonl";
import type { ExportFormat, ExportWriter } from "./types";
import { writeUimaXmi } from "./uima-xmi";
import { writeW3c } from "./w3c";

const WRITERS: Record<ExportFormat, ExportWriter> = {
  jsonl: writeJsonl,
  csv: writeCsv,
  w3c: writeW3c,
  brat: writeBrat,
  conll: writeConll,
  "uima-xmi": writeUimaXmi,
};

export function formatOf(format: ExportFormat): FormatDescription & { writer: ExportWriter } {
  return { ...FORMAT_DESCRIPTIONS[format], writer: WRITERS[format] };
}

/** "levy-study" from "Levy study": the start of an export's file name. */
export function projectSlug(name: string): string {
  return slug(name, 50) || "project";
}
