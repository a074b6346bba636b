// UIMA CAS XMI for INCEpTION: a zip of TypeSystem.xml and one .xmi per document (per layer and
// document when the export holds several layers), shaped as UIMA's XmiCasSerializer writes them.
// CAS offsets count UTF-16 code units (Java strings); this is the one export that converts our
// code point offsets, through lib/text's offset index.
import { buildOffsetIndex, type OffsetIndex } from "@/lib/text";
import { DOCUMENT_METADATA, SPAN_TYPES, UIMA_TYPES, typeSystemXml, xmiNamespace, type UimaType } from "./uima-typesystem";
import { escapeXmlAttr, xmlSafe, type XmlSafeText } from "./xml";
import { documentFileStem, layerFolder, multiLayer, zipStream, type ZipEntry } from "./zip";
import type { DocumentSource, ExportDocument, ExportMeta, ExportSpan, ExportWriter, LayerName } from "./types";

const SOFA_ID = 1;
const METADATA_ID = 2;
const FIRST_SPAN_ID = 3;

// Speed: a million spans means tens of millions of attribute values. Almost none holds a
// character to escape or replace, so one test sends those straight out; everything a span's
// features need that depends only on its kind (element name, attribute key, parent feature) is
// worked out once at load, and the document's sofa and source names once per document.

