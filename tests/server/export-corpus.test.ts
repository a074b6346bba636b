// Acceptance for issue 8: the sample corpus in ../shared/corpus (plus one short text of ours with
// emoji and Arabic, since the corpus holds no astral characters) is imported, tagged by two
// reviewers through the app's own functions, partly adjudicated (export-corpus-seed.ts), then
// exported in every format and read back by independent readers: Python (json, csv, zipfile, str
// slicing in code points; export-corpus-readers.ts), NLTK's ConllCorpusReader, the W3C conformance
// schemas (ajv) and an XML parser (UTF-16 for XMI).
import { existsSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { prepareExport } from "@/lib/server/export";
import type { SessionUser } from "@/lib/server/session";
import { buildOffsetIndex } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { runPython } from "../unit/export/python-reader";
import { loadMustChecker } from "../unit/export/w3c-conformance";
import { PY_BRAT, PY_CONLL, PY_CSV, PY_JSONL, PY_W3C } from "./export-corpus-readers";
import { seedSampleCorpus } from "./export-corpus-seed";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const FORMATS = ["jsonl", "csv", "w3c", "brat", "conll", "uima-xmi"] as const;
type Format = (typeof FORMATS)[number];
interface Exported {
  bytes: Buffer;
  documentCount: number;
  spanCount: number;
}
const exported = new Map<Format, Exported>();
let texts = new Map<number, string>();
let manager: SessionUser;
let projectId: number;

async function exportAs(format: Format, layer = "gold-else-all"): Promise<Exported> {
  const prepared = await prepareExport(manager, projectId, { format, layer }, "http://127.0.0.1:3000");
  if ("ok" in prepared) throw new Error(prepared.error);
  const chunks: Buffer[] = [];
  for await (const chunk of prepared.stream()) chunks.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  const { documentCount, spanCount } = await prepared.totals();
  return { bytes: Buffer.concat(chunks), documentCount, spanCount };
}

const unzip = (bytes: Buffer): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]));
const textsJson = (): string => JSON.stringify(Object.fromEntries(texts));

