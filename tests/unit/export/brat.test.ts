import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseBrat } from "@/lib/export/brat-read";
import { writeBrat } from "@/lib/export/brat";
import type { ExportDocument, ExportMeta } from "@/lib/export/types";
import { codePointLength, sliceCodePoints, textQuoteSelector } from "@/lib/text";
import { collect, emptyDocument, sampleDocument, sampleMeta, sourceOf } from "./fixture";
import { runPython } from "./python-reader";

const STEM = "7-port-calder-votes-on-the-water-levy";

async function exportZip(docs: ExportDocument[], meta: Partial<ExportMeta> = {}): Promise<{ zip: Buffer; files: Record<string, string>; names: string[] }> {
  const zip = await collect(writeBrat(sourceOf(docs), sampleMeta(meta)));
  const raw = unzipSync(new Uint8Array(zip));
  const files = Object.fromEntries(Object.entries(raw).map(([name, bytes]) => [name, strFromU8(bytes)]));
  return { zip, files, names: Object.keys(raw) };
}

const asList = (files: Record<string, string>): { name: string; text: string }[] => Object.entries(files).map(([name, text]) => ({ name, text }));

// Python's zipfile and str slicing (code points) as the independent reader: every text-bound
// fragment of every .ann must be the .txt's text at its offsets.
const CHECK_ANN = `
import json, os, sys, zipfile
z = zipfile.ZipFile(os.path.join(sys.argv[1], 'export.zip'))
checked, bad = 0, []
for name in z.namelist():
    if not name.endswith('.ann'):
        continue
    text = z.read(name[:-4] + '.txt').decode('utf-8')
    for line in z.read(name).decode('utf-8').split('\\n'):
        if not line.startswith('T'):
            continue
        tid, head, shown = line.split('\\t')
        frags = [tuple(map(int, f.split(' '))) for f in head.split(' ', 1)[1].split(';')]
        checked += 1
        if ' '.join(text[s:e] for s, e in frags) != shown or any('\\n' in text[s:e] for s, e in frags):
            bad.append(name + ' ' + tid)
print(json.dumps({'checked': checked, 'bad': bad}))
`;

