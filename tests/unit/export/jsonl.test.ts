import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { OUTLET_KINDS } from "@/db/tables";
import { jsonlRecord, writeJsonl } from "@/lib/export/jsonl";
import schema from "@/lib/export/schema/document.schema.json";
import type { DocumentSource, ExportDocument } from "@/lib/export/types";
import {
  ANNOTATION_KINDS,
  BIAS_TYPES,
  CERTAINTY,
  CONFIDENCE,
  CONTENT_TYPES,
  OPINION_HOLDERS,
  QUOTE_MODES,
  SOURCE_KINDS,
  SPEAKER_TYPES,
  claimAttributesSchema,
  opinionAttributesSchema,
  quoteAttributesSchema,
} from "@/lib/validation/annotations";
import { collect, emptyDocument, sampleDocument, sampleMeta, sourceOf } from "./fixture";
import { runPython } from "./python-reader";

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

async function exportLines(docs: ExportDocument[], includeText = true): Promise<string[]> {
  const out = (await collect(writeJsonl(sourceOf(docs), sampleMeta({ includeText })))).toString("utf8");
  expect(out.endsWith("\n")).toBe(true);
  return out.slice(0, -1).split("\n");
}

function schemaErrors(line: unknown): string {
  return validate(line) ? "" : ajv.errorsText(validate.errors, { separator: "\n" });
}

// Python reads the file as a JSONL consumer would and slices the text in code points.
const PY_CHECK = String.raw`
import json, os, sys
raw = open(os.path.join(sys.argv[1], "export.jsonl"), encoding="utf-8", newline="").read()
assert raw.endswith("\n")
lines = raw.split("\n")[:-1]
assert len(raw.splitlines()) == len(lines), "a line break inside a line"
out = []
for n, line in enumerate(lines, 1):
    doc = json.loads(line)
    text = doc["text"]
    assert len(text) == doc["charCount"], (n, len(text), doc["charCount"])
    for s in doc["spans"]:
        got = text[s["start"]:s["end"]]
        assert got == s["exact"], ("line", n, "span", s["id"], got, s["exact"])
        assert text[:s["start"]].endswith(s["prefix"]), ("prefix", n, s["id"])
        assert text[s["end"]:].startswith(s["suffix"]), ("suffix", n, s["id"])
    for g in doc["segments"]:
        assert 0 <= g["start"] < g["end"] <= len(text)
    out.append({"id": doc["id"], "spans": len(doc["spans"])})
print(json.dumps(out))
`;

describe("writeJsonl", () => {
  it("writes one schema-valid line per document, every key the schema names", async () => {
    const lines = await exportLines([sampleDocument(), emptyDocument()]);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toMatch(/\s$/);
      expect(schemaErrors(JSON.parse(line))).toBe("");
    }
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual([
      "format",
      "version",
      "project",
      "exportedAt",
      "id",
      "title",
      "author",
      "publishedAt",
      "url",
      "language",
      "sourceFileName",
      "importedAt",
      "textSha256",
      "charCount",
      "wordCount",
      "offsetUnit",
      "text",
      "outlet",
      "story",
      "segments",
      "goldSettled",
      "layers",
      "spans",
      "sources",
      "decisions",
      "ratings",
    ]);
    expect(first).toMatchObject({ format: "provenance-desk/document", version: 1, offsetUnit: "code point", project: { id: 1, name: "Levy study" } });
    // Nothing of the document is dropped on the way: the line carries the reader's data as is.
    const { text, ...rest } = sampleDocument();
    expect(first).toMatchObject({ ...rest, text });
  });

  it("puts every span's exact text at its code-point offsets, as Python reads them", async () => {
    const docs = [sampleDocument(), emptyDocument()];
    const bytes = await collect(writeJsonl(sourceOf(docs), sampleMeta()));
    const read = runPython(PY_CHECK, { "export.jsonl": bytes });
    expect(read).toEqual(docs.map((d) => ({ id: d.id, spans: d.spans.length })));
  });

  it("keeps one line per document when a value holds U+2028 or a newline", async () => {
    const doc = sampleDocument();
    doc.title = "Line\u2028separator\u2029and\nnewline";
    doc.spans[0]!.note = "note\u2028with separator";
    const bytes = await collect(writeJsonl(sourceOf([doc, emptyDocument()]), sampleMeta()));
    expect(runPython(PY_CHECK, { "export.jsonl": bytes })).toHaveLength(2);
    expect(JSON.parse(bytes.toString("utf8").split("\n")[0]!).title).toBe(doc.title);
  });

  it("gives byte-identical output whatever order the reader built its objects in", async () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const docs = [sampleDocument(), emptyDocument()];
    const a = await collect(writeJsonl(sourceOf(docs), sampleMeta()));
    const b = await collect(writeJsonl(sourceOf(docs.map((d) => reverseKeys(d) as ExportDocument)), sampleMeta()));
    expect(b.equals(a)).toBe(true);
  });

  it("writes each line as exactly JSON.stringify of the record object, byte for byte", async () => {
    // The writer builds its lines from templates for speed; jsonlRecord is the plain statement
    // of the shape. Escapes, nulls, nested attribute values and key order must all agree.
    const doc = sampleDocument();
    doc.title = 'Quote " back\\slash\ttab\u0001';
    doc.author = null;
    doc.spans[0]!.attributes = { z: { nested: [1, "two", null] }, a: true, m: -2.5, gone: undefined };
    doc.spans[1]!.note = "«note» 🐟\r\n";
    for (const includeText of [true, false]) {
      const meta = sampleMeta({ includeText });
      const lines = (await collect(writeJsonl(sourceOf([doc, emptyDocument()]), meta))).toString("utf8").split("\n").slice(0, -1);
      expect(lines).toEqual([doc, emptyDocument()].map((d) => JSON.stringify(jsonlRecord(d, meta))));
    }
  });

  it("writes text as null when the export leaves the text out, and the line stays valid", async () => {
    const lines = await exportLines([sampleDocument(), emptyDocument()], false);
    for (const line of lines) {
      const parsed = JSON.parse(line);
      expect(parsed.text).toBeNull();
      expect(schemaErrors(parsed)).toBe("");
    }
    expect(lines.join("\n")).not.toContain("Port Calder 🌊 votes today. “The levy");
  });

  it("streams: the first line leaves before the source is read to the end", async () => {
    let pulled = 0;
    const many: DocumentSource = () =>
      (async function* () {
        for (let i = 1; i <= 1000; i++) {
          pulled++;
          yield { ...sampleDocument(), id: i };
        }
      })();
    const gen = writeJsonl(many, sampleMeta());
    const first = await gen.next();
    expect(first.done).toBe(false);
    expect(pulled).toBeLessThan(10);
    await gen.return(undefined);
  });
});

