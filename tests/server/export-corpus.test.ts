// Acceptance for issue 8: the sample corpus in ../shared/corpus (plus one short text of ours with
// emoji and Arabic, since the corpus holds no astral characters) is imported, tagged by two
// reviewers through the app's own functions, partly adjudicated, then exported in every format and
// read back by independent readers: Python (json, csv, zipfile, str slicing in code points), NLTK's
// ConllCorpusReader, the W3C conformance schemas (ajv) and an XML parser (UTF-16 for XMI).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { acceptAllUnanimous } from "@/lib/server/adjudication";
import { createAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { importDocuments } from "@/lib/server/documents";
import { prepareExport } from "@/lib/server/export";
import { createSource } from "@/lib/server/sources";
import type { SessionUser } from "@/lib/server/session";
import { buildOffsetIndex } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { runPython } from "../unit/export/python-reader";
import { loadMustChecker } from "../unit/export/w3c-conformance";
import { addMember, admin, project, reviewer } from "./helpers";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const FORMATS = ["jsonl", "csv", "w3c", "brat", "conll", "uima-xmi"] as const;
type Format = (typeof FORMATS)[number];
// Our own text: spans after a flag and a skin-toned thumb (two UTF-16 units per code point and more).
const OWN_TEXT = [
  "Kyiv, 3 March 🇺🇦 The city council met on Tuesday. 👍🏽 Residents welcomed the vote.",
  "“The bridge will reopen in May, and the repairs are long overdue,” the deputy mayor said.",
  "A resident said that الجسر مفتوح الآن, in Arabic. The plan looks reckless to its critics.",
].join("\n");

interface Exported {
  bytes: Buffer;
  documentCount: number;
  spanCount: number;
}
const exported = new Map<Format, Exported>();
const texts = new Map<number, string>();
let manager: SessionUser;
let projectId: number;

/** Code-point offsets of the JS (UTF-16) range from..to, with the text there. */
function spanAt(text: string, from: number, to: number): { start: number; end: number; exact: string } {
  const index = buildOffsetIndex(text);
  return { start: index.toCodePoint(from), end: index.toCodePoint(to), exact: text.slice(from, to) };
}

/** The sentence around JS index `at`: from the previous ". " or line start to the next full stop. */
function sentenceAround(text: string, at: number): [number, number] {
  const start = Math.max(text.lastIndexOf(". ", at) + 2, text.lastIndexOf("\n", at) + 1, 0);
  const stops = [text.indexOf(". ", at), text.indexOf("\n", at), text.length].filter((i) => i >= 0);
  return [start, Math.min(...stops)];
}

type Range = [number, number];
interface Found {
  quote: Range;
  claim: Range;
  said: { range: Range; speaker: string } | null;
  opinion: Range;
}

/** Where to tag a document, found programmatically: a long “…” quotation, a clause in it, a " said " report, the first sentence. */
function findSpans(text: string): Found {
  const match = /“([^”\n]{40,})”/u.exec(text);
  if (match === null) throw new Error("no quotation of 40+ characters");
  const qStart = match.index + 1;
  const inner = match[1]!;
  const cut = inner.search(/[,;:]/u);
  const claimLength = cut > 10 ? cut : inner.split(" ").slice(0, 4).join(" ").length;
  // A reported quote: what follows the first " said " after the quotation, its speaker the word before.
  const saidAt = text.indexOf(" said ", qStart + inner.length);
  const [sentenceStart, sentenceEnd] = sentenceAround(text, saidAt);
  const range: Range = [saidAt + " said ".length, sentenceEnd];
  const speaker = /(\S+)$/u.exec(text.slice(sentenceStart, saidAt))?.[1];
  const said = saidAt >= 0 && range[1] - range[0] > 3 && speaker !== undefined ? { range, speaker } : null;
  return { quote: [qStart, qStart + inner.length], claim: [qStart, qStart + claimLength], said, opinion: sentenceAround(text, 0) };
}

async function tag(
  user: SessionUser,
  docId: number,
  kind: AnnotationKind,
  range: Range,
  attributes: Record<string, unknown>,
  parentId?: number,
): Promise<number> {
  const result = await createAnnotation(user, projectId, docId, { kind, ...spanAt(texts.get(docId)!, ...range), attributes, parentId });
  if (!result.ok) throw new Error(`${kind} on document ${docId}: ${result.error}`);
  return result.annotation.id;
}

/** A reviewer's spans: the quote with its speaker, a claim inside it, a reported quote; `withOpinion` adds the author's opinion. */
async function tagDocument(user: SessionUser, docId: number, speakerId: number, withOpinion: boolean): Promise<void> {
  const found = findSpans(texts.get(docId)!);
  const quote = await tag(user, docId, "quote", found.quote, { source_id: speakerId, speaker_type: "named_person", mode: "direct", cue: "said" });
  await tag(user, docId, "claim", found.claim, { checkworthy: "yes", certainty: "certain" }, quote);
  if (found.said !== null)
    await tag(user, docId, "quote", found.said.range, { speaker_text: found.said.speaker, speaker_type: "unnamed_person", mode: "indirect", cue: "said" });
  if (withOpinion) await tag(user, docId, "opinion", found.opinion, { holder: "author", sentiment: -1 });
}

async function importAll(items: { fileName: string; bytes: Uint8Array }[]): Promise<number[]> {
  const result = await importDocuments({ kind: "user", user: manager }, projectId, items, { story: "Iran in Iraq, 2015–2020" });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.documents.map((d) => d.id);
}

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
    manager = await admin();
    const [ana, bo, judge] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge")];
    projectId = await project("Sample corpus");
    await addMember(projectId, ana, "annotator");
    await addMember(projectId, bo, "annotator");
    await addMember(projectId, judge, "adjudicator");
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith(".txt"))
      .sort();
    const ids = [
      ...(await importAll(files.map((f) => ({ fileName: f, bytes: readFileSync(path.join(CORPUS, f)) })))),
      ...(await importAll([{ fileName: "emoji.txt", bytes: Buffer.from(OWN_TEXT) }])),
    ];
    for (const id of ids) texts.set(id, (await getDb().get<[string]>(sql`select text from documents where id = ${id}`))![0]);
    const ownId = ids.at(-1)!;
    // The first two corpus documents and ours: identical work by both reviewers, then gold. The rest differ.
    const settled = [ids[0]!, ids[1]!, ownId];
    for (const [n, id] of ids.entries()) {
      const speaker = await createSource(ana, projectId, { name: `Speaker ${n + 1}`, kind: "person" });
      if (!speaker.ok) throw new Error(speaker.error);
      await tagDocument(ana, id, speaker.source.id, true);
      await tagDocument(bo, id, speaker.source.id, settled.includes(id));
      if (!settled.includes(id)) continue;
      for (const who of [ana, bo]) await markDocumentDone(who, projectId, id);
      const accepted = await acceptAllUnanimous(judge, projectId, id, { reason: "unanimous" });
      if (!accepted.ok || accepted.accepted === 0) throw new Error(`nothing accepted on ${id}`);
    }
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