describe("writeBrat", () => {
  it("puts the configuration first, then a .txt and .ann per document and layer folder", async () => {
    const { names, files } = await exportZip([sampleDocument(), emptyDocument()]);
    expect(names.slice(0, 2)).toEqual(["annotation.conf", "visual.conf"]);
    expect(names).toContain(`gold/${STEM}.txt`);
    expect(names).toContain(`alice/${STEM}.ann`);
    expect(files[`gold/${STEM}.txt`]).toBe(sampleDocument().text);
    const flat = await exportZip([sampleDocument()], { layer: "gold" });
    expect(flat.names).toEqual(["annotation.conf", "visual.conf", `${STEM}.txt`, `${STEM}.ann`]);
  });

  it("every text-bound annotation is the text at its code-point offsets, read by Python", async () => {
    const { zip } = await exportZip([sampleDocument(), emptyDocument()]);
    const result = runPython(CHECK_ANN, { "export.zip": zip }) as { checked: number; bad: string[] };
    expect(result.bad).toEqual([]);
    // 8 spans, plus the cue and Source spans of the quotes whose cue is in the text.
    expect(result.checked).toBeGreaterThan(8);
  });

  it("writes quotes PolNeAR-style: Content, Attribution cue and Source, linked by an event", async () => {
    const { files } = await exportZip([sampleDocument()]);
    const lines = files[`gold/${STEM}.ann`]!.split("\n");
    const byId = new Map(lines.map((l) => [l.split("\t")[0]!, l]));
    const text = (id: string): string => byId.get(id)!.split("\t")[2]!;
    const events = lines.filter((l) => l.startsWith("E"));
    // Quotes 11 and 13 share "said" and "Mayor Rana Haddad"; quote 14 has "told" and "Officials".
    expect(events).toHaveLength(3);
    const parsed = events.map((e) =>
      Object.fromEntries(
        e
          .split("\t")[1]!
          .split(" ")
          .map((a) => a.split(":")),
      ),
    );
    expect(parsed.map((e) => [text(e.Attribution), text(e.Content), e.Source && text(e.Source)])).toEqual([
      ["said", "The levy is unfair", "Mayor Rana Haddad"],
      ["said", "and the river 🐟 will pay.", "Mayor Rana Haddad"],
      ["told", "«المياه ملك للجميع» was painted on the dam", "Officials"],
    ]);
    expect(byId.get(parsed[0].Attribution)!.split("\t")[1]).toMatch(/^Attribution /);
    // The nested quote has no cue: a Content span, no event.
    const nested = lines.find((l) => l.endsWith("\tالمياه ملك للجميع"))!;
    expect(nested).toMatch(/^T\d+\tContent /);
    expect(events.some((e) => e.includes(`Content:${nested.split("\t")[0]} `) || e.endsWith(`Content:${nested.split("\t")[0]}`))).toBe(false);
    // Parent links are relations; attributes are A lines; notes carry speaker and note.
    expect(lines.filter((l) => /^R\d+\tWithin Arg1:T\d+ Arg2:T\d+$/.test(l))).toHaveLength(2);
    const opinion = lines.find((l) => l.endsWith("\tThe plan is reckless."))!.split("\t")[0]!;
    expect(lines.some((l) => new RegExp(`^A\\d+\\tSentiment ${opinion} -2$`).test(l))).toBe(true);
    expect(lines.find((l) => l.includes("AnnotatorNotes"))).toContain("speaker: Rana Haddad [person]");
  });

  it("says in a note when a quote's cue is not in the text, and writes no event for it", async () => {
    const doc = sampleDocument();
    doc.spans = [{ ...doc.spans[0]!, attributes: { ...doc.spans[0]!.attributes, cue: "whispered" } }];
    const { files } = await exportZip([doc], { layer: "gold" });
    const ann = files[`${STEM}.ann`]!;
    expect(ann).not.toMatch(/^E/m);
    expect(ann).toContain("cue (not in the text, so no Attribution event): whispered");
    expect(parseBrat(asList(files)).spans[0]!.attributes.cue).toBe("whispered");
  });

  it("declares in annotation.conf every label, attribute and value the .ann files use", async () => {
    const { files } = await exportZip([sampleDocument()]);
    const conf = files["annotation.conf"]!;
    const declared = new Set(
      conf
        .split("\n")
        .filter((l) => l !== "" && !l.startsWith("#") && !l.startsWith("["))
        .map((l) => l.split("\t")[0]),
    );
    const values = new Map(
      conf
        .split("\n")
        .filter((l) => l.includes("Value:"))
        .map((l) => [l.split("\t")[0], l.split("Value:")[1]!.split("|")]),
    );
    for (const line of Object.entries(files)
      .filter(([n]) => n.endsWith(".ann"))
      .flatMap(([, t]) => t.split("\n"))) {
      const [id, head = ""] = line.split("\t");
      const [label, target, value] = head.split(" ");
      if (id!.startsWith("T") || id!.startsWith("R") || id!.startsWith("A")) expect(declared, line).toContain(label);
      if (id!.startsWith("E")) expect(declared).toContain(label!.split(":")[0]);
      if (id!.startsWith("A")) expect(values.get(label), line).toContain(value);
      void target;
    }
    expect(files["visual.conf"]).toMatch(/^Claim\tbgColor:#/m);
  });

  it("splits a span that crosses a line break into fragments, which read back as one span", async () => {
    const doc = emptyDocument();
    const start = 0;
    const end = codePointLength("Nothing tagged here.\nSecond");
    const quote = textQuoteSelector(doc.text, start, end);
    doc.spans = [{ ...sampleDocument().spans[1]!, id: 40, parentId: null, start, end, ...quote, layer: "gold" }];
    const { zip, files } = await exportZip([doc], { layer: "gold" });
    expect(files["8-quiet-day.ann"]).toContain("T1\tClaim 0 20;21 27\tNothing tagged here. Second\n");
    expect((runPython(CHECK_ANN, { "export.zip": zip }) as { bad: string[] }).bad).toEqual([]);
    const back = parseBrat(asList(files)).spans[0]!;
    expect([back.start, back.end, back.exact]).toEqual([start, end, sliceCodePoints(doc.text, start, end)]);
  });
});

describe("parseBrat", () => {
  it("reads back every span with its kind, offsets, quote, attributes, speaker, note, layer and parent", async () => {
    const doc = sampleDocument();
    const { files } = await exportZip([doc, emptyDocument()]);
    const { spans, problems } = parseBrat(asList(files));
    expect(problems).toEqual([]);
    expect(spans).toHaveLength(doc.spans.length);
    const registry = new Map(doc.sources.map((s) => [s.id, s]));
    for (const original of doc.spans) {
      const folder = original.layer === "gold" ? "gold" : "alice";
      const back = spans.find((s) => s.layer === original.layer && s.start === original.start && s.end === original.end && s.kind === original.kind)!;
      expect(back, `span ${original.id}`).toBeDefined();
      expect(back).toMatchObject({
        document: { fileStem: STEM },
        exact: original.exact,
        prefix: original.prefix,
        suffix: original.suffix,
        note: original.note,
      });
      expect(back.ref.startsWith(`${folder}/${STEM}.ann T`)).toBe(true);
      const { source_id, targets, ...attributes } = original.attributes as { source_id?: number; targets?: number[] };
      expect(back.attributes).toEqual(attributes);
      const speaker = source_id === undefined ? undefined : registry.get(source_id);
      expect(back.speaker).toEqual(speaker === undefined ? null : { name: speaker.name, kind: speaker.kind });
      expect(back.targets).toEqual((targets ?? []).map((id) => ({ name: registry.get(id)!.name, kind: registry.get(id)!.kind })));
      const parent = original.parentId === null ? null : doc.spans.find((s) => s.id === original.parentId)!;
      const parentBack = parent === null ? null : spans.find((s) => s.layer === parent.layer && s.start === parent.start && s.end === parent.end)!.ref;
      expect(back.parentRef).toBe(parentBack);
    }
  });

  it("reads a Source span as the speaker when no note names one (another brat project's file)", () => {
    const text = "The mayor said the levy is fair.";
    const ann = [
      "T1\tContent 15 31\tthe levy is fair",
      "T2\tAttribution 10 14\tsaid",
      "T3\tSource 0 9\tThe mayor",
      "E1\tAttribution:T2 Content:T1 Source:T3",
      "#1\tAnnotatorNotes T1\tchecked twice",
    ].join("\n");
    const { spans, problems } = parseBrat([
      { name: "x/3-levy.ann", text: ann },
      { name: "x/3-levy.txt", text },
    ]);
    expect(problems).toEqual([]);
    expect(spans[0]).toMatchObject({
      kind: "quote",
      layer: "reviewer:x",
      speaker: { name: "The mayor" },
      attributes: { cue: "said", speaker_text: "The mayor" },
      note: "checked twice",
    });
  });

  it("names the file and line of what it cannot read", () => {
    const text = "Short text.";
    const ann = [
      "T1\tClaim 0 5\tShort",
      "T2\tClaim 0 99\tShort text.",
      "T3\tClaim 0 5\tOther",
      "T4 broken line",
      "T5\tRumour 0 5\tShort",
      "A1\tSentiment T1 7",
    ].join("\n");
    const { spans, problems } = parseBrat([
      { name: "1-a.ann", text: ann },
      { name: "1-a.txt", text },
      { name: "2-b.ann", text: "" },
    ]);
    expect(spans.map((s) => s.ref)).toEqual(["1-a.ann T1"]);
    expect(problems).toEqual([
      { where: "1-a.ann line 2", message: expect.stringMatching(/outside the \.txt/) },
      { where: "1-a.ann line 3", message: expect.stringMatching(/differs from the \.txt/) },
      { where: "1-a.ann line 4", message: expect.stringMatching(/malformed/) },
      { where: "1-a.ann line 6", message: expect.stringMatching(/Sentiment cannot be "7"/) },
      { where: "1-a.ann line 5", message: expect.stringMatching(/unknown label "Rumour"/) },
      { where: "2-b.ann", message: expect.stringMatching(/no 2-b\.txt/) },
    ]);
  });
});
