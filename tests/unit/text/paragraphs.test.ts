import { describe, expect, it } from "vitest";
import { sliceCodePoints, splitParagraphs, utf16ToCodePoint } from "../../../lib/text";

describe("splitParagraphs", () => {
  it("splits on blank lines and on single newlines", () => {
    const text = "Title\n\nFirst line\nSecond line\n\n\nLast";
    expect(splitParagraphs(text).map((p) => p.text)).toEqual(["Title", "First line", "Second line", "Last"]);
  });

  it("gives code point offsets (as Python counts them) that slice back to each paragraph", () => {
    const text = "👍🏽 Intro 🇮🇶\n\nقال الوزير\n新闻 e\u0301\n\nok";
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map(({ start, end }) => [start, end])).toEqual([
      [0, 11],
      [13, 23],
      [24, 29],
      [31, 33],
    ]);
    for (const p of paragraphs) expect(sliceCodePoints(text, p.start, p.end)).toBe(p.text);
  });

  it("maps a selection inside a paragraph back to document offsets", () => {
    const text = "🇮🇶 first\nTap 👍🏽 then “قال الوزير”";
    const second = splitParagraphs(text)[1];
    expect(second).toBeDefined();
    if (second === undefined) return;
    const utf16Start = second.text.indexOf("قال");
    const start = second.start + utf16ToCodePoint(second.text, utf16Start);
    expect(start).toBe(22); // Python: text.index("قال")
    expect(sliceCodePoints(text, start, start + 10)).toBe("قال الوزير");
  });

  it("returns no paragraphs for empty or blank text", () => {
    expect(splitParagraphs("")).toEqual([]);
    expect(splitParagraphs("\n\n  \n")).toEqual([]);
  });
});