const PY_JSONL = String.raw`
import json, os, sys
out = {"docs": 0, "spans": 0, "bad": [], "afterAstral": 0, "layers": [], "claimsInQuotes": 0}
with open(os.path.join(sys.argv[1], "export.jsonl"), encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        out["docs"] += 1
        kinds = {(s["id"], s["layer"]): s["kind"] for s in d["spans"]}
        out["claimsInQuotes"] += sum(1 for s in d["spans"] if s["kind"] == "claim" and kinds.get((s["parentId"], s["layer"])) == "quote")
        for s in d["spans"]:
            out["spans"] += 1
            got = d["text"][s["start"]:s["end"]]
            if got != s["exact"]: out["bad"].append([d["id"], s["id"], s["exact"], got])
            if any(ord(c) > 0xFFFF for c in d["text"][:s["start"]]): out["afterAstral"] += 1
            if s["layer"] not in out["layers"]: out["layers"].append(s["layer"])
print(json.dumps(out))
`;

const PY_CSV = String.raw`
import csv, io, json, os, sys, zipfile
z = zipfile.ZipFile(os.path.join(sys.argv[1], "export.zip"))
rows = lambda name: list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8-sig"), newline=""), strict=True))
docs, spans = rows("documents.csv"), rows("spans.csv")
texts = {d["id"]: d["text"] for d in docs}
stored = json.load(open(os.path.join(sys.argv[1], "texts.json"), encoding="utf-8"))
bad = [["text", i] for i, t in texts.items() if stored.get(i) != t]
for s in spans:
    got = texts[s["document_id"]][int(s["start"]):int(s["end"])]
    if got != s["exact"]: bad.append([s["document_id"], s["span_id"], s["exact"], got])
print(json.dumps({"docs": len(docs), "spans": len(spans), "bad": bad}))
`;

