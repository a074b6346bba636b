import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseMarkdownText, parsePlainText } from "../../../lib/import";

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), "utf8");

describe("parseMarkdownText", () => {
  it("takes a leading # heading as the title and keeps the markdown text as is", () => {
    const md = fixture("notes.md");
    const parsed = parseMarkdownText(md);
    expect(parsed.title).toBe("Field notes: the northern highway");
    expect(parsed.text).toBe(md);
  });

  it("accepts blank lines before the heading and drops closing hashes", () => {
    expect(parseMarkdownText("\n\n# Title with hashes ##\nbody").title).toBe("Title with hashes");
  });

  it("has no title when the first line is not a level-one heading", () => {
    expect(parseMarkdownText("Intro paragraph\n# Late heading").title).toBeNull();
    expect(parseMarkdownText("## Subheading\nbody").title).toBeNull();
    expect(parseMarkdownText("#hashtag\nbody").title).toBeNull();
    expect(parseMarkdownText("").title).toBeNull();
  });
});

describe("parsePlainText", () => {
  it("takes the first non-empty line as the title and keeps the text as is", () => {
    const text = "\r\n  \r\n  Headline here  \r\nBody.";
    expect(parsePlainText(text)).toEqual({ title: "Headline here", text });
  });

  it("shortens a first line that is a whole paragraph at a word boundary", () => {
    const title = parsePlainText(`${"word ".repeat(100)}\nbody`).title ?? "";
    expect(Array.from(title).length).toBeLessThanOrEqual(120);
    expect(title.endsWith("word…")).toBe(true);
  });
});
