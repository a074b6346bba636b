// The CoNLL export, read back by NLTK's ConllCorpusReader (Debian's python3-nltk): every span
// that was not dropped comes back as one B-/I- run with its text, DROPPED.txt counts what was lost.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { writeConll } from "@/lib/export/conll";
import type { ExportDocument, ExportSpan } from "@/lib/export/types";
import { codePointLength, sliceCodePoints } from "@/lib/text";
import { collect, emptyDocument, sampleDocument, sampleMeta, sourceOf } from "./fixture";

const workDirs: string[] = [];
afterAll(() => workDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// For each tag column, NLTK reads the file with that column as its "pos" column and every other
// one ignored; a run is a B- tag and the I- tags of the same label that follow it.
const READER = String.raw`
import json, sys
from nltk.corpus.reader.conll import ConllCorpusReader
root, name, ncols = sys.argv[1], sys.argv[2], int(sys.argv[3])
out = {"columns": [], "bad": []}
base = ConllCorpusReader(root, [name], ("words",) + ("ignore",) * ncols)
sents = list(base.sents())
out["docstarts"] = sum(1 for s in sents if len(s) == 0)
out["sentences"] = sum(1 for s in sents if len(s) > 0)
out["tokens"] = [w for s in sents for w in s]
for c in range(ncols):
    types = ["words"] + ["ignore"] * ncols
    types[c + 1] = "pos"
    reader = ConllCorpusReader(root, [name], tuple(types))
    runs = []
    for sent in reader.tagged_sents():
        current = None
        for word, tag in sent:
            if tag.startswith("B-"):
                current = {"label": tag[2:], "tokens": [word]}
                runs.append(current)
            elif tag.startswith("I-"):
                if current is None or current["label"] != tag[2:]:
                    out["bad"].append([c, word, tag])
                else:
                    current["tokens"].append(word)
            else:
                if tag != "O":
                    out["bad"].append([c, word, tag])
                current = None
    out["columns"].append(runs)
print(json.dumps(out, ensure_ascii=False))
`;

interface NltkView {
  docstarts: number;
  sentences: number;
  tokens: string[];
  columns: { label: string; tokens: string[] }[][];
  bad: unknown[];
}

async function exportConll(docs: ExportDocument[], spanCount: number): Promise<Record<string, string>> {
  const meta = sampleMeta({ documentCount: docs.length, spanCount });
  const files = unzipSync(new Uint8Array(await collect(writeConll(sourceOf(docs), meta))));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function readWithNltk(corpus: string, tagColumns: number): NltkView {
  const dir = mkdtempSync(path.join(tmpdir(), "conll-"));
  workDirs.push(dir);
  writeFileSync(path.join(dir, "corpus.conll"), corpus, "utf8");
  const run = spawnSync("/usr/bin/python3", ["-c", READER, dir, "corpus.conll", String(tagColumns)], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`NLTK failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as NltkView;
}

const squash = (s: string): string => s.replace(/\s+/gu, "");
const COLUMNS = ["gold:claim", "gold:opinion", "gold:quote", "reviewer:alice:claim", "reviewer:alice:opinion", "reviewer:alice:quote"];
const columnOf = (s: ExportSpan): number => COLUMNS.indexOf(`${s.layer}:${s.kind}`);

/** The number DROPPED.txt gives on the line that contains `label`. */
function reported(dropped: string, label: string): number {
  const line = dropped.split("\n").find((l) => l.includes(label));
  if (line === undefined) throw new Error(`DROPPED.txt has no line about ${label}`);
  return Number(line.trim().split(/\s+/)[0]);
}

describe("writeConll", () => {
  it("writes columns.txt, corpus.conll, then DROPPED.txt, and names every tag column", async () => {
    const files = await exportConll([sampleDocument(), emptyDocument()], 8);
    expect(Object.keys(files)).toEqual(["columns.txt", "corpus.conll", "DROPPED.txt"]);
    const named = files["columns.txt"]!.split("\n")
      .filter((l) => /^\d+\t/.test(l))
      .map((l) => l.split("\t")[1]);
    expect(named).toEqual(["token", ...COLUMNS]);
    for (const line of files["corpus.conll"]!.split("\n").filter((l) => l !== "")) {
      expect(line.split(" ")).toHaveLength(1 + COLUMNS.length);
    }
  });

  it("is read by NLTK: one -DOCSTART- per document, and every kept span comes back as its own run with its text", async () => {
    const docs = [sampleDocument(), emptyDocument()];
    const files = await exportConll(docs, 8);
    const nltk = readWithNltk(files["corpus.conll"]!, COLUMNS.length);
    expect(nltk.bad).toEqual([]);
    expect(nltk.docstarts).toBe(docs.length);
    expect(nltk.tokens.every((t) => t !== "" && !/\s/u.test(t))).toBe(true);
    // The tokens are the whole text, nothing more: joined, they spell both articles.
    expect(nltk.tokens.join("")).toBe(squash(docs.map((d) => d.text).join("")));

    // Span 15 (a quote inside quote 14) cannot share quote 14's column and is dropped. The claim
    // inside a quote (12 in 13) sits in another column and must survive, as must everything else.
    const kept = sampleDocument().spans.filter((s) => s.id !== 15);
    expect(kept.map((s) => s.id)).toContain(12);
    COLUMNS.forEach((_, c) => {
      const expected = kept.filter((s) => columnOf(s) === c).sort((a, b) => a.start - b.start);
      const runs = nltk.columns[c]!;
      expect(runs.map((r) => r.label)).toEqual(expected.map((s) => s.kind.toUpperCase()));
      expect(runs.map((r) => r.tokens.join(""))).toEqual(expected.map((s) => squash(s.exact)));
    });
  });

  it("counts in DROPPED.txt what the fixture loses: the nested quote, attributes, speakers, notes and parent links", async () => {
    const files = await exportConll([sampleDocument(), emptyDocument()], 8);
    const dropped = files["DROPPED.txt"]!;
    expect(reported(dropped, "spans in the export")).toBe(8);
    expect(reported(dropped, "written as a B-/I- run")).toBe(7);
    expect(reported(dropped, "nested inside")).toBe(1);
    expect(reported(dropped, "crossing")).toBe(0);
    expect(reported(dropped, "non-token boundary")).toBe(0);
    expect(reported(dropped, "covering no token")).toBe(0);
    // Every fixture span has attributes besides its speaker; 11, 13 and 22 name source 5 and 14
    // has speaker text; only 11 has a note; 12 and 15 have parents.
    expect(reported(dropped, "attributes were dropped")).toBe(8);
    expect(reported(dropped, "speaker was dropped")).toBe(4);
    expect(reported(dropped, "note was dropped")).toBe(1);
    expect(reported(dropped, "parent link was dropped")).toBe(2);
    expect(dropped).toContain("2 documents");
  });

  it("widens a span that ends inside a word to whole tokens, drops a crossing span of the same kind, and counts both", async () => {
    const doc = sampleDocument();
    const base = doc.spans.find((s) => s.id === 21)!;
    const text = doc.text;
    const spanAt = (id: number, start: number, end: number): ExportSpan => ({
      ...base,
      id,
      start,
      end,
      exact: sliceCodePoints(text, start, end),
      attributes: {},
      note: "",
    });
    const votes = codePointLength(text.slice(0, text.indexOf("votes")));
    // "Port Calder 🌊 vo" ends inside "votes"; "Calder 🌊 votes today" crosses it; "  " covers no token.
    doc.spans = [spanAt(31, 0, votes + 2), spanAt(32, 5, votes + 11), spanAt(33, 4, 5)];
    doc.layers = [doc.layers[1]!];
    const files = await exportConll([doc], 3);
    const dropped = files["DROPPED.txt"]!;
    expect(reported(dropped, "non-token boundary")).toBe(1);
    expect(reported(dropped, "crossing")).toBe(1);
    expect(reported(dropped, "covering no token")).toBe(1);
    const nltk = readWithNltk(files["corpus.conll"]!, COLUMNS.length);
    expect(nltk.columns[COLUMNS.indexOf("reviewer:alice:claim")]!.map((r) => r.tokens.join(" "))).toEqual(["Port Calder 🌊 votes"]);
  });

  it("refuses to leave the text out, since the tokens are the text", async () => {
    const meta = sampleMeta({ includeText: false });
    await expect(collect(writeConll(sourceOf([sampleDocument()]), meta))).rejects.toThrow(/text/);
  });
});
