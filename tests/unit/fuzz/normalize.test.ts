// Fuzzing the normalization that freezes a document's text on import. Every stored offset
// points into its result, so it must be a fixed point: normalizing frozen text again (a
// re-import, a check of a stored document) changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanTitle, FOUND_TITLE_MAX } from "@/lib/import";
import { codePointLength, normalizeText } from "@/lib/text";
import { fuzz } from "../../fuzz-seed";
import { anyText } from "./arbitraries";

const HERE = import.meta.url;
const TIMEOUT = 60_000;

describe("import normalization on random Unicode", () => {
  it(
    "normalizeText is idempotent and leaves NFC text with \\n line ends, no trailing blanks and no blank first or last line",
    async () => {
      await fuzz(
        "normalizeIdempotent",
        fc.property(anyText, (raw) => {
          const once = normalizeText(raw);
          expect(normalizeText(once)).toBe(once);
          expect(once.normalize("NFC")).toBe(once);
          expect(once).not.toMatch(/\r/);
          // Lines as the document has them: only \n ends one (U+2028 is text here, not a line end).
          const lines = once.split("\n");
          for (const line of lines) expect(line).not.toMatch(/[ \t]$/);
          if (once !== "") expect([lines.at(0), lines.at(-1)]).not.toContain("");
          // Only line ends, trailing blanks and edge lines go: the words are all still there, in order.
          const words = (s: string): string[] =>
            s
              .normalize("NFC")
              .split(/[\r\n\t ]+/)
              .filter((w) => w !== "");
          expect(words(once)).toEqual(words(raw));
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "cleanTitle is idempotent, fits its limit in code points and keeps no line breaks or edge blanks",
    async () => {
      const max = fc.constantFrom(FOUND_TITLE_MAX, 300, 2, 10);
      await fuzz(
        "cleanTitleIdempotent",
        fc.property(
          fc.oneof(
            anyText,
            anyText.map((s) => s.repeat(12)),
          ),
          max,
          (raw, limit) => {
            const title = cleanTitle(raw, limit);
            if (title === null) {
              expect(raw.normalize("NFC").trim()).toBe("");
              return;
            }
            expect(cleanTitle(title, limit)).toBe(title);
            expect(codePointLength(title)).toBeLessThanOrEqual(limit);
            expect(title).not.toMatch(/[\r\n]/);
            expect(title).toBe(title.trim());
            expect(title).not.toBe("");
          },
        ),
        HERE,
      );
    },
    TIMEOUT,
  );
});
