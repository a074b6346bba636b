// W3C Web Annotation (JSON-LD) export: one AnnotationCollection whose first page holds one
// Annotation per span. Streamed: the opening, then each annotation as its document is read, then
// the closing, so the items array never sits in memory whole.
//
// How our data maps onto the model (w3c-read.ts parses exactly this back):
// - kind: a TextualBody, purpose "classifying", value claim | opinion | quote;
// - each attribute: a TextualBody, purpose "tagging", value "name: value" — the value as written
//   for strings (format text/plain), as JSON for numbers and lists (format application/json);
// - the speaker (a sources-registry entry): a SpecificResource, purpose "identifying", whose source
//   is the entry's IRI with its name and our own terms (pd:kind, pd:affiliation…); claim and
//   opinion targets the same way with purpose "tagging";
// - the note: a TextualBody, purpose "commenting"; the layer and the parent annotation's IRI:
//   pd:layer and pd:parent on the annotation.
// Our terms sit under the prefix "pd" declared in a second @context entry, the JSON-LD way to add
// vocabulary; the Working Group's "must" assertions accept an @context array holding anno.jsonld.
// Offsets are code points, as the model requires. The article text itself is not embedded (the
// model has no place for it in a target), so ExportOptions.includeText does not apply here.
//
// Speed: an export of a million spans is over a gigabyte of JSON, so each annotation is written
// as a template of fixed keys with JSON.stringify applied only to the string values (which does
// the escaping), instead of building an object graph per span and serialising it. What every
// span of a document shares (its target source, the speakers, the annotators) is written once
// per document. The key order is exactly what JSON.stringify of the model object would give.
import type { Chunk, ExportDocument, ExportMeta, ExportPerson, ExportSource, ExportSpan, ExportWriter } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const PD_NAMESPACE = "urn:x-provenance-desk:";
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { pd: PD_NAMESPACE }] as const;
export const JSON_FORMAT = "application/json";
export const TEXT_FORMAT = "text/plain";

/** JSON for a string value (quotes and escapes included). */
const str = (value: string): string => JSON.stringify(value);

const CONTEXT_JSON = JSON.stringify(ANNOTATION_CONTEXT);
const TEXT_FORMAT_JSON = str(TEXT_FORMAT);

export const documentIri = (meta: ExportMeta, documentId: number): string => `${meta.baseUrl}/projects/${meta.project.id}/documents/${documentId}`;
const sourceIri = (meta: ExportMeta, sourceId: number): string => `${meta.baseUrl}/projects/${meta.project.id}/sources/${sourceId}`;
const userIri = (meta: ExportMeta, username: string): string => `${meta.baseUrl}/users/${encodeURIComponent(username)}`;

/** "speaker_type: named_person", or "sentiment: -2" with the JSON format for non-strings. */
export function attributeBodyJson(name: string, value: unknown): string {
  const isText = typeof value === "string";
  const format = isText ? TEXT_FORMAT : JSON_FORMAT;
  return `{"type":"TextualBody","purpose":"tagging","format":"${format}","value":${str(`${name}: ${isText ? value : JSON.stringify(value)}`)}}`;
}

function registryBodyJson(meta: ExportMeta, source: ExportSource, purpose: "identifying" | "tagging"): string {
  let resource = `{"id":${str(sourceIri(meta, source.id))},"name":${str(source.name)},"pd:kind":${str(source.kind)}`;
  if (source.affiliation !== null) resource += `,"pd:affiliation":${str(source.affiliation)}`;
  if (source.description !== "") resource += `,"pd:description":${str(source.description)}`;
  if (source.aliases.length > 0) resource += `,"pd:alias":${JSON.stringify(source.aliases)}`;
  return `{"type":"SpecificResource","purpose":"${purpose}","source":${resource}}}`;
}

/** What every annotation of one document shares, each piece serialised once. */
class DocumentParts {
  readonly iri: string;
  readonly targetSource: string;
  private readonly registry: Map<number, ExportSource>;
  private readonly bodies = new Map<string, string>();
  private readonly creators = new Map<string, string>();

  constructor(
    private readonly meta: ExportMeta,
    doc: ExportDocument,
  ) {
    this.iri = documentIri(meta, doc.id);
    let source = `{"id":${str(this.iri)},"type":"Text","format":${TEXT_FORMAT_JSON},"pd:title":${str(doc.title)},"pd:sha256":${str(doc.textSha256)}`;
    if (doc.language !== null) source += `,"language":${str(doc.language)}`;
    this.targetSource = `${source}}`;
    this.registry = new Map(doc.sources.map((s) => [s.id, s]));
  }

