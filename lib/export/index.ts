// The export formats: how each is named, what it is for, the file it makes and its writer.
// Writers are pure (lib/export/*.ts); lib/server/export feeds them from the database.
import { writeBrat } from "./brat";
import { writeConll } from "./conll";
import { writeCsv } from "./csv";
import { writeJsonl } from "./jsonl";
import type { ExportFormat, ExportWriter } from "./types";
import { writeUimaXmi } from "./uima-xmi";
import { writeW3c } from "./w3c";

export interface FormatInfo {
  label: string;
  /** One line for the Export page: who reads it. */
  summary: string;
  /** The file name's ending, after the project's slug and the layer. */
  extension: string;
  contentType: string;
  writer: ExportWriter;
  /** False when the format always carries the article text (a reader needs it to place spans). */
  textOptional: boolean;
}

const ZIP = "application/zip";

export const FORMATS: Record<ExportFormat, FormatInfo> = {
  jsonl: { label: "JSONL (lossless)", summary: "Everything, one document per line; for Python, pandas and re-import.", extension: "jsonl", contentType: "application/x-ndjson; charset=utf-8", writer: writeJsonl, textOptional: true },
  csv: { label: "CSV (spreadsheet)", summary: "spans.csv, documents.csv and outlet-ratings.csv in a zip; for Excel, R and pandas.", extension: "csv.zip", contentType: ZIP, writer: writeCsv, textOptional: true },
  w3c: { label: "W3C Web Annotation", summary: "JSON-LD AnnotationCollection; for Hypothesis-style tools and linked data.", extension: "jsonld", contentType: "application/ld+json; charset=utf-8", writer: writeW3c, textOptional: false },
  brat: { label: "brat standoff", summary: ".txt + .ann per document and annotation.conf; for brat and PolNeAR-style attribution.", extension: "brat.zip", contentType: ZIP, writer: writeBrat, textOptional: false },
  conll: { label: "CoNLL IOB2 (lossy)", summary: "Tokens with one tag column per layer and kind; for sequence-labelling models.", extension: "conll.zip", contentType: ZIP, writer: writeConll, textOptional: false },
  "uima-xmi": { label: "UIMA CAS XMI", summary: "One XMI per document and TypeSystem.xml; for INCEpTION with custom layers.", extension: "xmi.zip", contentType: ZIP, writer: writeUimaXmi, textOptional: false },
};

/** "levy-study" from "Levy study": for file names. */
export function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return s === "" ? "project" : s;
}

export type { ExportFormat } from "./types";
