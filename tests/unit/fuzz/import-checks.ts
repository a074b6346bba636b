// What every import outcome must look like, shared by the import fuzz properties: a document
// whose frozen text is normalized and whose counts and hash match it, or the import's own
// typed refusal with a message for the person importing. Anything else thrown is a bug.
import { expect } from "vitest";
import { FOUND_TITLE_MAX, GIVEN_TITLE_MAX, ImportError, prepareDocument, type ImportErrorCode, type ImportInput, type PreparedDocument } from "@/lib/import";
import { codePointLength, countWords, normalizeText } from "@/lib/text";
import { sha256Hex } from "@/lib/text/hash";

const CODES: readonly ImportErrorCode[] = ["too_large", "not_utf8", "unsupported_type", "empty", "missing_title", "too_complex"];
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const FILE_NAMES = [
  undefined,
  "",
  "story.txt",
  "story.md",
  "story.markdown",
  "page.html",
  "PAGE.HTM",
  "scan.pdf",
  "noextension",
  ".txt",
  "dir/a.b/story.TXT",
  "story.txt.exe",
];

function expectDocument(doc: PreparedDocument): void {
  expect(doc.text).toBe(normalizeText(doc.text));
  expect(doc.text.trim()).not.toBe("");
  expect(LONE_SURROGATE.test(doc.text)).toBe(false);
  expect(doc.charCount).toBe(codePointLength(doc.text));
  expect(doc.wordCount).toBe(countWords(doc.text));
  expect(doc.textSha256).toBe(sha256Hex(doc.text));
  expect(["text", "markdown", "html"]).toContain(doc.format);
  expect(doc.title).toBe(doc.title.trim());
  expect(doc.title).not.toBe("");
  expect(doc.title).not.toMatch(/[\r\n]/);
  expect(codePointLength(doc.title)).toBeLessThanOrEqual(Math.max(GIVEN_TITLE_MAX, FOUND_TITLE_MAX));
  if (doc.found.publishedAt !== null) expect(doc.found.publishedAt).toMatch(DAY);
  if (doc.found.url !== null) expect(doc.found.url).toMatch(/^https?:\/\//);
  for (const value of [doc.found.author, doc.found.outlet, doc.found.title]) if (value !== null) expect(value.trim()).not.toBe("");
}

/** Imports `input`; returns the document, or null after checking the refusal is a clear ImportError. */
export function importOrRefuse(input: ImportInput): PreparedDocument | null {
  let doc: PreparedDocument;
  try {
    doc = prepareDocument(input);
  } catch (error) {
    // Anything but the import's own error (a TypeError, a RangeError from deep recursion…) is a bug.
    if (!(error instanceof ImportError)) throw error;
    expect(CODES).toContain(error.code);
    expect(error.message.length).toBeGreaterThan(10);
    return null;
  }
  expectDocument(doc);
  return doc;
}
