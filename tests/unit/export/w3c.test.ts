import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseW3c } from "@/lib/export/w3c-read";
import { writeW3c } from "@/lib/export/w3c";
import type { ExportDocument } from "@/lib/export/types";
import { collect, emptyDocument, sampleDocument, sampleMeta, sourceOf } from "./fixture";
import { runPython } from "./python-reader";
import { loadMustChecker, SUITE_DIR, type ConformanceResult } from "./w3c-conformance";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function exportCollection(docs: ExportDocument[] = [sampleDocument(), emptyDocument()]): Promise<{ raw: string; collection: Json }> {
  const raw = (await collect(writeW3c(sourceOf(docs), sampleMeta()))).toString("utf8");
  return { raw, collection: JSON.parse(raw) as Json };
}

let check: (annotation: unknown) => ConformanceResult;
let raw: string;
let items: Json[];

beforeAll(async () => {
  check = loadMustChecker();
  const out = await exportCollection();
  raw = out.raw;
  items = out.collection.first.items as Json[];
});

describe("writeW3c", () => {
  it("writes one AnnotationCollection whose first page holds one Annotation per span", async () => {
    const { collection } = await exportCollection();
    expect(collection["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.id).toBe("http://127.0.0.1:3000/projects/1/export");
    expect(collection.total).toBe((await sampleMeta().totals()).spanCount);
    expect(collection.first.type).toBe("AnnotationPage");
    expect(items.map((a) => a.id)).toEqual(sampleDocument().spans.map((s) => `http://127.0.0.1:3000/projects/1/documents/7/annotations/${s.id}`));
  });

  it("passes every one of the Working Group's 54 must assertions, for every annotation", () => {
    expect(items.length).toBe(8);
    for (const annotation of items) {
      const result = check(annotation);
      expect(result.failed, annotation.id).toEqual([]);
      expect(result.mustsChecked).toBe(54);
    }
  });

  it("the conformance check fails annotations that break a must", () => {
    const noTarget = structuredClone(items[0]!);
    delete noTarget.target;
    expect(check(noTarget).failed.map((f) => f.id)).toContain("3.1-targetKeyFound.json");

    const negative = structuredClone(items[0]!);
    negative.target.selector[1].start = -1;
    // (The suite's file 4.2-TextDataPositionSelectorValid.json declares this id, lower-case t.)
    expect(check(negative).failed.map((f) => f.id)).toEqual(
      expect.arrayContaining(["4.2-textDataPositionSelectorValid.json", "4.2-selectorValidIfPresent.json"]),
    );

    const noExact = structuredClone(items[0]!);
    delete noExact.target.selector[0].exact;
    expect(check(noExact).failed.map((f) => f.id)).toContain("4.2.4-textQuoteSelectorValid.json");

    const wrongContext = { ...structuredClone(items[0]!), "@context": "http://example.org/other.jsonld" };
    expect(check(wrongContext).failed.map((f) => f.id)).toContain("3.1-annotationContextValidated.json");

    // A textual body with an id counts as an External Web Resource, which may not carry a purpose.
    const idBody = structuredClone(items[0]!);
    idBody.body[0].id = "http://127.0.0.1:3000/kinds/quote";
    expect(check(idBody).failed.map((f) => f.id)).toContain("3.3.5-bodyEWRNoPurpose.json");
  });

  it("the walker follows nested lists, and/or condition objects, assertionFile overrides and skips", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "w3c-test-"));
    const hasKey = (key: string, extra: Json = {}): Json => ({ title: `has ${key}`, type: "object", required: [key], ...extra });
    const test = {
      assertions: [
        "annotations/3.1-targetKeyFound.json",
        // or: one branch holding is enough; and: every branch must hold.
        { title: "id or nope", assertionType: "must", compareWith: "or", assertions: [hasKey("id"), hasKey("nope")] },
        { title: "id and nope", assertionType: "must", compareWith: "and", assertions: [hasKey("id"), hasKey("nope")] },
        // An override turns the file's expectation around.
        { assertionFile: "annotations/3.1-targetKeyFound.json", expectedResult: "invalid", id: "no-target" },
        [hasKey("nope2", { id: "gate", onUnexpectedResult: "failAndSkip" }), hasKey("nope3", { id: "skipped" })],
        hasKey("nope4", { id: "after-list", assertionType: "should" }),
        hasKey("nope5", { id: "last" }),
      ],
    };
    try {
      writeFileSync(path.join(dir, "t.test"), JSON.stringify(test));
      const result = loadMustChecker(SUITE_DIR, path.join(dir, "t.test"))(items[0]);
      expect(result.failed.map((f) => (f.id === "inline" ? f.title : f.id))).toEqual(["id and nope", "no-target", "gate", "last"]);
      // target, or, and, override, gate, last: the skipped one and the "should" are not musts checked.
      expect(result.mustsChecked).toBe(6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exact is the text at start..end in code points, as Python slices it", () => {
    const text = sampleDocument().text;
    const pairs = items.map((a) => ({ exact: a.target.selector[0].exact, start: a.target.selector[1].start, end: a.target.selector[1].end }));
    const script = [
      "import json, sys, os",
      "d = sys.argv[1]",
      "text = open(os.path.join(d, 'text.txt'), encoding='utf-8', newline='').read()",
      "pairs = json.load(open(os.path.join(d, 'pairs.json'), encoding='utf-8'))",
      "print(json.dumps([text[p['start']:p['end']] == p['exact'] for p in pairs]))",
    ].join("\n");
    const verdicts = runPython(script, { "text.txt": text, "pairs.json": JSON.stringify(pairs) });
    expect(verdicts).toEqual(pairs.map(() => true));
    // The emoji before the spans makes UTF-16 offsets differ: make sure the test would notice.
    expect(pairs.some((p) => p.start !== text.indexOf(p.exact))).toBe(true);
  });

  it("streams: the collection's opening is yielded before any document is read", async () => {
    let reads = 0;
    const open = () =>
      (async function* () {
        reads++;
        yield sampleDocument();
      })();
    const gen = writeW3c(open, sampleMeta());
    const first = await gen.next();
    expect(reads).toBe(0);
    expect(String(first.value)).toMatch(/"items":\[$/);
    const rest = await collect({ [Symbol.asyncIterator]: () => gen });
    expect(JSON.parse(String(first.value) + rest.toString("utf8")).first.items).toHaveLength(8);
  });

  it("an export with no spans is still a valid empty collection", async () => {
    const { collection } = await exportCollection([emptyDocument()]);
    expect(collection.first.items).toEqual([]);
  });
});

describe("parseW3c", () => {
  it("reads back every span with its kind, offsets, quote, attributes, speaker, targets, note, layer and parent", () => {
    const doc = sampleDocument();
    const { spans, problems } = parseW3c(raw);
    expect(problems).toEqual([]);
    expect(spans).toHaveLength(doc.spans.length);
    const iri = (id: number): string => `http://127.0.0.1:3000/projects/1/documents/7/annotations/${id}`;
    const registry = new Map(doc.sources.map((s) => [s.id, s]));
    doc.spans.forEach((original, i) => {
      const back = spans[i]!;
      const { source_id, targets, ...attributes } = original.attributes as { source_id?: number; targets?: number[] };
      expect(back).toMatchObject({
        ref: iri(original.id),
        document: { documentId: 7, sha256: doc.textSha256, title: doc.title },
        layer: original.layer,
        kind: original.kind,
        start: original.start,
        end: original.end,
        exact: original.exact,
        prefix: original.prefix,
        suffix: original.suffix,
        note: original.note,
        parentRef: original.parentId === null ? null : iri(original.parentId),
      });
      expect(back.attributes).toEqual(attributes);
      const speaker = source_id === undefined ? undefined : registry.get(source_id);
      expect(back.speaker).toEqual(
        speaker === undefined
          ? null
          : { name: speaker.name, kind: speaker.kind, affiliation: speaker.affiliation, description: speaker.description, aliases: speaker.aliases },
      );
      expect(back.targets.map((t) => t.name)).toEqual((targets ?? []).map((id) => registry.get(id)!.name));
    });
    // Numbers stay numbers (sentiment -2), not the string "-2".
    expect(spans.find((s) => s.kind === "opinion")!.attributes.sentiment).toBe(-2);
  });

  it("accepts an AnnotationPage, a bare list and a single annotation", () => {
    const page = JSON.parse(raw).first;
    expect(parseW3c(JSON.stringify(page)).spans).toHaveLength(8);
    expect(parseW3c(JSON.stringify(page.items)).spans).toHaveLength(8);
    const one = parseW3c(JSON.stringify(page.items[1]));
    expect(one.spans.map((s) => s.kind)).toEqual(["claim"]);
  });

  it("names the annotation and the reason for what it cannot read", () => {
    const [a, b, c, d] = items.slice(0, 4).map((x) => structuredClone(x));
    a!.body = a!.body.filter((x: Json) => x.purpose !== "classifying");
    b!.body[0].value = "rumour";
    c!.target.selector = [];
    d!.target.selector = [d!.target.selector[0], { type: "TextPositionSelector", start: 9, end: 3 }];
    const { spans, problems } = parseW3c(JSON.stringify([a, b, c, d, items[4]]));
    expect(spans).toHaveLength(1);
    expect(problems).toEqual([
      { where: a!.id, message: expect.stringMatching(/no classifying body/) },
      { where: b!.id, message: expect.stringMatching(/unknown kind "rumour"/) },
      { where: c!.id, message: expect.stringMatching(/no TextPositionSelector/) },
      { where: d!.id, message: expect.stringMatching(/9\.\.3 is not a span/) },
    ]);
    expect(parseW3c("{ not json").problems[0]!.message).toMatch(/not JSON/);
  });
});
