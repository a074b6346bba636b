// The UIMA type system of the XMI export: our three span kinds as INCEpTION custom span layers
// (INCEpTION names custom layers webanno.custom.*), and DKPro's DocumentMetaData, which
// INCEpTION reads for a document's name. Declared once here; the writer and TypeSystem.xml
// both come from this table, so an annotation can never carry a feature the file does not declare.
import type { AnnotationKind } from "@/lib/validation/annotations";
import { escapeXmlText } from "./xml";

export type UimaRange = "uima.cas.String" | "uima.cas.Integer" | "uima.cas.Boolean" | "uima.tcas.Annotation";

export interface UimaFeature {
  name: string;
  range: UimaRange;
  description: string;
}

export interface UimaType {
  /** Fully qualified: the Java package, then the type's short name. */
  name: string;
  supertype: string;
  description: string;
  features: UimaFeature[];
}

const str = (name: string, description: string): UimaFeature => ({ name, range: "uima.cas.String", description });

const common: UimaFeature[] = [
  str("confidence", "The annotator's confidence: low, medium or high."),
  str("note", "The annotator's free-text note."),
  { name: "parent", range: "uima.tcas.Annotation", description: "The enclosing span (a claim inside a quote, a quote inside a quote)." },
];

export const SPAN_TYPES: Record<AnnotationKind, UimaType> = {
  claim: {
    name: "webanno.custom.Claim",
    supertype: "uima.tcas.Annotation",
    description: "A checkable statement about the world, in the author's voice or inside a quote.",
    features: [
      str("checkworthy", "yes or no."),
      str("certainty", "certain, probable, possible or underspecified."),
      str("targets", "Names of the registry sources the claim is about, separated by '; '."),
      ...common,
    ],
  },
  opinion: {
    name: "webanno.custom.Opinion",
    supertype: "uima.tcas.Annotation",
    description: "An evaluation, prediction or recommendation.",
    features: [
      str("holder", "author or quoted."),
      { name: "sentiment", range: "uima.cas.Integer", description: "From -2 to +2." },
      str("bias", "lexical, informational or none (BASIL)."),
      str("targets", "Names of the registry sources the opinion is about, separated by '; '."),
      ...common,
    ],
  },
  quote: {
    name: "webanno.custom.AttributedQuote",
    supertype: "uima.tcas.Annotation",
    description: "Attributed quote: the span is the quoted content.",
    features: [
      str("speaker", "The speaker's name in the project's sources registry."),
      str("speakerText", "How the text names the speaker, verbatim."),
      str("speakerType", "named_person, unnamed_person, named_org, unnamed_group, document, media_outlet, outlet_self or unknown."),
      str("mode", "direct, indirect or mixed."),
      str("cue", "The attribution cue (said, told, according to)."),
      str("addressee", "Whom the speaker addressed."),
      str("contentType", "claim, opinion or mixed."),
      ...common,
    ],
  },
};

export const DOCUMENT_METADATA: UimaType = {
  name: "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData",
  supertype: "uima.tcas.DocumentAnnotation",
  description: "DKPro Core's document metadata, as INCEpTION reads it.",
  features: [
    str("documentTitle", "The document's title."),
    str("documentId", "The document's id in Provenance Desk."),
    str("documentUri", "Where the article was published."),
    str("documentBaseUri", "Base of documentUri (unused)."),
    str("collectionId", "The project's name."),
    { name: "isLastSegment", range: "uima.cas.Boolean", description: "Always false: documents are not segmented." },
  ],
};

export const UIMA_TYPES: UimaType[] = [DOCUMENT_METADATA, SPAN_TYPES.claim, SPAN_TYPES.opinion, SPAN_TYPES.quote];

/** XMI names a type by a namespace derived from its Java package: http:///<package as a path>.ecore. */
export function xmiNamespace(typeName: string): { prefix: string; uri: string; localName: string } {
  const dot = typeName.lastIndexOf(".");
  const pkg = typeName.slice(0, dot);
  // UIMA's serializer uses the package's last segment as the prefix ("custom", "type", "tcas").
  return { prefix: pkg.slice(pkg.lastIndexOf(".") + 1), uri: `http:///${pkg.replace(/\./g, "/")}.ecore`, localName: typeName.slice(dot + 1) };
}

function typeXml(type: UimaType): string {
  const features = type.features
    .map(
      (f) =>
        `        <featureDescription>\n          <name>${f.name}</name>\n          <description>${escapeXmlText(f.description)}</description>\n` +
        `          <rangeTypeName>${f.range}</rangeTypeName>\n        </featureDescription>\n`,
    )
    .join("");
  return (
    `    <typeDescription>\n      <name>${type.name}</name>\n      <description>${escapeXmlText(type.description)}</description>\n` +
    `      <supertypeName>${type.supertype}</supertypeName>\n      <features>\n${features}      </features>\n    </typeDescription>\n`
  );
}

/** TypeSystem.xml, the UIMA type system description INCEpTION imports with the XMI files. */
export function typeSystemXml(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<typeSystemDescription xmlns="http://uima.apache.org/resourceSpecifier">\n` +
    `  <name>ProvenanceDesk</name>\n  <description>Claims, opinions and attributed quotes exported by Provenance Desk.</description>\n` +
    `  <version>1.0</version>\n  <types>\n${UIMA_TYPES.map(typeXml).join("")}  </types>\n</typeSystemDescription>\n`
  );
}
