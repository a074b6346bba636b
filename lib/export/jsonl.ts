// JSONL, our own lossless format: one document per line, versioned, described line by line by
// schema/document.schema.json, in the key order jsonl-record.ts gives (so two exports of the
// same data are byte-identical whatever order the reader's objects were assembled in).
//
// Speed: the spans are nearly all of a line, so each is written as a template of its fixed
// keys with JSON.stringify on each value (which does the escaping), instead of an object per
// span that is then serialised; the document's own fields the same way. The small nested parts
// (outlet, layers, sources…) are serialised from jsonl-record.ts's objects. A test checks that
// the line is, byte for byte, JSON.stringify(jsonlRecord(doc, meta)).
import { attributes, decision, JSONL_OFFSET_UNIT, layer, outlet, rating, segment, source } from "./jsonl-record";
import { JSONL_FORMAT, JSONL_VERSION, type ExportDocument, type ExportMeta, type ExportSpan, type ExportWriter } from "./types";

export { JSONL_OFFSET_UNIT, jsonlRecord } from "./jsonl-record";

const json = JSON.stringify;

function spanJson(s: ExportSpan): string {
  return (
    `{"id":${json(s.id)},"layer":${json(s.layer)},"annotator":{"username":${json(s.annotator.username)},"displayName":${json(s.annotator.displayName)}},` +
    `"kind":${json(s.kind)},"start":${json(s.start)},"end":${json(s.end)},"exact":${json(s.exact)},"prefix":${json(s.prefix)},"suffix":${json(s.suffix)},` +
    `"attributes":${json(attributes(s.attributes))},"note":${json(s.note)},"parentId":${json(s.parentId)},"createdAt":${json(s.createdAt)},"updatedAt":${json(s.updatedAt)}}`
  );
}

function spansJson(spans: readonly ExportSpan[]): string {
  let out = "";
  for (let i = 0; i < spans.length; i++) out += (i === 0 ? "" : ",") + spanJson(spans[i]!);
  return `[${out}]`;
}

/** The head of every line of the export: format, version, project and time. */
const lineHead = (meta: ExportMeta): string =>
  `{"format":${json(JSONL_FORMAT)},"version":${json(JSONL_VERSION)},"project":${json({ id: meta.project.id, name: meta.project.name })},"exportedAt":${json(meta.exportedAt)}`;

function documentJson(doc: ExportDocument, meta: ExportMeta, head: string): string {
  const story = doc.story === null ? null : { id: doc.story.id, name: doc.story.name, description: doc.story.description };
  return (
    `${head},"id":${json(doc.id)},"title":${json(doc.title)},"author":${json(doc.author)},"publishedAt":${json(doc.publishedAt)},"url":${json(doc.url)},` +
    `"language":${json(doc.language)},"sourceFileName":${json(doc.sourceFileName)},"importedAt":${json(doc.importedAt)},"textSha256":${json(doc.textSha256)},` +
    `"charCount":${json(doc.charCount)},"wordCount":${json(doc.wordCount)},"offsetUnit":${json(JSONL_OFFSET_UNIT)},"text":${json(meta.includeText ? doc.text : null)},` +
    `"outlet":${json(doc.outlet === null ? null : outlet(doc.outlet))},"story":${json(story)},"segments":${json(doc.segments.map(segment))},` +
    `"goldSettled":${json(doc.goldSettled)},"layers":${json(doc.layers.map(layer))},"spans":${spansJson(doc.spans)},"sources":${json(doc.sources.map(source))},` +
    `"decisions":${json(doc.decisions.map(decision))},"ratings":${json(doc.ratings.map(rating))}}`
  );
}

// JSON.stringify escapes "\n" and "\r" inside strings but not U+2028/U+2029, which Python's
// str.splitlines() and some editors treat as line ends; escaping them keeps one line per document.
const LINE_SEPARATORS = /[\u2028\u2029]/g;
const escapeSeparator = (c: string): string => (c === "\u2028" ? "\\u2028" : "\\u2029");

function line(doc: ExportDocument, meta: ExportMeta, head: string): string {
  return documentJson(doc, meta, head).replace(LINE_SEPARATORS, escapeSeparator);
}

/** One document as its JSONL line, "\n" included. */
export function jsonlLine(doc: ExportDocument, meta: ExportMeta): string {
  return `${line(doc, meta, lineHead(meta))}\n`;
}

/**
 * One line per document, read in a single pass. Only the current document is ever held, so
 * memory follows the largest document, not the corpus.
 */
export const writeJsonl: ExportWriter = async function* (open, meta) {
  const head = lineHead(meta);
  // The line and its newline go as two chunks: joining them would copy the whole line once more.
  for await (const doc of open()) {
    yield line(doc, meta, head);
    yield "\n";
  }
};
