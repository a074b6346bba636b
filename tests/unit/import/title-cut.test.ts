import { describe, expect, it } from "vitest";
import { cleanTitle, FOUND_TITLE_MAX, parsePlainText, prepareDocument } from "../../../lib/import";

const length = (s: string): number => Array.from(s).length;

describe("a .txt file's title", () => {
  it("is its first line when that line is short, untouched", () => {
    expect(parsePlainText("Backed by Obama, Iranian militias move\n\nBody").title).toBe("Backed by Obama, Iranian militias move");
  });

  it("is cut at a word boundary to at most 120 code points, ending in …, when the first line is a paragraph", () => {
    const paragraph =
      "A fortnight before the battle got underway to retake the city, I sat down with a native son of that restive town, " +
      "who was once a central power broker and is now an exile with many millions at his disposal.";
    const title = parsePlainText(`${paragraph}\nSecond line`).title!;
    expect(length(title)).toBeLessThanOrEqual(FOUND_TITLE_MAX);
    expect(title.endsWith("…")).toBe(true);
    const words = title.slice(0, -1);
    expect(paragraph.startsWith(words)).toBe(true);
    // The cut falls between words: the next character of the paragraph is a space.
    expect(paragraph[words.length]).toBe(" ");
    expect(FOUND_TITLE_MAX).toBe(120);
  });

  it("keeps a line of exactly 120 code points whole", () => {
    const line = `${"abcd ".repeat(23)}abcde`; // 115 + 5
    expect(length(line)).toBe(120);
    expect(parsePlainText(line).title).toBe(line);
  });

  it("keeps the last word whole when the cut falls just before a space", () => {
    const words = `${"x".repeat(118)} tail`; // 119th code point is the space
    expect(cleanTitle(words, 120)).toBe(`${"x".repeat(118)}…`);
    const exact = `${"ab ".repeat(39)}cd efgh`; // the 120th code point starts "efgh"
    expect(cleanTitle(exact, 120)).toBe(`${"ab ".repeat(39)}cd…`);
  });

  it("drops punctuation left dangling at the cut", () => {
    const line = `${"word ".repeat(22)}endings, ${"more ".repeat(20)}`;
    const title = cleanTitle(line, 120)!;
    expect(title).not.toMatch(/[,\s]…$/);
    expect(title.endsWith("…")).toBe(true);
  });

  it("cuts text without spaces mid-word rather than to nothing, counting code points not UTF-16 units", () => {
    const cjk = "伊".repeat(200);
    expect(cleanTitle(cjk, 120)).toBe(`${"伊".repeat(119)}…`);
    const emoji = "😀".repeat(130);
    const cut = cleanTitle(emoji, 120)!;
    expect(length(cut)).toBe(120);
    expect(cut).toBe(`${"😀".repeat(119)}…`);
  });

  it("is used by the import, while a title someone typed keeps up to 300 characters", () => {
    const long = "word ".repeat(60).trim(); // 299 code points
    expect(prepareDocument({ text: `${long}\nbody` }).title.length).toBeLessThanOrEqual(120);
    expect(prepareDocument({ text: "body text", title: long }).title).toBe(long);
  });
});
