import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ImportError, MAX_IMPORT_BYTES, prepareDocument, type ImportInput } from "../../../lib/import";
import { normalizeText, sliceCodePoints } from "../../../lib/text";
import { sha256Hex } from "../../../lib/text/hash";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const fixtureBytes = (name: string): Uint8Array => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url));

function importError(input: ImportInput): ImportError {
  try {
    prepareDocument(input);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected prepareDocument to throw");
}

describe("prepareDocument", () => {
  it("normalizes a .txt file and takes its first line as the title", () => {
    const doc = prepareDocument({ fileName: "note.txt", bytes: encode("\uFEFFTitle line \r\n\r\nTap 👍🏽 then “قال الوزير” — ok\r\n") });
    expect(doc.title).toBe("Title line");
    expect(doc.text).toBe("Title line\n\nTap 👍🏽 then “قال الوزير” — ok");
    expect(doc.charCount).toBe(41); // Python: len(text)
    expect(doc.wordCount).toBe(7);
    expect(doc.textSha256).toBe(sha256Hex(doc.text));
    expect(doc.format).toBe("text");
    expect(sliceCodePoints(doc.text, 25, 35)).toBe("قال الوزير");
  });

  it("prefers a given title and metadata over what the content suggests", () => {
    const doc = prepareDocument({
      text: "First line\nbody",
      title: "  Given   title ",
      author: " A. Writer ",
      publishedAt: "2020-01-03",
      url: "https://example.org/a",
    });
    expect(doc).toMatchObject({ title: "Given title", author: "A. Writer", publishedAt: "2020-01-03", url: "https://example.org/a" });
  });

  it("imports markdown as text, titled by its # heading", () => {
    const doc = prepareDocument({ fileName: "notes.md", bytes: fixtureBytes("notes.md") });
    expect(doc.title).toBe("Field notes: the northern highway");
    expect(doc.text.startsWith("# Field notes: the northern highway\n\nWritten after")).toBe(true);
    expect(doc.format).toBe("markdown");
  });

  it("imports the article of an HTML page with its metadata", () => {
    const doc = prepareDocument({ fileName: "article.html", bytes: fixtureBytes("article.html") });
    expect(doc.format).toBe("html");
    expect(doc.title).toMatch(/Militias Gain Ground/);
    expect(doc.author).toMatch(/Dana Example/);
    expect(doc.publishedAt).toBe("2024-03-05");
    expect(doc.siteName).toBe("The Example Ledger");
    expect(doc.text).not.toMatch(/SCRIPT|NAV-TEXT/);
    expect(doc.text).toBe(normalizeText(doc.text));
  });

  it("refuses a file over 5 MB, naming the file and the limit", () => {
    const error = importError({ fileName: "big.txt", bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain("big.txt");
    expect(error.message).toContain("5 MB");
  });

  it("accepts a file of exactly 5 MB", () => {
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
    const doc = prepareDocument({ fileName: "edge.txt", bytes: new Uint8Array(MAX_IMPORT_BYTES).fill(0x61) });
    expect(doc.charCount).toBe(MAX_IMPORT_BYTES);
  });

  it("refuses pasted text over 5 MB of UTF-8", () => {
    const text = "ق".repeat(MAX_IMPORT_BYTES / 2 + 1); // two bytes each
    expect(importError({ text, title: "t" }).code).toBe("too_large");
  });

  it("refuses bytes that are not UTF-8", () => {
    const error = importError({ fileName: "latin1.txt", bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]) });
    expect(error.code).toBe("not_utf8");
    expect(error.message).toContain("latin1.txt is not valid UTF-8 text");
  });

  it("refuses pasted text with an unpaired surrogate", () => {
    expect(importError({ text: "bad \uD83D text", title: "t" }).code).toBe("not_utf8");
  });

  it("refuses a .pdf before reading it, listing the accepted types", () => {
    const error = importError({ fileName: "report.pdf", bytes: Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0xff]) });
    expect(error.code).toBe("unsupported_type");
    expect(error.message).toContain(".txt, .md, .markdown, .html, .htm");
  });

  it("refuses whitespace-only content", () => {
    expect(importError({ fileName: "blank.txt", bytes: encode(" \r\n\t\n  \n") }).code).toBe("empty");
    expect(importError({ text: "", title: "Title" }).code).toBe("empty");
    const page = importError({ fileName: "p.html", bytes: encode("<html><body><script>x()</script></body></html>") });
    expect(page.code).toBe("empty");
    expect(page.message).toContain("p.html");
  });

  it("refuses a document without a title when none is given", () => {
    const error = importError({ fileName: "untitled.md", bytes: encode("Just a paragraph.\n") });
    expect(error.code).toBe("missing_title");
    expect(error.message).toContain("untitled.md");
    expect(prepareDocument({ fileName: "untitled.md", bytes: encode("Just a paragraph.\n"), title: "Named" }).title).toBe("Named");
  });

  it("rejects being given both bytes and text", () => {
    const input = { bytes: encode("a"), text: "a" } as unknown as ImportInput;
    expect(() => prepareDocument(input)).toThrow(TypeError);
  });
});
