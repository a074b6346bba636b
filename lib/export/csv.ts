// CSV for spreadsheets, pandas and R: a zip of documents.csv, outlet-ratings.csv and spans.csv
// (RFC 4180, UTF-8 with a BOM). documents.csv must come before spans.csv in the archive, so the
// writer reads the documents twice — once without spans, once with — instead of holding either
// file in memory. Only the outlets met on the first pass are kept (one entry per outlet).
import { BOM, CRLF, csvCell, csvRow, type CellValue } from "./csv-cells";
import type { ExportDocument, ExportMeta, ExportOutlet, ExportSource, ExportSpan, ExportWriter, DocumentSource } from "./types";
import { zipStream, type ZipEntry } from "./zip";

export const DOCUMENT_COLUMNS = [
  "id",
  "title",
  "outlet",
  "outlet_id",
  "story",
  "story_id",
  "author",
  "published_at",
  "url",
  "language",
  "char_count",
  "word_count",
  "text_sha256",
  "gold_settled",
] as const;

export const OUTLET_RATING_COLUMNS = [
  "outlet",
  "outlet_id",
  "source",
  "axis",
  "value",
  "label",
  "rater",
  "gold",
  "rationale",
  "updated_at",
  "retrieved_at",
  "url",
] as const;

/** One column per attribute, the union over kinds; a column a kind lacks stays empty. */
export const ATTRIBUTE_COLUMNS = [
  "confidence",
  "checkworthy",
  "certainty",
  "targets",
  "holder",
  "sentiment",
  "bias",
  "speaker_text",
  "speaker_type",
  "mode",
  "cue",
  "addressee",
  "content_type",
] as const;

export const SPAN_COLUMNS = [
  "document_id",
  "document_title",
  "outlet",
  "story",
  "layer",
  "annotator",
  "span_id",
  "parent_id",
  "kind",
  "start",
  "end",
  "exact",
  "note",
  ...ATTRIBUTE_COLUMNS,
  "speaker_name",
  "speaker_kind",
] as const;

/** The `source` of a team rating; a published rating names its publisher instead. */
export const TEAM_SOURCE = "team";

function documentRow(doc: ExportDocument, includeText: boolean): CellValue[] {
  const row: CellValue[] = [
    doc.id,
    doc.title,
    doc.outlet?.name,
    doc.outlet?.id,
    doc.story?.name,
    doc.story?.id,
    doc.author,
    doc.publishedAt,
    doc.url,
    doc.language,
    doc.charCount,
    doc.wordCount,
    doc.textSha256,
    doc.goldSettled,
  ];
  if (includeText) row.push(doc.text);
  return row;
}

async function* documentsCsv(open: DocumentSource, meta: ExportMeta, outlets: Map<number, ExportOutlet>): AsyncGenerator<string> {
  yield BOM + csvRow(meta.includeText ? [...DOCUMENT_COLUMNS, "text"] : DOCUMENT_COLUMNS);
  for await (const doc of open({ spans: false })) {
    if (doc.outlet !== null && !outlets.has(doc.outlet.id)) outlets.set(doc.outlet.id, doc.outlet);
    yield csvRow(documentRow(doc, meta.includeText));
  }
}

// Team and published ratings share the file but never a number: each row says its source, so a
// team's −2 and AllSides' "Lean Left" stay separate observations.
function* outletRatingsCsv(outlets: Map<number, ExportOutlet>): Generator<string> {
  yield BOM + csvRow(OUTLET_RATING_COLUMNS);
  for (const o of outlets.values()) {
    for (const r of o.ratings) {
      yield csvRow([o.name, o.id, TEAM_SOURCE, r.axis, r.value, r.label, r.rater.username, r.gold, r.rationale, r.updatedAt, null, null]);
    }
    for (const r of o.references) {
      yield csvRow([o.name, o.id, r.publisher, r.axis, r.value, r.label, null, null, null, null, r.retrievedAt, r.url]);
    }
  }
}

/** Targets are registry ids; a spreadsheet reader wants names. An id missing from `sources` shows as "#id". */
function targetNames(value: unknown, sources: Map<number, ExportSource>): string {
  if (!Array.isArray(value)) return attributeCell(value);
  return value.map((id) => sources.get(Number(id))?.name ?? `#${String(id)}`).join("; ");
}

function attributeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

// Hot-path local bindings: when the CLI runs under tsx (CommonJS), each call of an imported
// function goes through a getter on the module object, measurable over a million rows.
const cell = csvCell;
const crlf = CRLF;

/** The cells every row of one document starts with: document_id, document_title, outlet, story. */
const documentCells = (doc: ExportDocument): string => `${doc.id},${cell(doc.title)},${cell(doc.outlet?.name)},${cell(doc.story?.name)},`;

// Written cell by cell into one string rather than as an array of values joined by csvRow: a
// million rows of 30 cells made the arrays and closures the writer's main cost. Numbers need no
// quoting, and null or undefined cells are empty, exactly as csvCell writes them.
function spanRow(docCells: string, s: ExportSpan, sources: Map<number, ExportSource>): string {
  const attrs = s.attributes;
  let row = `${docCells}${cell(s.layer)},${cell(s.annotator.username)},${s.id},${s.parentId ?? ""},${cell(s.kind)},${s.start},${s.end},${cell(s.exact)},${cell(s.note)}`;
  for (const column of ATTRIBUTE_COLUMNS) {
    const value = attrs[column];
    if (value === undefined || value === null) row += ",";
    else row += `,${cell(column === "targets" ? targetNames(value, sources) : attributeCell(value))}`;
  }
  const speaker = typeof attrs.source_id === "number" ? sources.get(attrs.source_id) : undefined;
  return speaker === undefined ? `${row},,${crlf}` : `${row},${cell(speaker.name)},${cell(speaker.kind)}${crlf}`;
}

// One chunk per document: bounded by the largest document, and far fewer chunks than rows.
async function* spansCsv(open: DocumentSource): AsyncGenerator<string> {
  yield BOM + csvRow(SPAN_COLUMNS);
  for await (const doc of open()) {
    if (doc.spans.length === 0) continue;
    const sources = new Map(doc.sources.map((s) => [s.id, s]));
    const cells = documentCells(doc);
    let rows = "";
    for (const s of doc.spans) rows += spanRow(cells, s, sources);
    yield rows;
  }
}

export const writeCsv: ExportWriter = async function* (open, meta) {
  const outlets = new Map<number, ExportOutlet>();
  // The zip pulls each entry's rows to the end before asking for the next entry, so the outlets
  // map is complete when outlet-ratings.csv is written.
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: "documents.csv", data: documentsCsv(open, meta, outlets) };
    yield { name: "outlet-ratings.csv", data: outletRatingsCsv(outlets) };
    yield { name: "spans.csv", data: spansCsv(open) };
  }
  yield* zipStream(entries());
};