const PY_W3C = String.raw`
import json, os, sys
d = sys.argv[1]
items = json.load(open(os.path.join(d, "export.json"), encoding="utf-8"))["first"]["items"]
texts = json.load(open(os.path.join(d, "texts.json"), encoding="utf-8"))
bad = []
for a in items:
    text = texts[a["target"]["source"]["id"].rsplit("/", 1)[1]]
    quote, pos = a["target"]["selector"]
    s, e = pos["start"], pos["end"]
    if text[s:e] != quote["exact"] or not text[:s].endswith(quote["prefix"]) or not text[e:].startswith(quote["suffix"]):
        bad.append([a["id"], quote["exact"], text[s:e]])
print(json.dumps({"checked": len(items), "bad": bad}))
`;

const PY_BRAT = String.raw`
import json, os, sys, zipfile
z = zipfile.ZipFile(os.path.join(sys.argv[1], "export.zip"))
checked, spans, bad = 0, 0, []
for name in z.namelist():
    if not name.endswith(".ann"): continue
    text = z.read(name[:-4] + ".txt").decode("utf-8")
    for line in z.read(name).decode("utf-8").splitlines():
        if not line.startswith("T"): continue
        tid, head, shown = line.split("\t")
        label, offsets = head.split(" ", 1)
        frags = [tuple(map(int, f.split(" "))) for f in offsets.split(";")]
        checked += 1
        spans += label in ("Claim", "Opinion", "Content")
        if " ".join(text[s:e] for s, e in frags) != shown: bad.append([name, tid, shown, [text[s:e] for s, e in frags]])
print(json.dumps({"checked": checked, "spans": spans, "bad": bad}))
`;

const PY_CONLL = String.raw`
import json, os, re, sys
from nltk.corpus.reader.conll import ConllCorpusReader
root = sys.argv[1]
ncols = sum(1 for l in open(os.path.join(root, "columns.txt"), encoding="utf-8") if re.match(r"^\d+\t", l)) - 1
texts = list(json.load(open(os.path.join(root, "texts.json"), encoding="utf-8")).values())
squash = lambda s: re.sub(r"\s+", "", s)
out = {"docstarts": 0, "unmatchedDocs": 0, "runs": 0, "bad": []}
docs = []
for sent in ConllCorpusReader(root, ["corpus.conll"], ("words",) + ("ignore",) * ncols).sents():
    if len(sent) == 0: docs.append([])
    else: docs[-1].extend(sent)
out["docstarts"] = len(docs)
out["unmatchedDocs"] = sum(1 for toks in docs if "".join(toks) not in [squash(t) for t in texts])
for c in range(ncols):
    types = ["words"] + ["ignore"] * ncols
    types[c + 1] = "pos"
    runs = []
    for sent in ConllCorpusReader(root, ["corpus.conll"], tuple(types)).tagged_sents():
        for word, tag in sent:
            if tag.startswith("B-"): runs.append([word])
            elif tag.startswith("I-") and runs: runs[-1].append(word)
    for toks in runs:
        pattern = r"\s*".join(map(re.escape, toks))
        if not any(re.search(pattern, t) for t in texts): out["bad"].append([c, toks])
    out["runs"] += len(runs)
print(json.dumps(out))
`;
