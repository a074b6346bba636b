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
import type { Chunk, ExportDocument, ExportMeta, ExportSource, ExportSpan, ExportWriter } from "./types";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const PD_NAMESPACE = "urn:x-provenance-desk:";
export const ANNOTATION_CONTEXT = [ANNO_CONTEXT, { pd: PD_NAMESPACE }] as const;
export const JSON_FORMAT = "application/json";
export const TEXT_FORMAT = "text/plain";

type Json = Record<string, unknown>;

/** Attributes that travel as registry resources rather than tagging bodies. */
const REGISTRY_ATTRIBUTES = new Set(["source_id", "targets"]);

export const documentIri = (meta: ExportMeta, documentId: number): string => `${meta.baseUrl}/projects/${meta.project.id}/documents/${documentId}`;
const annotationIri = (meta: ExportMeta, documentId: number, spanId: number): string => `${documentIri(meta, documentId)}/annotations/${spanId}`;
const sourceIri = (meta: ExportMeta, sourceId: number): string => `${meta.baseUrl}/projects/${meta.project.id}/sources/${sourceId}`;
const userIri = (meta: ExportMeta, username: string): string => `${meta.baseUrl}/users/${encodeURIComponent(username)}`;

/** "speaker_type: named_person", or "sentiment: -2" with the JSON format for non-strings. */
export function attributeBody(name: string, value: unknown): Json {
  const isText = typeof value === "string";
  return { type: "TextualBody", purpose: "tagging", format: isText ? TEXT_FORMAT : JSON_FORMAT, value: `${name}: ${isText ? value : JSON.stringify(value)}` };
}

function registryBody(meta: ExportMeta, source: ExportSource, purpose: "identifying" | "tagging"): Json {
  const resource: Json = { id: sourceIri(meta, source.id), name: source.name, "pd:kind": source.kind };
  if (source.affiliation !== null) resource["pd:affiliation"] = source.affiliation;
  if (source.description !== "") resource["pd:description"] = source.description;
  if (source.aliases.length > 0) resource["pd:alias"] = source.aliases;
  return { type: "SpecificResource", purpose, source: resource };
}

function bodies(meta: ExportMeta, span: ExportSpan, registry: Map<number, ExportSource>): Json[] {
  const out: Json[] = [{ type: "TextualBody", purpose: "classifying", format: TEXT_FORMAT, value: span.kind }];
  const speaker = typeof span.attributes.source_id === "number" ? registry.get(span.attributes.source_id) : undefined;
  if (speaker !== undefined) out.push(registryBody(meta, speaker, "identifying"));
  const targets = Array.isArray(span.attributes.targets) ? span.attributes.targets : [];
  for (const id of targets) {
    const target = typeof id === "number" ? registry.get(id) : undefined;
    if (target !== undefined) out.push(registryBody(meta, target, "tagging"));
  }
  for (const [name, value] of Object.entries(span.attributes)) {
    if (REGISTRY_ATTRIBUTES.has(name) || value === undefined || value === null) continue;
    out.push(attributeBody(name, value));
  }
  if (span.note !== "") out.push({ type: "TextualBody", purpose: "commenting", format: TEXT_FORMAT, value: span.note });
  return out;
}

/** The Annotation for one span; `prefix`/`suffix` come from the span as stored. */
export function spanAnnotation(meta: ExportMeta, doc: ExportDocument, span: ExportSpan, registry: Map<number, ExportSource>): Json {
  const source: Json = { id: documentIri(meta, doc.id), type: "Text", format: TEXT_FORMAT, "pd:title": doc.title, "pd:sha256": doc.textSha256 };
  if (doc.language !== null) source.language = doc.language;
  const annotation: Json = {
    "@context": ANNOTATION_CONTEXT,
    id: annotationIri(meta, doc.id, span.id),
    type: "Annotation",
    motivation: "classifying",
    created: span.createdAt,
    modified: span.updatedAt,
    creator: { id: userIri(meta, span.annotator.username), type: "Person", name: span.annotator.displayName, nickname: span.annotator.username },
    generated: meta.exportedAt,
    body: bodies(meta, span, registry),
    target: {
      source,
      selector: [
        { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
        { type: "TextPositionSelector", start: span.start, end: span.end },
      ],
    },
    "pd:layer": span.layer,
  };
  if (span.parentId !== null) annotation["pd:parent"] = annotationIri(meta, doc.id, span.parentId);
  return annotation;
}

export const writeW3c: ExportWriter = async function* (open, meta): AsyncGenerator<Chunk, void, undefined> {
  const collectionId = `${meta.baseUrl}/projects/${meta.project.id}/export`;
  const head = {
    "@context": ANNO_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `${meta.project.name}: annotations (layer ${meta.layer})`,
    total: meta.spanCount,
  };
  const page = { id: `${collectionId}#page-1`, type: "AnnotationPage", partOf: collectionId, startIndex: 0 };
  // Everything but the closing brace of each object, so the items array can be opened inside.
  yield `${JSON.stringify(head).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
  let first = true;
  for await (const doc of open()) {
    if (doc.spans.length === 0) continue;
    const registry = new Map(doc.sources.map((s) => [s.id, s]));
    const lines: string[] = [];
    for (const span of doc.spans) {
      lines.push((first ? "\n" : ",\n") + JSON.stringify(spanAnnotation(meta, doc, span, registry)));
      first = false;
    }
    yield lines.join("");
  }
  yield "\n]}}\n";
};
