// The side-by-side reading cuts each paragraph at span boundaries, in code points.
import { describe, expect, it } from "vitest";
import type { CompareSpan } from "@/lib/compare";
import { linksBetween, markParagraphs } from "@/lib/charts/reading";

const texts = (paragraphs: ReturnType<typeof markParagraphs>): [string, number[]][][] => paragraphs.map((p) => p.pieces.map((x) => [x.text, x.spanIds]));

describe("marking paragraphs for side-by-side reading", () => {
  it("cuts overlapping and nested spans into pieces that each know every span covering them", () => {
    //            0123456789012345678
    const text = "Alpha beta gamma.";
    const marked = markParagraphs(text, [
      { id: 1, start: 0, end: 10 }, // "Alpha beta"
      { id: 2, start: 6, end: 16 }, // "beta gamma"
      { id: 3, start: 6, end: 10 }, // "beta", inside both
    ]);
    expect(texts(marked)).toEqual([
      [
        ["Alpha ", [1]],
        ["beta", [1, 2, 3]],
        [" gamma", [2]],
        [".", []],
      ],
    ]);
  });

  it("keeps offsets in code points: an emoji before a span does not shift it", () => {
    const text = "😀 said: “yes”";
    // "yes" starts at code point 9 (the emoji is one code point, two UTF-16 units).
    const marked = markParagraphs(text, [{ id: 7, start: 9, end: 12 }]);
    expect(texts(marked)).toEqual([
      [
        ["😀 said: “", []],
        ["yes", [7]],
        ["”", []],
      ],
    ]);
    expect(marked[0]!.pieces[1]).toMatchObject({ start: 9, end: 12 });
  });

  it("splits a span that runs across paragraphs and draws nothing for the newlines between them", () => {
    const text = "First line.\n\nSecond line.";
    const marked = markParagraphs(text, [{ id: 1, start: 6, end: 19 }]);
    expect(texts(marked)).toEqual([
      [
        ["First ", []],
        ["line.", [1]],
      ],
      [
        ["Second", [1]],
        [" line.", []],
      ],
    ]);
    expect(marked.map((p) => p.pieces.map((x) => x.text).join(""))).toEqual(["First line.", "Second line."]);
  });

  it("ignores a span outside the text instead of failing the page", () => {
    const marked = markParagraphs("Short.", [
      { id: 1, start: 3, end: 99 },
      { id: 2, start: 40, end: 50 },
    ]);
    expect(texts(marked)).toEqual([
      [
        ["Sho", []],
        ["rt.", [1]],
      ],
    ]);
  });
});

describe("what links the columns", () => {
  const span = (id: number, documentId: number, kind: CompareSpan["kind"], extra: Partial<CompareSpan> = {}): CompareSpan => ({
    id,
    documentId,
    annotatorId: 1,
    kind,
    start: 0,
    end: 1,
    exact: "x",
    ...extra,
  });
  const columns = [
    { spans: [span(1, 10, "claim"), span(2, 10, "quote", { sourceId: 5 }), span(3, 10, "quote", { speakerText: "A diplomat" })] },
    { spans: [span(4, 20, "claim"), span(5, 20, "quote", { sourceId: 5 }), span(6, 20, "claim")] },
  ];

  it("keys a claim linked across columns and a speaker quoted in both, but not what only one column has", () => {
    const links = linksBetween(columns, [{ id: 9, label: "Ministers met", spanIds: [1, 4] }], [{ id: 5, name: "Ana Minister", kind: "person" }]);
    expect(Object.values(links.labels).sort()).toEqual(["Linked claim “Ministers met”", "Speaker Ana Minister"]);
    expect(links.bySpan.get(1)).toEqual(links.bySpan.get(4));
    expect(links.bySpan.get(2)).toEqual(links.bySpan.get(5));
    expect(links.bySpan.get(1)).not.toEqual(links.bySpan.get(2));
    expect(links.bySpan.has(3)).toBe(false); // "A diplomat" speaks in one column only
    expect(links.bySpan.has(6)).toBe(false);
  });

  it("uses short tokens as keys, so a speaker's words never reach a CSS selector", () => {
    const odd = [{ spans: [span(1, 10, "quote", { speakerText: 'He said "x"] y' })] }, { spans: [span(2, 20, "quote", { speakerText: 'he said "x"] y' })] }];
    const links = linksBetween(odd, [], []);
    expect(links.bySpan.get(1)).toEqual(["k0"]);
    expect(links.bySpan.get(2)).toEqual(["k0"]);
  });
});
