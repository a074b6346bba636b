// The JSONL line as an object: the shape schema/document.schema.json describes, every object
// rebuilt with its keys in a fixed order (rather than serialising what the reader handed us) so
// that two exports of the same data are byte-identical whatever order the reader's objects were
// assembled in. jsonl.ts writes the line; its spans, the bulk of it, are written without these
// objects for speed, and a test holds the two to the same bytes.
import {
  JSONL_FORMAT,
  JSONL_VERSION,
  type ExportDecision,
  type ExportDocument,
  type ExportLayer,
  type ExportMeta,
  type ExportOutlet,
  type ExportPerson,
  type ExportRating,
  type ExportReferenceRating,
  type ExportSegment,
  type ExportSource,
  type ExportSpan,
} from "./types";

/** The unit every offset of a line is counted in; stated on each line so a reader need not guess. */
export const JSONL_OFFSET_UNIT = "code point";

const person = (p: ExportPerson): object => ({ username: p.username, displayName: p.displayName });

export const rating = (r: ExportRating): object => ({
  axis: r.axis,
  value: r.value,
  label: r.label,
  rationale: r.rationale,
  gold: r.gold,
  rater: person(r.rater),
  updatedAt: r.updatedAt,
});

const reference = (r: ExportReferenceRating): object => ({
  publisher: r.publisher,
  axis: r.axis,
  value: r.value,
  label: r.label,
  retrievedAt: r.retrievedAt,
  url: r.url,
});

export const outlet = (o: ExportOutlet): object => ({
  id: o.id,
  name: o.name,
  domain: o.domain,
  kind: o.kind,
  country: o.country,
  ratings: o.ratings.map(rating),
  references: o.references.map(reference),
});

export const segment = (s: ExportSegment): object => ({
  id: s.id,
  start: s.start,
  end: s.end,
  originalOutlet: s.originalOutlet === null ? null : { id: s.originalOutlet.id, name: s.originalOutlet.name },
  originalUrl: s.originalUrl,
  originalDate: s.originalDate,
});

export const layer = (l: ExportLayer): object => ({
  name: l.name,
  reviewer: l.reviewer === null ? null : person(l.reviewer),
  status: l.status,
});

/** Attribute keys sorted, so their order does not depend on how the span was last edited. */
export function attributes(a: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(a).sort()) if (a[key] !== undefined) sorted[key] = a[key];
  return sorted;
}

const span = (s: ExportSpan): object => ({
  id: s.id,
  layer: s.layer,
  annotator: person(s.annotator),
  kind: s.kind,
  start: s.start,
  end: s.end,
  exact: s.exact,
  prefix: s.prefix,
  suffix: s.suffix,
  attributes: attributes(s.attributes),
  note: s.note,
  parentId: s.parentId,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

export const source = (s: ExportSource): object => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  affiliation: s.affiliation,
  description: s.description,
  aliases: [...s.aliases],
});

export const decision = (d: ExportDecision): object => ({
  id: d.id,
  decision: d.decision,
  goldAnnotationId: d.goldAnnotationId,
  fromAnnotationIds: [...d.fromAnnotationIds],
  reason: d.reason,
  adjudicator: person(d.adjudicator),
  at: d.at,
});

/** One document as the object its JSONL line serialises, keys in the schema's order. */
export function jsonlRecord(doc: ExportDocument, meta: ExportMeta): object {
  return {
    format: JSONL_FORMAT,
    version: JSONL_VERSION,
    project: { id: meta.project.id, name: meta.project.name },
    exportedAt: meta.exportedAt,
    id: doc.id,
    title: doc.title,
    author: doc.author,
    publishedAt: doc.publishedAt,
    url: doc.url,
    language: doc.language,
    sourceFileName: doc.sourceFileName,
    importedAt: doc.importedAt,
    textSha256: doc.textSha256,
    charCount: doc.charCount,
    wordCount: doc.wordCount,
    offsetUnit: JSONL_OFFSET_UNIT,
    text: meta.includeText ? doc.text : null,
    outlet: doc.outlet === null ? null : outlet(doc.outlet),
    story: doc.story === null ? null : { id: doc.story.id, name: doc.story.name, description: doc.story.description },
    segments: doc.segments.map(segment),
    goldSettled: doc.goldSettled,
    layers: doc.layers.map(layer),
    spans: doc.spans.map(span),
    sources: doc.sources.map(source),
    decisions: doc.decisions.map(decision),
    ratings: doc.ratings.map(rating),
  };
}