// Any character xmlSafe or escapeXmlAttr would touch (surrogates included, paired or not).
const NEEDS_WORK = /[&<>"'\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Builds an element's attributes, leaving out empty values and counting characters XML 1.0 cannot hold. */
class Attributes {
  replaced = 0;
  private out = "";
  add(name: string, value: string | number | boolean | null | undefined): this {
    if (value === undefined || value === null || value === "") return this;
    // Numbers and booleans print without anything to escape.
    if (typeof value !== "string" || !NEEDS_WORK.test(value)) {
      this.out += ` ${name}="${value}"`;
      return this;
    }
    const safe = xmlSafe(value);
    this.replaced += safe.replaced;
    this.out += ` ${name}="${escapeXmlAttr(safe.text)}"`;
    return this;
  }
  take(): string {
    const out = this.out;
    this.out = "";
    return out;
  }
}

function element(type: UimaType): string {
  const ns = xmiNamespace(type.name);
  return `${ns.prefix}:${ns.localName}`;
}

function xmiRootOpen(): string {
  const namespaces = new Map([
    ["xmi", "http://www.omg.org/XMI"],
    ["cas", "http:///uima/cas.ecore"],
    ["tcas", "http:///uima/tcas.ecore"],
  ]);
  for (const type of UIMA_TYPES) namespaces.set(xmiNamespace(type.name).prefix, xmiNamespace(type.name).uri);
  const attrs = [...namespaces].map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xmi:XMI${attrs} xmi:version="2.0">\n`;
}
const ROOT_OPEN = xmiRootOpen();
const METADATA_ELEMENT = element(DOCUMENT_METADATA);

interface FeaturePlan {
  name: string;
  /** Where the value comes from: the parent link, the note, a registry id, or this attribute key. */
  from: "parent" | "note" | "speaker" | "targets" | "attribute";
  key: string;
}

const snakeCase = (feature: string): string => feature.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function featurePlan(type: UimaType): FeaturePlan[] {
  return type.features.map(({ name, range }) => {
    if (range === "uima.tcas.Annotation") return { name, from: "parent", key: "" };
    if (name === "note" || name === "speaker" || name === "targets") return { name, from: name, key: "" };
    return { name, from: "attribute", key: snakeCase(name) };
  });
}

const KIND_PLANS = Object.fromEntries(
  Object.entries(SPAN_TYPES).map(([kind, type]) => [kind, { element: element(type), features: featurePlan(type) }]),
) as Record<ExportSpan["kind"], { element: string; features: FeaturePlan[] }>;

/** What every file of one document shares: offsets, the escaped sofa, source names by id. */
interface DocumentContext {
  index: OffsetIndex;
  sofa: XmlSafeText;
  names: Map<unknown, string>;
}

function documentContext(doc: ExportDocument): DocumentContext {
  const sofa = xmlSafe(doc.text);
  const names = new Map<unknown, string>();
  // The first source of an id wins, as a search through the list would find it.
  for (const s of doc.sources) if (!names.has(s.id)) names.set(s.id, s.name);
  return { index: buildOffsetIndex(doc.text), sofa: { text: escapeXmlAttr(sofa.text), replaced: sofa.replaced }, names };
}

const sourceName = (names: Map<unknown, string>, id: unknown): string => names.get(id) ?? `source ${String(id)}`;

/** A feature's value on a span: registry ids become names, other attributes are copied as they are. */
function featureValue(plan: FeaturePlan, span: ExportSpan, names: Map<unknown, string>): string | number | undefined {
  const a = span.attributes;
  if (plan.from === "note") return span.note;
  if (plan.from === "speaker") return a.source_id === undefined || a.source_id === null ? undefined : sourceName(names, a.source_id);
  if (plan.from === "targets") {
    if (!Array.isArray(a.targets) || a.targets.length === 0) return undefined;
    let out = "";
    for (let i = 0; i < a.targets.length; i++) out += (i === 0 ? "" : "; ") + sourceName(names, a.targets[i]);
    return out;
  }
  const value = a[plan.key];
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

export interface XmiFile {
  xml: string;
  /** Characters XML 1.0 cannot hold, replaced by U+FFFD. */
  replaced: number;
}

/** One CAS: the document's text as the sofa, its metadata, and the spans given. */
export function xmiDocument(doc: ExportDocument, spans: readonly ExportSpan[], meta: ExportMeta, context = documentContext(doc)): XmiFile {
  const { index, names } = context;
  const xmiIds = new Map<number, number>();
  for (let i = 0; i < spans.length; i++) xmiIds.set(spans[i]!.id, FIRST_SPAN_ID + i);
  const attrs = new Attributes();
  let body = `  <cas:NULL xmi:id="0"/>\n`;
  attrs.add("xmi:id", METADATA_ID).add("sofa", SOFA_ID).add("begin", 0).add("end", index.utf16Length);
  attrs
    .add("language", doc.language ?? "x-unspecified")
    .add("documentTitle", doc.title)
    .add("documentId", String(doc.id));
  attrs.add("documentUri", doc.url).add("collectionId", meta.project.name).add("isLastSegment", "false");
  body += `  <${METADATA_ELEMENT}${attrs.take()}/>\n`;
  let members = String(METADATA_ID);
  for (const span of spans) {
    const plan = KIND_PLANS[span.kind];
    const xmiId = xmiIds.get(span.id);
    members += ` ${xmiId}`;
    attrs.add("xmi:id", xmiId).add("sofa", SOFA_ID);
    attrs.add("begin", index.toUtf16(span.start)).add("end", index.toUtf16(span.end));
    for (const feature of plan.features) {
      // A parent outside this CAS (another layer, or a kind not exported) has nothing to point at.
      if (feature.from === "parent") attrs.add(feature.name, span.parentId === null ? undefined : xmiIds.get(span.parentId));
      else attrs.add(feature.name, featureValue(feature, span, names));
    }
    body += `  <${plan.element}${attrs.take()}/>\n`;
  }
  attrs.add("xmi:id", SOFA_ID).add("sofaNum", 1).add("sofaID", "_InitialView").add("mimeType", "text/plain");
  body += `  <cas:Sofa${attrs.take()} sofaString="${context.sofa.text}"/>\n`;
  body += `  <cas:View sofa="${SOFA_ID}" members="${members}"/>\n</xmi:XMI>\n`;
  return { xml: ROOT_OPEN + body, replaced: attrs.replaced + context.sofa.replaced };
}

/** The files of one document: one CAS, or one per layer in the layer's folder. */
function documentFiles(doc: ExportDocument, meta: ExportMeta): { name: string; spans: ExportSpan[] }[] {
  const stem = documentFileStem(doc.id, doc.title);
  // A document no layer annotated is still exported, once, beside the layer folders.
  if (!multiLayer(meta.layer) || doc.layers.length === 0) return [{ name: `${stem}.xmi`, spans: doc.spans }];
  return doc.layers.map(({ name }: { name: LayerName }) => ({
    name: `${layerFolder(name)}/${stem}.xmi`,
    spans: doc.spans.filter((s) => s.layer === name),
  }));
}

// The report names at most this many files, so what the writer keeps stays bounded however
// many documents hold such characters; past it, it says how many more there were.
const REPORTED_FILES = 1000;

async function* xmiEntries(open: DocumentSource, meta: ExportMeta): AsyncGenerator<ZipEntry> {
  yield { name: "TypeSystem.xml", data: typeSystemXml() };
  const replacements: string[] = [];
  let unlisted = 0;
  for await (const doc of open()) {
    const context = documentContext(doc);
    for (const file of documentFiles(doc, meta)) {
      const { xml, replaced } = xmiDocument(doc, file.spans, meta, context);
      if (replaced > 0 && replacements.length < REPORTED_FILES) replacements.push(`${file.name}: ${replaced}`);
      else if (replaced > 0) unlisted++;
      yield { name: file.name, data: xml };
    }
  }
  if (unlisted > 0) replacements.push(`…and ${unlisted} more files.`);
  // Only when it happened: which files had characters XML 1.0 cannot hold.
  if (replacements.length > 0) {
    const why =
      "XML 1.0 cannot hold some control characters (other than tab and line breaks), U+FFFE, U+FFFF or unpaired surrogates.\n" +
      "Each was replaced by U+FFFD, which takes the same one UTF-16 unit, so every offset still points at the same text.\n" +
      "Characters replaced, per file:\n";
    yield { name: "XML-REPLACEMENTS.txt", data: why + replacements.join("\n") + "\n" };
  }
}

/** UIMA CAS XMI writer. Without the text a CAS's offsets point at nothing, so the text is required. */
export const writeUimaXmi: ExportWriter = async function* (open, meta) {
  if (!meta.includeText) {
    throw new Error("The uima-xmi format needs the article text (the CAS's sofa): export it with the text included.");
  }
  yield* zipStream(xmiEntries(open, meta));
};
