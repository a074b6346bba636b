// What the Export page says about each format, without loading any writer: safe to import
// from client components.
import type { ExportFormat } from "./types";

export interface FormatDescription {
  label: string;
  /** One line for the Export page: who reads it. */
  summary: string;
  /** The file name's ending, after the project's slug and the layer. */
  extension: string;
  contentType: string;
  /** False when the format always carries the article text (a reader needs it to place spans). */
  textOptional: boolean;
  /** How many times the writer reads the documents (csv writes documents.csv, then spans.csv). */
  passes: 1 | 2;
}

const ZIP = "application/zip";

export const FORMAT_DESCRIPTIONS: Record<ExportFormat, FormatDescription> = {
  jsonl: {
    label: "JSONL (lossless)",
    summary: "Everything, one document per line; for Python and pandas, and to import back.",
    extension: "jsonl",
    contentType: "application/x-ndjson; charset=utf-8",
    textOptional: true,
    passes: 1,
  },
  csv: {
    label: "CSV (spreadsheet)",
    summary: "spans.csv, documents.csv and outlet-ratings.csv in a zip; for Excel, R and pandas.",
    extension: "csv.zip",
    contentType: ZIP,
    textOptional: true,
    passes: 2,
  },
  w3c: {
    label: "W3C Web Annotation",
    summary: "A JSON-LD AnnotationCollection; for Hypothesis-style tools and linked data.",
    extension: "jsonld",
    contentType: "application/ld+json; charset=utf-8",
    textOptional: false,
    passes: 1,
  },
  brat: {
    label: "brat standoff",
    summary: ".txt and .ann per document with annotation.conf; quotes as PolNeAR-style attributions.",
    extension: "brat.zip",
    contentType: ZIP,
    textOptional: false,
    passes: 1,
  },
  conll: {
    label: "CoNLL IOB2 (lossy)",
    summary: "Tokens with one tag column per layer and kind; for sequence-labelling models.",
    extension: "conll.zip",
    contentType: ZIP,
    textOptional: false,
    passes: 1,
  },
  "uima-xmi": {
    label: "UIMA CAS XMI",
    summary: "One XMI per document and TypeSystem.xml; for INCEpTION, custom layers intact.",
    extension: "xmi.zip",
    contentType: ZIP,
    textOptional: false,
    passes: 1,
  },
};
