import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { writeCsv } from "@/lib/export/csv";
import type { DocumentSource, ExportDocument } from "@/lib/export/types";
import { collect, emptyDocument, sampleDocument, sampleMeta, sourceOf } from "./fixture";
import { runPython } from "./python-reader";

type Row = Record<string, string>;
interface Read {
  documents: Row[];
  ratings: Row[];
  spans: Row[];
  documentColumns: string[];
}

async function exportZip(docs: ExportDocument[], includeText = true): Promise<Record<string, Uint8Array>> {
  return unzipSync(new Uint8Array(await collect(writeCsv(sourceOf(docs), sampleMeta({ includeText })))));
}

// Python's csv module reads the files as pandas or a spreadsheet would (BOM stripped by
// utf-8-sig), and slices each document's text in code points to check every span.
const PY_READ = String.raw`
import csv, json, os, sys
def read(name):
    with open(os.path.join(sys.argv[1], name), encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, strict=True)
        return reader.fieldnames, list(reader)
doc_cols, documents = read("documents.csv")
_, spans = read("spans.csv")
_, ratings = read("outlet-ratings.csv")
if "text" in doc_cols:
    texts = {d["id"]: d["text"] for d in documents}
    for s in spans:
        text = texts[s["document_id"]]
        got = text[int(s["start"]):int(s["end"])]
        assert got == s["exact"], ("span", s["span_id"], got, s["exact"])
print(json.dumps({"documents": documents, "ratings": ratings, "spans": spans, "documentColumns": doc_cols}))
`;

function readWithPython(files: Record<string, Uint8Array>): Read {
  return runPython(PY_READ, files) as Read;
}

