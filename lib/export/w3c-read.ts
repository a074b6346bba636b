// Reads Web Annotations back into ImportedSpans: the form w3c.ts writes (see its header), and
// what other tools write as far as it maps (a classifying body naming our kind, or a bodyValue;
// a TextPositionSelector and a TextQuoteSelector). Pure: no document lookup, no anchoring — the
// server does that. Anything it cannot read becomes a ParseProblem naming the annotation.
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import type { DocumentRef, ImportedSpan, ParsedAnnotations, ParseProblem, SpeakerRef } from "./import-types";
import type { LayerName } from "./types";
import { JSON_FORMAT, PD_NAMESPACE } from "./w3c";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const hasType = (o: Json, type: string): boolean => asList(o.type).includes(type);

/** Reads our own terms whether they are written compact ("pd:kind") or expanded. */
function pd(o: Json, term: string): unknown {
  return o[`pd:${term}`] ?? o[`${PD_NAMESPACE}${term}`];
}

/** The annotations of a collection (first page, and any further pages embedded), a page, a list, or one. */
function annotationsOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return [];
  if (hasType(doc, "AnnotationCollection")) {
    const out: unknown[] = [];
    let page: unknown = doc.first;
    while (isObject(page)) {
      out.push(...asList(page.items));
      page = page.next;
    }
    return out;
  }
  if (hasType(doc, "AnnotationPage")) return asList(doc.items);
  return [doc];
}

function speakerOf(resource: unknown): SpeakerRef | null {
  if (!isObject(resource) || typeof resource.name !== "string") return null;
  const speaker: SpeakerRef = { name: resource.name };
  const kind = str(pd(resource, "kind"));
  if (kind !== undefined) speaker.kind = kind;
  const affiliation = str(pd(resource, "affiliation"));
  if (affiliation !== undefined) speaker.affiliation = affiliation;
  const description = str(pd(resource, "description"));
  if (description !== undefined) speaker.description = description;
  const aliases = asList(pd(resource, "alias")).filter((a): a is string => typeof a === "string");
  if (aliases.length > 0) speaker.aliases = aliases;
  return speaker;
}

interface BodyFields {
  kind: string | null;
  attributes: Record<string, unknown>;
  speaker: SpeakerRef | null;
  targets: SpeakerRef[];
  notes: string[];
}

/** Sorts the bodies by purpose; returns a problem message for a body it cannot read. */
function readBodies(annotation: Json, fields: BodyFields): string | null {
  for (const body of asList(annotation.body)) {
    if (!isObject(body)) continue;
    const purpose = str(body.purpose);
    const value = str(body.value);
    if (purpose === "classifying" && value !== undefined) fields.kind = value;
    else if (purpose === "commenting" && value !== undefined) fields.notes.push(value);
    else if (purpose === "tagging" && value !== undefined) {
      const colon = value.indexOf(": ");
      if (colon <= 0) return `tagging body "${value}" is not "name: value"`;
      const name = value.slice(0, colon);
      const raw = value.slice(colon + 2);
      try {
        fields.attributes[name] = body.format === JSON_FORMAT ? (JSON.parse(raw) as unknown) : raw;
      } catch {
        return `attribute ${name} is marked as JSON but "${raw}" is not JSON`;
      }
    } else if (purpose === "identifying") fields.speaker = speakerOf(body.source) ?? fields.speaker;
    else if (purpose === "tagging") {
      const target = speakerOf(body.source);
      if (target !== null) fields.targets.push(target);
    }
  }
  // Annotations with a single bodyValue (a plain string) carry just the kind.
  if (fields.kind === null && typeof annotation.bodyValue === "string") fields.kind = annotation.bodyValue;
  return null;
}

function documentRefOf(target: Json): DocumentRef {
  const source = target.source;
  const iri = isObject(source) ? str(source.id) : str(source);
  const ref: DocumentRef = {};
  const match = iri === undefined ? null : /\/documents\/(\d+)\/?$/.exec(iri);
  if (match) ref.documentId = Number(match[1]);
  if (isObject(source)) {
    const sha = str(pd(source, "sha256"));
    if (sha !== undefined) ref.sha256 = sha;
    const title = str(pd(source, "title"));
    if (title !== undefined) ref.title = title;
  }
  return ref;
}

interface Selectors {
  position: { start: number; end: number } | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
}

function selectorsOf(target: Json): Selectors {
  const found: Selectors = { position: null, quote: null };
  for (const s of asList(target.selector)) {
    if (!isObject(s)) continue;
    if (hasType(s, "TextPositionSelector") && Number.isInteger(s.start) && Number.isInteger(s.end)) {
      found.position = { start: s.start as number, end: s.end as number };
    } else if (hasType(s, "TextQuoteSelector") && typeof s.exact === "string") {
      found.quote = { exact: s.exact, prefix: str(s.prefix) ?? "", suffix: str(s.suffix) ?? "" };
    }
  }
  return found;
}

const isKind = (k: string | null): k is AnnotationKind => (ANNOTATION_KINDS as readonly string[]).includes(k ?? "");
const isLayer = (l: unknown): l is LayerName => l === "gold" || (typeof l === "string" && /^reviewer:.+/.test(l));

function readAnnotation(annotation: Json, where: string): ImportedSpan | string {
  const target = asList(annotation.target).find(isObject);
  if (target === undefined) return "no target with a selector";
  const fields: BodyFields = { kind: null, attributes: {}, speaker: null, targets: [], notes: [] };
  const bodyProblem = readBodies(annotation, fields);
  if (bodyProblem !== null) return bodyProblem;
  if (fields.kind === null) return "no classifying body giving the kind (claim, opinion or quote)";
  if (!isKind(fields.kind)) return `unknown kind "${fields.kind}" (expected claim, opinion or quote)`;
  const { position, quote } = selectorsOf(target);
  // Both are needed: the position to anchor, the quote to check it (and to re-anchor by).
  if (position === null) return "no TextPositionSelector with integer start and end";
  if (quote === null) return "no TextQuoteSelector with an exact text";
  if (position.start < 0 || position.end <= position.start) {
    return `TextPositionSelector ${position.start}..${position.end} is not a span (0 <= start < end)`;
  }
  const layer = pd(annotation, "layer");
  return {
    ref: where,
    document: documentRefOf(target),
    layer: isLayer(layer) ? layer : null,
    kind: fields.kind,
    start: position.start,
    end: position.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    attributes: fields.attributes,
    speaker: fields.speaker,
    targets: fields.targets,
    note: fields.notes.join("\n\n"),
    parentRef: str(pd(annotation, "parent")) ?? null,
  };
}

/** Parses an exported AnnotationCollection, an AnnotationPage, a list of annotations or one annotation. */
export function parseW3c(json: string): ParsedAnnotations {
  let doc: unknown;
  try {
    doc = JSON.parse(json) as unknown;
  } catch (error) {
    return { spans: [], problems: [{ where: "file", message: `not JSON: ${(error as Error).message}` }] };
  }
  const spans: ImportedSpan[] = [];
  const problems: ParseProblem[] = [];
  const annotations = annotationsOf(doc);
  if (!isObject(doc) && !Array.isArray(doc)) {
    problems.push({ where: "file", message: "expected an annotation, a list, an AnnotationPage or an AnnotationCollection" });
  }
  annotations.forEach((annotation, i) => {
    const where = isObject(annotation) && typeof annotation.id === "string" ? annotation.id : `annotation #${i + 1}`;
    const result = isObject(annotation) ? readAnnotation(annotation, where) : "not an object";
    if (typeof result === "string") problems.push({ where, message: result });
    else spans.push(result);
  });
  return { spans, problems };
}
