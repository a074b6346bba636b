// Fuzzing document import (lib/import's prepareDocument) with random text, Markdown and bytes
// under every kind of file name: the outcome is a well-formed document or the import's own
// typed refusal, never an unexpected exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareDocument } from "@/lib/import";
import { fuzz } from "../../fuzz-seed";
import { anyText, wellFormedText } from "./arbitraries";
import { FILE_NAMES, importOrRefuse } from "./import-checks";

const HERE = import.meta.url;
const TIMEOUT = 60_000;

const fileName = fc.constantFrom(...FILE_NAMES);
const givenTitle = fc.option(fc.oneof(anyText, fc.constantFrom("  ", "A title", "x".repeat(400))), { nil: undefined });
const markdown = fc
  .tuple(fc.constantFrom("", "# ", "   # ", "#", "## ", "#\t", "    # "), wellFormedText, fc.constantFrom("", " #", " ##  "), wellFormedText)
  .map(([hashes, heading, closing, body]) => `${hashes}${heading}${closing}\n${body}`);

const utf8 = new TextEncoder();
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  anyText.map((s) => utf8.encode(s)),
  anyText.map((s) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8.encode(s)])),
  anyText.map((s) => Uint8Array.from(Buffer.from(s, "utf16le"))),
  fc.tuple(wellFormedText, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([s, at, byte]) => {
    const encoded = utf8.encode(s || "x");
    encoded[at % encoded.length] = byte;
    return encoded;
  }),
);

describe("document import of random input", () => {
  it(
    "random text and Markdown import as a normalized document or are refused with an ImportError, and re-importing the frozen text changes nothing",
    async () => {
      await fuzz(
        "importText",
        fc.property(fc.oneof(anyText, markdown), fileName, givenTitle, (text, name, title) => {
          const doc = importOrRefuse({ text, fileName: name, title });
          if (doc === null || doc.format === "html") return;
          // The frozen text imported again (as what it was) is the same document: same text, same hash.
          const again = prepareDocument({ text: doc.text, fileName: doc.format === "markdown" ? "again.md" : "again.txt", title: doc.title });
          expect(again.text).toBe(doc.text);
          expect(again.textSha256).toBe(doc.textSha256);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "random bytes import as a document or are refused with an ImportError; bytes that are not UTF-8 are always refused",
    async () => {
      await fuzz(
        "importBytes",
        fc.property(bytes, fileName, (data, name) => {
          const doc = importOrRefuse({ bytes: data, fileName: name });
          let utf8Valid = true;
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(data);
          } catch {
            utf8Valid = false;
          }
          if (!utf8Valid) expect(doc).toBeNull();
        }),
        HERE,
      );
    },
    TIMEOUT,
  );
});
