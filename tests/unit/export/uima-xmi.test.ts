// The UIMA XMI export, unzipped and parsed (fast-xml-parser for structure, jsdom's strict XML
// parser for well-formedness): every annotation's begin/end, in UTF-16 units, cut the span's
// exact text out of the sofa; every type and feature is declared in TypeSystem.xml.
import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import type { ExportDocument, ExportSpan } from "@/lib/export/types";
import { writeUimaXmi } from "@/lib/export/uima-xmi";
import { codePointLength, sliceCodePoints, textQuoteSelector } from "@/lib/text";
import { collect, emptyDocument, sampleDocument, sampleMeta, sourceOf } from "./fixture";

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

async function exportXmi(docs: ExportDocument[], meta: Parameters<typeof sampleMeta>[0] = {}): Promise<Record<string, string>> {
  const out = await collect(writeUimaXmi(sourceOf(docs), sampleMeta({ documentCount: docs.length, ...meta })));
  const files = unzipSync(new Uint8Array(out));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

interface TypeDecl {
  supertype: string;
  features: Map<string, string>;
}

function readTypeSystem(xml: string): Map<string, TypeDecl> {
  const root = (parser.parse(xml) as Node).typeSystemDescription as Node[];
  const types = new Map<string, TypeDecl>();
  for (const t of (root[0]!.types as Node[])[0]!.typeDescription as Node[]) {
    const text = (n: unknown): string => String((n as Node[])[0]!["#text"] ?? (n as unknown[])[0]);
    const features = ((t.features as Node[] | undefined)?.[0]?.featureDescription as Node[] | undefined) ?? [];
    types.set(text(t.name), { supertype: text(t.supertypeName), features: new Map(features.map((f) => [text(f.name), text(f.rangeTypeName)])) });
  }
  return types;
}

/** Built-in UIMA types our files rely on, with their own features. */
const BUILT_IN: Record<string, TypeDecl> = {
  "uima.tcas.Annotation": {
    supertype: "uima.cas.AnnotationBase",
    features: new Map([
      ["begin", "uima.cas.Integer"],
      ["end", "uima.cas.Integer"],
    ]),
  },
  "uima.tcas.DocumentAnnotation": { supertype: "uima.tcas.Annotation", features: new Map([["language", "uima.cas.String"]]) },
  "uima.cas.AnnotationBase": { supertype: "uima.cas.TOP", features: new Map([["sofa", "uima.cas.Sofa"]]) },
};

function featuresOf(name: string, types: Map<string, TypeDecl>): Map<string, string> {
  const all = new Map<string, string>();
  for (let t: string | undefined = name; t !== undefined && t !== "uima.cas.TOP";) {
    const decl: TypeDecl | undefined = types.get(t) ?? BUILT_IN[t];
    if (decl === undefined) throw new Error(`type ${t} is not declared`);
    decl.features.forEach((range, f) => all.set(f, range));
    t = decl.supertype;
  }
  return all;
}

interface Annotation {
  type: string;
  attrs: Record<string, string>;
}

/** Parses one XMI: the namespaces resolve each element to a UIMA type name (http:///a/b.ecore → a.b). */
function readXmi(xml: string): {
  root: Record<string, string>;
  annotations: Annotation[];
  sofa: Record<string, string>;
  view: Record<string, string>;
  nulls: number;
} {
  // Well-formed XML 1.0, by a strict parser: it throws on an illegal character or a stray "&".
  new JSDOM(xml, { contentType: "application/xml" });
  const doc = (parser.parse(xml) as Node)["xmi:XMI"] as Node[];
  const root = doc[0]!;
  const attrs = Object.fromEntries(Object.entries(root).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const annotations: Annotation[] = [];
  for (const [tag, nodes] of Object.entries(root)) {
    if (typeof nodes === "string" || ["cas:NULL", "cas:Sofa", "cas:View"].includes(tag)) continue;
    const [prefix, local] = tag.split(":") as [string, string];
    const uri = attrs[`xmlns:${prefix}`];
    if (uri === undefined) throw new Error(`no namespace for ${tag}`);
    const pkg = uri
      .replace(/^http:\/\/\//, "")
      .replace(/\.ecore$/, "")
      .replace(/\//g, ".");
    for (const node of nodes as Record<string, string>[]) annotations.push({ type: `${pkg}.${local}`, attrs: node });
  }
  // The parser groups elements by tag; the writer numbers them in the layer's span order.
  annotations.sort((a, b) => Number(a.attrs["xmi:id"]) - Number(b.attrs["xmi:id"]));
  const one = (tag: string): Record<string, string> => (root[tag] as Record<string, string>[])[0]!;
  return { root: attrs, annotations, sofa: one("cas:Sofa"), view: one("cas:View"), nulls: (root["cas:NULL"] as unknown[]).length };
}

const SPAN_TYPE = { claim: "webanno.custom.Claim", opinion: "webanno.custom.Opinion", quote: "webanno.custom.AttributedQuote" } as const;
const METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData";
const spansOf = (a: Annotation[]): Annotation[] => a.filter((x) => x.type !== METADATA);

/** Checks one CAS against the spans it should hold; returns the annotations in file order. */
function checkCas(xml: string, doc: ExportDocument, spans: ExportSpan[], types: Map<string, TypeDecl>): Annotation[] {
  const { root, annotations, sofa, view, nulls } = readXmi(xml);
  expect(root).toMatchObject({
    "xmlns:xmi": "http://www.omg.org/XMI",
    "xmlns:cas": "http:///uima/cas.ecore",
    "xmlns:tcas": "http:///uima/tcas.ecore",
    "xmlns:custom": "http:///webanno/custom.ecore",
    "xmlns:type": "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore",
    "xmi:version": "2.0",
  });
  expect(nulls).toBe(1);
  expect(sofa).toMatchObject({ sofaNum: "1", sofaID: "_InitialView", mimeType: "text/plain" });
  const ids = annotations.map((a) => a.attrs["xmi:id"]!);
  expect(new Set([...ids, sofa["xmi:id"], "0"]).size).toBe(ids.length + 2);
  expect(view.sofa).toBe(sofa["xmi:id"]);
  expect(view.members!.split(" ").sort()).toEqual([...ids].sort());
  for (const a of annotations) {
    const features = featuresOf(a.type, types);
    expect(a.attrs.sofa).toBe(sofa["xmi:id"]);
    for (const [name, value] of Object.entries(a.attrs)) {
      if (name === "xmi:id" || name === "sofa") continue;
      expect(features.has(name), `${a.type} has no feature ${name}`).toBe(true);
      if (features.get(name) === "uima.tcas.Annotation") expect(ids).toContain(value);
      if (features.get(name) === "uima.cas.Integer") expect(value).toMatch(/^-?\d+$/);
    }
  }
  expect(annotations.filter((a) => a.type === METADATA)).toHaveLength(1);
  const custom = spansOf(annotations);
  // Spans come in the layer's order; a JS string slice counts UTF-16 units, as a CAS does.
  expect(custom.map((a) => a.type)).toEqual(spans.map((s) => SPAN_TYPE[s.kind]));
  custom.forEach((a, i) => expect(sofa.sofaString!.slice(Number(a.attrs.begin), Number(a.attrs.end))).toBe(spans[i]!.exact));
  return custom;
}

describe("writeUimaXmi", () => {
  it("writes TypeSystem.xml first, then one XMI per layer and document in layer folders", async () => {
    const files = await exportXmi([sampleDocument(), emptyDocument()]);
    expect(Object.keys(files)).toEqual([
      "TypeSystem.xml",
      "gold/7-port-calder-votes-on-the-water-levy.xmi",
      "alice/7-port-calder-votes-on-the-water-levy.xmi",
      "8-quiet-day.xmi",
    ]);
    const single = await exportXmi([sampleDocument()], { layer: "gold", layers: ["gold"] });
    expect(Object.keys(single)).toEqual(["TypeSystem.xml", "7-port-calder-votes-on-the-water-levy.xmi"]);
  });

  it("declares the custom layers and DocumentMetaData, every one used, with features the annotations fill", async () => {
    const files = await exportXmi([sampleDocument()]);
    const types = readTypeSystem(files["TypeSystem.xml"]!);
    expect([...types.keys()].sort()).toEqual([METADATA, ...Object.values(SPAN_TYPE)].sort());
    expect(types.get(METADATA)!.supertype).toBe("uima.tcas.DocumentAnnotation");
    for (const t of Object.values(SPAN_TYPE)) expect(types.get(t)!.supertype).toBe("uima.tcas.Annotation");
    expect(types.get(SPAN_TYPE.quote)!.features.get("parent")).toBe("uima.tcas.Annotation");
    const used = new Set(readXmi(files["gold/7-port-calder-votes-on-the-water-levy.xmi"]!).annotations.map((a) => a.type));
    expect([...used].sort()).toEqual([...types.keys()].sort());
  });

  it("puts UTF-16 offsets on every annotation, so the sofa's text at begin..end is each span's exact text after emoji", async () => {
    const doc = sampleDocument();
    const files = await exportXmi([doc]);
    const types = readTypeSystem(files["TypeSystem.xml"]!);
    const gold = doc.spans.filter((s) => s.layer === "gold");
    const golds = checkCas(files["gold/7-port-calder-votes-on-the-water-levy.xmi"]!, doc, gold, types);
    checkCas(
      files["alice/7-port-calder-votes-on-the-water-levy.xmi"]!,
      doc,
      doc.spans.filter((s) => s.layer === "reviewer:alice"),
      types,
    );
    // The emoji before the spans make UTF-16 and code point offsets differ: the test would see a mix-up.
    expect(golds.some((a, i) => Number(a.attrs.begin) !== gold[i]!.start)).toBe(true);
    expect(readXmi(files["gold/7-port-calder-votes-on-the-water-levy.xmi"]!).sofa.sofaString).toBe(doc.text);
  });

  it("carries speakers by registry name, attributes, notes, targets and parent links", async () => {
    const doc = sampleDocument();
    const files = await exportXmi([doc]);
    const gold = doc.spans.filter((s) => s.layer === "gold");
    const custom = spansOf(readXmi(files["gold/7-port-calder-votes-on-the-water-levy.xmi"]!).annotations);
    const byId = (id: number): Record<string, string> => custom[gold.findIndex((s) => s.id === id)]!.attrs;
    expect(byId(11)).toMatchObject({
      speaker: "Rana Haddad",
      speakerText: "Mayor Rana Haddad",
      speakerType: "named_person",
      mode: "direct",
      cue: "said",
      contentType: "opinion",
      confidence: "high",
      note: "Split quote; second half below.",
    });
    expect(byId(12)).toMatchObject({ checkworthy: "yes", certainty: "probable", targets: "Port Calder council", parent: byId(13)["xmi:id"] });
    expect(byId(15).parent).toBe(byId(14)["xmi:id"]);
    expect(byId(14)).toMatchObject({ addressee: "Al Jazeera", speakerText: "Officials" });
    expect(byId(16)).toMatchObject({ holder: "author", sentiment: "-2", bias: "lexical" });
    const metadata = readXmi(files["gold/7-port-calder-votes-on-the-water-levy.xmi"]!).annotations.find((a) => a.type === METADATA)!;
    expect(metadata.attrs).toMatchObject({
      documentTitle: doc.title,
      documentId: "7",
      language: "en",
      begin: "0",
      end: String(doc.text.length),
      collectionId: "Levy study",
    });
  });

  it("stays well-formed with &, <, quotes, tabs, newlines, Arabic and emoji, and replaces what XML 1.0 cannot hold", async () => {
    const text = "A & B <tag> \"q\" 'a'\tx\n«المياه» 🧔🏾‍♂️ then\u000C the end & <more>.";
    const doc = {
      ...emptyDocument(),
      id: 9,
      title: `Tom & "Jerry" <b>'s 🌊`,
      text,
      charCount: codePointLength(text),
      layers: sampleDocument().layers.slice(0, 1),
    };
    const at = (needle: string): ExportSpan => {
      const start = codePointLength(text.slice(0, text.indexOf(needle)));
      const end = start + codePointLength(needle);
      const { prefix, suffix } = textQuoteSelector(text, start, end);
      return { ...sampleDocument().spans[5]!, id: 90 + start, start, end, exact: sliceCodePoints(text, start, end), prefix, suffix, note: `<&> "${needle}"` };
    };
    doc.spans = [at("& <more>"), at("«المياه» 🧔🏾‍♂️"), at("\"q\" 'a'\tx\n")];
    const files = await exportXmi([doc], { layer: "gold", layers: ["gold"] });
    const types = readTypeSystem(files["TypeSystem.xml"]!);
    const xml = files["9-tom-jerry-b-s.xmi"]!;
    const sofaText = text.replace("\u000C", "\uFFFD");
    const custom = checkCas(xml, { ...doc, text: sofaText }, doc.spans, types);
    expect(custom.map((a) => a.attrs.note)).toEqual(doc.spans.map((s) => s.note));
    // A strict DOM reads the same sofa, newline and tab included (they must be &#10; and &#9;).
    const dom = new JSDOM(xml, { contentType: "application/xml" }).window.document;
    expect(dom.getElementsByTagName("cas:Sofa")[0]!.getAttribute("sofaString")).toBe(sofaText);
    expect(dom.getElementsByTagName("type:DocumentMetaData")[0]!.getAttribute("documentTitle")).toBe(doc.title);
    expect(files["XML-REPLACEMENTS.txt"]).toContain("9-tom-jerry-b-s.xmi: 1");
  });

  it("names at most 1000 files in XML-REPLACEMENTS.txt and counts the rest, so the writer holds a bounded list", async () => {
    const text = "Form\u000Cfeed.";
    const docs = Array.from({ length: 1003 }, (_, i) => ({ ...emptyDocument(), id: i + 1, title: `D${i + 1}`, text, charCount: codePointLength(text) }));
    const files = await exportXmi(docs, { layer: "gold", layers: ["gold"] });
    const listed = files["XML-REPLACEMENTS.txt"]!.split("\n").filter((l) => /\.xmi: 1$/.test(l));
    expect(listed).toHaveLength(1000);
    expect(listed[0]).toBe("1-d1.xmi: 1");
    expect(files["XML-REPLACEMENTS.txt"]).toContain("…and 3 more files.");
    expect(Object.keys(files).filter((n) => n.endsWith(".xmi"))).toHaveLength(1003);
  });

  it("refuses to leave the text out, since a CAS's offsets point into it", async () => {
    await expect(exportXmi([sampleDocument()], { includeText: false })).rejects.toThrow(/text/);
  });
});