describe("document.schema.json", () => {
  const valid = async (): Promise<Record<string, unknown>> => JSON.parse((await exportLines([sampleDocument()]))[0]!);

  it("refuses a span of an unknown kind, naming where", async () => {
    const line = await valid();
    (line.spans as Array<Record<string, unknown>>)[0]!.kind = "rumour";
    expect(schemaErrors(line)).toContain("/spans/0/kind must be equal to one of the allowed values");
  });

  it("refuses a line with a missing field", async () => {
    const line = await valid();
    delete line.textSha256;
    expect(schemaErrors(line)).toContain("must have required property 'textSha256'");
  });

  it("refuses a misspelt field and an attribute the span's kind does not have", async () => {
    const line = await valid();
    line.titel = "typo";
    const claim = (line.spans as Array<Record<string, unknown>>).find((s) => s.kind === "claim")!;
    (claim.attributes as Record<string, unknown>).speaker_type = "named_person";
    validate(line);
    const extras = (validate.errors ?? []).filter((e) => e.keyword === "additionalProperties").map((e) => [e.instancePath, e.params.additionalProperty]);
    expect(extras).toContainEqual(["", "titel"]);
    expect(extras).toContainEqual([`/spans/${(line.spans as unknown[]).indexOf(claim)}/attributes`, "speaker_type"]);
  });

  it("refuses a quote attribute of the wrong type and an offset below zero", async () => {
    const line = await valid();
    const spans = line.spans as Array<Record<string, unknown>>;
    const quote = spans.find((s) => s.kind === "quote")!;
    (quote.attributes as Record<string, unknown>).mode = "shouted";
    spans[0]!.start = -1;
    const errors = schemaErrors(line);
    expect(errors).toContain("/attributes/mode must be equal to one of the allowed values");
    expect(errors).toContain("/spans/0/start must be >= 0");
  });

  it("lists the same kinds, attributes and values as lib/validation", () => {
    const defs = schema.$defs;
    const props = (d: { properties: object }): string[] => Object.keys(d.properties).sort();
    expect(props(defs.claimAttributes)).toEqual(Object.keys(claimAttributesSchema.shape).sort());
    expect(props(defs.opinionAttributes)).toEqual(Object.keys(opinionAttributesSchema.shape).sort());
    expect(props(defs.quoteAttributes)).toEqual(Object.keys(quoteAttributesSchema.shape).sort());
    expect(defs.span.properties.kind.enum).toEqual([...ANNOTATION_KINDS]);
    expect(defs.claimAttributes.properties.confidence.enum).toEqual([...CONFIDENCE]);
    expect(defs.claimAttributes.properties.certainty.enum).toEqual([...CERTAINTY]);
    expect(defs.opinionAttributes.properties.holder.enum).toEqual([...OPINION_HOLDERS]);
    expect(defs.opinionAttributes.properties.bias.enum).toEqual([...BIAS_TYPES]);
    expect(defs.quoteAttributes.properties.speaker_type.enum).toEqual([...SPEAKER_TYPES]);
    expect(defs.quoteAttributes.properties.mode.enum).toEqual([...QUOTE_MODES]);
    expect(defs.quoteAttributes.properties.content_type.enum).toEqual([...CONTENT_TYPES]);
    expect(defs.source.properties.kind.enum).toEqual([...SOURCE_KINDS]);
    expect(defs.outlet.properties.kind.enum).toEqual([...OUTLET_KINDS]);
  });
});