  /** The speaker's or a target's body, or "" when the id is not in the document's sources. */
  registryBody(id: unknown, purpose: "identifying" | "tagging"): string {
    if (typeof id !== "number") return "";
    const key = `${purpose} ${id}`;
    let body = this.bodies.get(key);
    if (body === undefined) {
      const source = this.registry.get(id);
      body = source === undefined ? "" : registryBodyJson(this.meta, source, purpose);
      this.bodies.set(key, body);
    }
    return body;
  }

  creator(person: ExportPerson): string {
    let json = this.creators.get(person.username);
    if (json === undefined) {
      json = `{"id":${str(userIri(this.meta, person.username))},"type":"Person","name":${str(person.displayName)},"nickname":${str(person.username)}}`;
      this.creators.set(person.username, json);
    }
    return json;
  }
}

function bodiesJson(parts: DocumentParts, span: ExportSpan): string {
  let out = `{"type":"TextualBody","purpose":"classifying","format":${TEXT_FORMAT_JSON},"value":${str(span.kind)}}`;
  const attributes = span.attributes;
  const speaker = parts.registryBody(attributes.source_id, "identifying");
  if (speaker !== "") out += `,${speaker}`;
  if (Array.isArray(attributes.targets)) {
    for (const id of attributes.targets) {
      const target = parts.registryBody(id, "tagging");
      if (target !== "") out += `,${target}`;
    }
  }
  // Attributes are plain parsed JSON objects, so for…in visits the keys Object.entries would,
  // in the same order, without allocating the pairs.
  for (const name in attributes) {
    if (name === "source_id" || name === "targets") continue;
    const value = attributes[name];
    if (value !== undefined && value !== null) out += `,${attributeBodyJson(name, value)}`;
  }
  if (span.note !== "") out += `,{"type":"TextualBody","purpose":"commenting","format":${TEXT_FORMAT_JSON},"value":${str(span.note)}}`;
  return out;
}

/** One span's Annotation as JSON; `prefix`/`suffix` come from the span as stored. */
function annotationJson(parts: DocumentParts, generated: string, span: ExportSpan): string {
  const parent = span.parentId === null ? "" : `,"pd:parent":${str(`${parts.iri}/annotations/${span.parentId}`)}`;
  return (
    `{"@context":${CONTEXT_JSON},"id":${str(`${parts.iri}/annotations/${span.id}`)},"type":"Annotation","motivation":"classifying",` +
    `"created":${str(span.createdAt)},"modified":${str(span.updatedAt)},"creator":${parts.creator(span.annotator)},"generated":${generated},` +
    `"body":[${bodiesJson(parts, span)}],"target":{"source":${parts.targetSource},"selector":[` +
    `{"type":"TextQuoteSelector","exact":${str(span.exact)},"prefix":${str(span.prefix)},"suffix":${str(span.suffix)}},` +
    `{"type":"TextPositionSelector","start":${JSON.stringify(span.start)},"end":${JSON.stringify(span.end)}}]},"pd:layer":${str(span.layer)}${parent}}`
  );
}

// Chunks are cut at about this many UTF-16 units. Encoding a string that was built piece by piece
// first copies it flat, and a copy over V8's regular object size (128 KB, so 64 Ki two-byte
// characters) goes to large-object space: measured about 8 times slower per byte than below it.
const CHUNK_UNITS = 32 * 1024;

export const writeW3c: ExportWriter = async function* (open, meta): AsyncGenerator<Chunk, void, undefined> {
  const collectionId = `${meta.baseUrl}/projects/${meta.project.id}/export`;
  const head = {
    "@context": ANNO_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `${meta.project.name}: annotations (layer ${meta.layer})`,
  };
  const page = { id: `${collectionId}#page-1`, type: "AnnotationPage", partOf: collectionId, startIndex: 0 };
  // Everything but the closing brace of each object, so the items array can be opened inside.
  yield `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
  const generated = str(meta.exportedAt);
  let separator = "\n";
  // `total` is written last, counted as the annotations go: JSON-LD does not order keys, and
  // counting up front would hold the first byte back until the whole scope had been counted.
  let total = 0;
  for await (const doc of open()) {
    if (doc.spans.length === 0) continue;
    const parts = new DocumentParts(meta, doc);
    let chunk = "";
    for (const span of doc.spans) {
      chunk += separator + annotationJson(parts, generated, span);
      separator = ",\n";
      total += 1;
      if (chunk.length >= CHUNK_UNITS) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk !== "") yield chunk;
  }
  yield `\n]},"total":${total}}\n`;
};