describe("writeCsv", () => {
  it("zips documents.csv, outlet-ratings.csv and spans.csv in that order", async () => {
    const files = await exportZip([sampleDocument(), emptyDocument()]);
    expect(Object.keys(files)).toEqual(["documents.csv", "outlet-ratings.csv", "spans.csv"]);
  });

  it("writes one span per row, its exact text at its code-point offsets, as Python's csv reads it", async () => {
    const docs = [sampleDocument(), emptyDocument()];
    const read = readWithPython(await exportZip(docs));
    expect(read.documents.map((d) => Number(d.id))).toEqual(docs.map((d) => d.id));
    const spans = docs.flatMap((d) => d.spans.map((s) => ({ d, s })));
    expect(read.spans).toHaveLength(spans.length);
    for (const [i, { d, s }] of spans.entries()) {
      const row = read.spans[i]!;
      expect(row).toMatchObject({
        document_id: String(d.id),
        document_title: d.title,
        outlet: d.outlet?.name ?? "",
        story: d.story?.name ?? "",
        layer: s.layer,
        annotator: s.annotator.username,
        span_id: String(s.id),
        parent_id: s.parentId === null ? "" : String(s.parentId),
        kind: s.kind,
        start: String(s.start),
        end: String(s.end),
        exact: s.exact,
        note: s.note,
      });
      const speaker = d.sources.find((src) => src.id === s.attributes.source_id);
      expect([row.speaker_name, row.speaker_kind]).toEqual([speaker?.name ?? "", speaker?.kind ?? ""]);
      for (const key of ["confidence", "speaker_text", "speaker_type", "mode", "cue", "addressee", "checkworthy", "certainty", "holder", "bias"]) {
        expect(row[key], `${key} of span ${s.id}`).toBe((s.attributes[key] as string | undefined) ?? "");
      }
      expect(row.sentiment).toBe(s.attributes.sentiment === undefined ? "" : String(s.attributes.sentiment));
    }
  });

  it("names a claim's targets from the sources registry", async () => {
    const read = readWithPython(await exportZip([sampleDocument()]));
    const doc = sampleDocument();
    const claim = doc.spans.find((s) => Array.isArray(s.attributes.targets))!;
    const names = (claim.attributes.targets as number[]).map((id) => doc.sources.find((s) => s.id === id)!.name);
    expect(read.spans.find((r) => r.span_id === String(claim.id))!.targets).toBe(names.join("; "));
  });

  it("writes the documents' columns and text, and leaves the text out when asked", async () => {
    const withText = readWithPython(await exportZip([sampleDocument(), emptyDocument()]));
    expect(withText.documentColumns.at(-1)).toBe("text");
    expect(withText.documents.map((d) => d.text)).toEqual([sampleDocument().text, emptyDocument().text]);
    expect(withText.documents[0]).toMatchObject({ outlet: "The Calder Courier", outlet_id: "3", story: "Water levy", gold_settled: "true" });

    const files = await exportZip([sampleDocument(), emptyDocument()], false);
    const without = readWithPython(files);
    expect(without.documentColumns).not.toContain("text");
    expect(without.documentColumns.at(-1)).toBe("gold_settled");
    // The spans keep their exact text; only the article text is dropped.
    expect(Buffer.from(files["documents.csv"]!).toString("utf8")).not.toContain("painted on the dam");
  });

  it("keeps a value with commas, quotes, line breaks, Arabic and emoji intact through Python's csv", async () => {
    const doc = sampleDocument();
    doc.title = 'Levy, "fair" or not?\r\nPart 2 — المياه 🌊';
    doc.spans[0]!.note = 'He said, "no",\nthen left.\r\nEnd "';
    doc.spans[1]!.attributes = { ...doc.spans[1]!.attributes, certainty: "certain" };
    const read = readWithPython(await exportZip([doc]));
    expect(read.documents[0]!.title).toBe(doc.title);
    expect(read.spans[0]!.note).toBe(doc.spans[0]!.note);
    expect(read.spans[0]!.document_title).toBe(doc.title);
    expect(read.spans[1]!.certainty).toBe("certain");
  });

  it("starts every file with a BOM and ends every record with CRLF", async () => {
    const doc = sampleDocument();
    doc.spans[0]!.note = "two\nlines";
    const files = await exportZip([doc, emptyDocument()]);
    for (const [name, bytes] of Object.entries(files)) {
      expect([...bytes.subarray(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      const text = Buffer.from(bytes).toString("utf8");
      expect(text.endsWith("\r\n"), name).toBe(true);
      // Outside quoted fields, every line break is CRLF.
      const unquoted = text.replace(/"(?:[^"]|"")*"/g, "");
      expect(unquoted.match(/(?<!\r)\n/g), name).toBeNull();
    }
  });

  it("lists each outlet's ratings once, team and published ratings on separate rows", async () => {
    const second = { ...sampleDocument(), id: 9, title: "Same outlet again" };
    const other = sampleDocument();
    other.id = 10;
    other.outlet = {
      ...other.outlet!,
      id: 4,
      name: "Wire Service",
      ratings: [],
      references: [{ ...other.outlet!.references[0]!, publisher: "Ad Fontes", axis: "reliability", value: 40, label: null }],
    };
    const read = readWithPython(await exportZip([sampleDocument(), second, emptyDocument(), other]));
    const courier = sampleDocument().outlet!;
    const rows = read.ratings.filter((r) => r.outlet_id === String(courier.id));
    expect(rows).toHaveLength(courier.ratings.length + courier.references.length);
    const team = courier.ratings[0]!;
    const published = courier.references[0]!;
    expect(rows).toContainEqual(
      expect.objectContaining({
        outlet: courier.name,
        source: "team",
        axis: team.axis,
        value: String(team.value),
        rater: team.rater.username,
        gold: "false",
        rationale: team.rationale,
        updated_at: team.updatedAt,
        retrieved_at: "",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        source: published.publisher,
        value: String(published.value),
        label: published.label,
        rater: "",
        retrieved_at: published.retrievedAt,
        url: published.url,
      }),
    );
    expect(read.ratings.filter((r) => r.outlet_id === "4").map((r) => [r.source, r.axis, r.value])).toEqual([["Ad Fontes", "reliability", "40"]]);
  });

  it("streams: the zip's first bytes leave long before the corpus has been read", async () => {
    let pulled = 0;
    const total = 4000;
    const many: DocumentSource = (pass) =>
      (async function* () {
        for (let i = 1; i <= total; i++) {
          pulled++;
          const doc = { ...sampleDocument(), id: i };
          yield pass?.spans === false ? { ...doc, spans: [] } : doc;
        }
      })();
    const gen = writeCsv(many, sampleMeta({ documentCount: total }));
    const first = await gen.next();
    expect(first.done).toBe(false);
    // Two passes read 2 × total documents; a writer that buffered a whole file would have read them all.
    expect(pulled).toBeLessThan(total);
    await gen.return(undefined);
  });
});
