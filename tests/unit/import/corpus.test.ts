import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeUtf8Strict, prepareDocument } from "../../../lib/import";
import { codePointLength, normalizeText, sliceCodePoints, splitParagraphs } from "../../../lib/text";
import { sha256Hex } from "../../../lib/text/hash";

// Third-party sample texts, read in place and never copied into the repository.
const corpusDir = fileURLToPath(new URL("../../../../shared/corpus/", import.meta.url));
const files = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((name) => name.endsWith(".txt"))
      .sort()
  : [];

describe.skipIf(!existsSync(corpusDir))("importing the sample corpus", () => {
  it("finds the five sample documents", () => {
    expect(files).toHaveLength(5);
  });

  for (const name of files) {
    it(`imports ${name} with the hash of its normalized text, reading back character for character`, () => {
      const bytes = readFileSync(`${corpusDir}${name}`);
      const expected = normalizeText(decodeUtf8Strict(bytes));
      const doc = prepareDocument({ fileName: name, bytes });

      expect(doc.textSha256).toBe(sha256Hex(expected));
      expect(doc.text).toBe(expected);
      expect(Array.from(doc.text)).toEqual(Array.from(expected));
      expect(doc.charCount).toBe(codePointLength(expected));
      // The first line is the title; a paragraph-long one (000 has no headline) is shortened.
      const firstLine = expected.split("\n")[0] ?? "";
      const shown = doc.title.endsWith("…") ? doc.title.slice(0, -1) : doc.title;
      expect(firstLine.startsWith(shown)).toBe(true);
      expect(codePointLength(doc.title)).toBeLessThanOrEqual(200);
      expect(doc.wordCount).toBeGreaterThan(500);

      for (const p of splitParagraphs(doc.text)) {
        expect(sliceCodePoints(doc.text, p.start, p.end)).toBe(p.text);
      }
    });
  }
});
