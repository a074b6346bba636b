import { describe, expect, it } from "vitest";
import { jsonlLine } from "@/lib/export/jsonl";
import { mergeJsonlLines, parseJsonl } from "@/lib/export/jsonl-read";
import { sliceCodePoints } from "@/lib/text";
import { emptyDocument, sampleDocument, sampleMeta } from "./fixture";

const meta = sampleMeta();
const twoLines = (): string => jsonlLine(sampleDocument(), meta) + jsonlLine(emptyDocument(), meta);

/** The writer's line for the sample document, changed by `edit` (as parsed JSON). */
interface LooseLine {
  [field: string]: unknown;
  spans: { id: number; kind: string }[];
  sources: { id: number }[];
}

function editedLine(edit: (line: LooseLine) => void): string {
  const line = JSON.parse(jsonlLine(sampleDocument(), meta));
  edit(line);
  return JSON.stringify(line);
}

describe("parseJsonl", () => {
  it("reads back every document the writer wrote, with its spans in order", () => {
    const { lines, problems } = parseJsonl(twoLines());
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.line, l.record.id, l.record.title])).toEqual([
      [1, 7, sampleDocument().title],
      [2, 8, "Quiet day"],
    ]);
    const doc = sampleDocument();
    expect(lines[0]!.spans.map((s) => s.fileId)).toEqual(doc.spans.map((s) => s.id));
    for (const s of lines[0]!.spans) expect(sliceCodePoints(lines[0]!.record.text!, s.start, s.end)).toBe(s.exact);
  });

  it("turns source ids into the line's speakers and targets, and parent ids into refs", () => {
    const spans = parseJsonl(twoLines()).lines[0]!.spans;
    const quote = spans.find((s) => s.fileId === 11)!;
    expect(quote.speaker).toEqual({ name: "Rana Haddad", kind: "person", affiliation: "Port Calder council", description: "Mayor", aliases: ["Mayor Haddad"] });
    expect(quote.attributes).not.toHaveProperty("source_id");
    expect(quote.attributes.speaker_text).toBe("Mayor Rana Haddad");
    expect(quote.layer).toBe("gold");
    expect(quote.annotator.username).toBe("judge");
    const claim = spans.find((s) => s.fileId === 12)!;
    expect(claim.targets.map((t) => t.name)).toEqual(["Port Calder council"]);
    expect(claim.attributes).not.toHaveProperty("targets");
    expect(claim.parentRef).toBe("line 1, span 13");
    expect(spans.find((s) => s.fileId === 13)!.ref).toBe("line 1, span 13");
    expect(claim.document).toEqual({ sha256: "0".repeat(64), documentId: 7, title: sampleDocument().title });
  });

  it("names the line of malformed JSON and still reads the lines around it", () => {
    const [first, second] = twoLines().split("\n");
    const { lines, problems } = parseJsonl([first, "{not json", second, ""].join("\n"));
    expect(lines.map((l) => l.line)).toEqual([1, 3]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe("line 2");
    expect(problems[0]!.message).toMatch(/not valid JSON/);
  });

  it("refuses an unknown kind and says which span field is wrong", () => {
    const { lines, problems } = parseJsonl(editedLine((l) => (l.spans[1]!.kind = "entity")));
    expect(lines).toEqual([]);
    expect(problems).toEqual([{ where: "line 1", message: "spans[1].kind: unknown kind “entity”: a span is a claim, an opinion or a quote" }]);
  });

  it("refuses another format or a newer version, and a missing field by name", () => {
    expect(parseJsonl(editedLine((l) => (l.version = 2))).problems[0]!.message).toMatch(/version 2 is not one this app reads/);
    expect(parseJsonl(editedLine((l) => (l.format = "other"))).problems[0]!.message).toMatch(/not a Provenance Desk export line/);
    expect(parseJsonl(editedLine((l) => delete l.textSha256)).problems).toContainEqual({ where: "line 1", message: "textSha256 is missing" });
  });

  it("refuses a speaker or parent that the line does not carry", () => {
    const { problems } = parseJsonl(
      editedLine((l) => {
        l.sources = l.sources.filter((s: { id: number }) => s.id !== 5);
        l.spans = l.spans.filter((s: { id: number }) => s.id !== 13);
      }),
    );
    expect(problems).toContainEqual({ where: "line 1, span 11", message: "its speaker (source 5) is not among the line's sources" });
    expect(problems).toContainEqual({ where: "line 1, span 12", message: "its parent span 13 is not on the same line" });
  });

  it("reads a line whose text was left out as text null", () => {
    const line = jsonlLine(sampleDocument(), sampleMeta({ includeText: false }));
    const { lines, problems } = parseJsonl(line);
    expect(problems).toEqual([]);
    expect(lines[0]!.record.text).toBeNull();
  });

  it("says so when the file holds no documents", () => {
    expect(parseJsonl("\n\n").problems).toEqual([{ where: "file", message: "the file holds no documents" }]);
  });

  it("merges the lines of a gold export and a reviewers' export of the same document", () => {
    const doc = sampleDocument();
    const gold = { ...doc, spans: doc.spans.filter((s) => s.layer === "gold"), layers: doc.layers.filter((l) => l.name === "gold") };
    const reviewers = { ...doc, spans: doc.spans.filter((s) => s.layer !== "gold"), layers: doc.layers.filter((l) => l.name !== "gold") };
    const lines = [
      ...parseJsonl(jsonlLine(gold, meta)).lines,
      ...parseJsonl(jsonlLine({ ...emptyDocument(), textSha256: "1".repeat(64) }, meta) + jsonlLine(reviewers, meta)).lines,
    ];
    const merged = mergeJsonlLines(lines);
    expect(merged).toHaveLength(2);
    const levy = merged.find((l) => l.record.id === 7)!;
    expect(levy.spans.map((s) => s.fileId).sort()).toEqual(doc.spans.map((s) => s.id).sort());
    expect(levy.record.layers.map((l) => l.name)).toEqual(["gold", "reviewer:alice"]);
    expect(levy.record.decisions).toHaveLength(1);
    expect(levy.record.ratings).toHaveLength(1);
    expect(levy.record.outlet!.ratings).toHaveLength(1);
  });
});
