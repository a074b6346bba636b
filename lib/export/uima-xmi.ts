// UIMA CAS XMI for INCEpTION: a zip of TypeSystem.xml and one .xmi per document (per layer and
// document when the export holds several layers), shaped as UIMA's XmiCasSerializer writes them.
// CAS offsets count UTF-16 code units (Java strings); this is the one export that converts our
// code point offsets, through lib/text's offset index.
import { buildOffsetIndex } from "@/lib/text";
import { DOCUMENT_METADATA, SPAN_TYPES, UIMA_TYPES, typeSystemXml, xmiNamespace, type UimaType } from "./uima-typesystem";
import { escapeXmlAttr, xmlSafe } from "./xml";
import { documentFileStem, layerFolder, multiLayer, zipStream, type ZipEntry } from "./zip";
import type { DocumentSource, ExportDocument, ExportMeta, ExportSpan, ExportWriter, LayerName } from "./types";

const SOFA_ID = 1;
const METADATA_ID = 2;
const FIRST_SPAN_ID = 3;

/** Builds an element's attributes, leaving out empty values and counting characters XML 1.0 cannot hold. */
class Attributes {
  replaced = 0;
  private parts: string[] = [];
  add(name: string, value: string | number | boolean | null | undefined): this {
    if (value === undefined || value === null || value === "") return this;
    const safe = xmlSafe(String(value));
    this.replaced += safe.replaced;
    this.parts.push(` ${name}="${escapeXmlAttr(safe.text)}"`);
    return this;
  }
  take(): string {
    const out = this.parts.join("");
    this.parts = [];
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

const snakeCase = (feature: string): string => feature.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A feature's value on a span: registry ids become names, other attributes are copied as they are. */
function featureValue(feature: string, span: ExportSpan, doc: ExportDocument): string | number | undefined {
  const sourceName = (id: unknown): string => doc.sources.find((s) => s.id === id)?.name ?? `source ${String(id)}`;
  const a = span.attributes;
  if (feature === "note") return span.note;
  if (feature === "speaker") return a.source_id === undefined || a.source_id === null ? undefined : sourceName(a.source_id);
  if (feature === "targets") return Array.isArray(a.targets) && a.targets.length > 0 ? a.targets.map(sourceName).join("; ") : undefined;
  const value = a[snakeCase(feature)];
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

export interface XmiFile {
  xml: string;
  /** Characters XML 1.0 cannot hold, replaced by U+FFFD. */
  replaced: number;
}

/** One CAS: the document's text as the sofa, its metadata, and the spans given. */
export function xmiDocument(doc: ExportDocument, spans: readonly ExportSpan[], meta: ExportMeta): XmiFile {
  const index = buildOffsetIndex(doc.text);
  const xmiIds = new Map(spans.map((s, i) => [s.id, FIRST_SPAN_ID + i]));
  const attrs = new Attributes();
  let body = `  <cas:NULL xmi:id="0"/>\n`;
  attrs.add("xmi:id", METADATA_ID).add("sofa", SOFA_ID).add("begin", 0).add("end", index.utf16Length);
  attrs.add("language", doc.language ?? "x-unspecified").add("documentTitle", doc.title).add("documentId", String(doc.id));
  attrs.add("documentUri", doc.url).add("collectionId", meta.project.name).add("isLastSegment", "false");
  body += `  <${element(DOCUMENT_METADATA)}${attrs.take()}/>\n`;
  for (const span of spans) {
    const type = SPAN_TYPES[span.kind];
    attrs.add("xmi:id", xmiIds.get(span.id)).add("sofa", SOFA_ID);
    attrs.add("begin", index.toUtf16(span.start)).add("end", index.toUtf16(span.end));
    for (const feature of type.features) {
      // A parent outside this CAS (another layer, or a kind not exported) has nothing to point at.
      if (feature.range === "uima.tcas.Annotation") attrs.add(feature.name, span.parentId === null ? undefined : xmiIds.get(span.parentId));
      else attrs.add(feature.name, featureValue(feature.name, span, doc));
    }
    body += `  <${element(type)}${attrs.take()}/>\n`;
  }
  const sofa = xmlSafe(doc.text);
  attrs.add("xmi:id", SOFA_ID).add("sofaNum", 1).add("sofaID", "_InitialView").add("mimeType", "text/plain");
  body += `  <cas:Sofa${attrs.take()} sofaString="${escapeXmlAttr(sofa.text)}"/>\n`;
  const members = [METADATA_ID, ...spans.map((s) => xmiIds.get(s.id)!)].join(" ");
  body += `  <cas:View sofa="${SOFA_ID}" members="${members}"/>\n</xmi:XMI>\n`;
  return { xml: ROOT_OPEN + body, replaced: attrs.replaced + sofa.replaced };
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

async function* xmiEntries(open: DocumentSource, meta: ExportMeta): AsyncGenerator<ZipEntry> {
  yield { name: "TypeSystem.xml", data: typeSystemXml() };
  const replacements: string[] = [];
  for await (const doc of open()) {
    for (const file of documentFiles(doc, meta)) {
      const { xml, replaced } = xmiDocument(doc, file.spans, meta);
      if (replaced > 0) replacements.push(`${file.name}: ${replaced}`);
      yield { name: file.name, data: xml };
    }
  }
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