describe.skipIf(!existsSync(CORPUS))("export of the sample corpus, read back by real readers", () => {
  beforeAll(async () => {
    ({ manager, projectId, texts } = await seedSampleCorpus(CORPUS));
    for (const format of FORMATS) exported.set(format, await exportAs(format));
  }, 120_000);

  it("exports every document, with gold where settled and the reviewers elsewhere", async () => {
    for (const format of FORMATS) expect(exported.get(format)!.documentCount).toBe(texts.size);
    const gold = await exportAs("jsonl", "gold");
    const lines = gold.bytes
      .toString("utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { goldSettled: boolean; spans: { layer: string }[] });
    expect(lines.filter((l) => l.goldSettled)).toHaveLength(3);
    expect(gold.spanCount).toBeGreaterThan(0);
    expect(lines.every((l) => l.spans.every((s) => s.layer === "gold"))).toBe(true);
    expect(lines.reduce((n, l) => n + l.spans.length, 0)).toBe(gold.spanCount);
  });

  it("jsonl: Python's json reads every line, and text[start:end] is exact for every span", () => {
    const { bytes, documentCount, spanCount } = exported.get("jsonl")!;
    const out = runPython(PY_JSONL, { "export.jsonl": bytes }) as {
      docs: number;
      spans: number;
      bad: unknown[];
      afterAstral: number;
      layers: string[];
      claimsInQuotes: number;
    };
    expect(out.bad).toEqual([]);
    expect([out.docs, out.spans]).toEqual([documentCount, spanCount]);
    expect(out.afterAstral).toBeGreaterThan(0);
    expect(out.claimsInQuotes).toBeGreaterThan(0);
    expect(out.layers).toEqual(expect.arrayContaining(["gold", "reviewer:ana", "reviewer:bo"]));
  });

  it("csv: Python's zipfile and csv read it, and every row's exact is the document text at its code points", () => {
    const { bytes, documentCount, spanCount } = exported.get("csv")!;
    const out = runPython(PY_CSV, { "export.zip": bytes, "texts.json": textsJson() }) as { docs: number; spans: number; bad: unknown[] };
    expect(out.bad).toEqual([]);
    expect([out.docs, out.spans]).toEqual([documentCount, spanCount]);
  });

  it("w3c: every annotation passes the 54 W3C musts, and Python slicing of the article matches exact", () => {
    const { bytes, spanCount } = exported.get("w3c")!;
    const collection = JSON.parse(bytes.toString("utf8")) as { total: number; first: { items: Record<string, unknown>[] } };
    const items = collection.first.items;
    expect([collection.total, items.length]).toEqual([spanCount, spanCount]);
    const check = loadMustChecker();
    for (const item of items) expect(check(item), String(item.id)).toEqual({ failed: [], mustsChecked: 54 });
    const out = runPython(PY_W3C, { "export.json": bytes, "texts.json": textsJson() }) as { checked: number; bad: unknown[] };
    expect(out).toEqual({ checked: spanCount, bad: [] });
  });

  it("brat: for every T line, Python slices the .txt at each fragment to the text field", () => {
    const { bytes, spanCount } = exported.get("brat")!;
    for (const [name, text] of Object.entries(unzip(bytes))) if (name.endsWith(".txt")) expect([...texts.values()]).toContain(text);
    const out = runPython(PY_BRAT, { "export.zip": bytes }) as { checked: number; spans: number; bad: unknown[] };
    expect(out.bad).toEqual([]);
    expect(out.spans).toBe(spanCount);
    expect(out.checked).toBeGreaterThan(spanCount); // the cue and Source spans of the quotes
  });

  it("conll: NLTK's ConllCorpusReader reads one -DOCSTART- per document, the whole texts, and runs found in them", () => {
    const { bytes, documentCount, spanCount } = exported.get("conll")!;
    const files = unzip(bytes);
    const out = runPython(PY_CONLL, { "corpus.conll": files["corpus.conll"]!, "columns.txt": files["columns.txt"]!, "texts.json": textsJson() }) as {
      docstarts: number;
      unmatchedDocs: number;
      runs: number;
      bad: unknown[];
    };
    expect(out.bad).toEqual([]);
    expect(out.docstarts).toBe(documentCount);
    expect(out.unmatchedDocs).toBe(0);
    const reported = (label: string): number =>
      Number(
        files["DROPPED.txt"]!.split("\n")
          .find((l) => l.includes(label))!
          .trim()
          .split(/\s+/)[0],
      );
    expect(reported("spans in the export")).toBe(spanCount);
    expect(reported("written as a B-/I- run")).toBe(out.runs);
    expect(out.runs).toBeGreaterThan(0);
  });

  it("uima-xmi: the sofa's text at begin..end (UTF-16) is each span's text, also after astral characters", async () => {
    const { bytes, spanCount } = exported.get("uima-xmi")!;
    let spans = 0;
    let afterAstral = 0;
    for (const [name, xml] of Object.entries(unzip(bytes))) {
      if (!name.endsWith(".xmi")) continue;
      const cas = readCas(xml);
      const docId = Number(cas.documentId);
      expect(cas.sofa === texts.get(docId), `${name}: the sofa is the article`).toBe(true);
      const layer = name.includes("/") ? name.split("/")[0]! : "gold";
      expect(cas.spans.map((s) => `${s.kind}|${cas.sofa.slice(s.begin, s.end)}`).sort()).toEqual(await storedSpans(docId, layer));
      spans += cas.spans.length;
      afterAstral += cas.spans.filter((s) => buildOffsetIndex(cas.sofa).toCodePoint(s.begin) !== s.begin).length;
    }
    expect(spans).toBe(spanCount);
    expect(afterAstral).toBeGreaterThan(0);
  });
});

const KIND_OF_TYPE: Record<string, AnnotationKind> = { "custom:Claim": "claim", "custom:Opinion": "opinion", "custom:AttributedQuote": "quote" };
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (_n, _p, _l, isAttribute) => !isAttribute,
});

/** The sofa, the document id and the custom-layer spans of one CAS, as an XML parser reads them. */
function readCas(xml: string): { sofa: string; documentId: string; spans: { kind: AnnotationKind; begin: number; end: number }[] } {
  const root = ((xmlParser.parse(xml) as Record<string, unknown>)["xmi:XMI"] as Record<string, Record<string, string>[]>[])[0]!;
  const spans = Object.entries(KIND_OF_TYPE).flatMap(([tag, kind]) => (root[tag] ?? []).map((a) => ({ kind, begin: Number(a.begin), end: Number(a.end) })));
  return { sofa: root["cas:Sofa"]![0]!.sofaString!, documentId: root["type:DocumentMetaData"]![0]!.documentId!, spans };
}

/** `kind|exact` of the live spans of one layer folder ("gold" or a username), straight from the database. */
async function storedSpans(docId: number, folder: string): Promise<string[]> {
  const layer = folder === "gold" ? sql`a.layer = 'gold'` : sql`a.layer = 'annotator' and u.username = ${folder}`;
  const rows = await getDb().all<[string, string]>(sql`
    select a.kind, a.exact from annotations a join users u on u.id = a.annotator_id where a.document_id = ${docId} and a.deleted_at is null and ${layer}`);
  return rows.map(([kind, exact]) => `${kind}|${exact}`).sort();
}
