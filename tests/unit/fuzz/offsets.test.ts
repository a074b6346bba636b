// Fuzzing the one rule of DESIGN.md: stored offsets are code points, browsers speak UTF-16,
// and lib/text converts at the edge. Checked against Array.from as the oracle, on text with
// astral characters, flags, ZWJ sequences, combining marks, RTL runs and lone surrogates.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildOffsetIndex,
  codePointLength,
  codePointToUtf16,
  DEFAULT_QUOTE_CONTEXT,
  sliceCodePoints,
  splitParagraphs,
  textQuoteSelector,
  utf16ToCodePoint,
} from "@/lib/text";
import { fuzz } from "../../fuzz-seed";
import { anyText, codePointsOf, insidePair, textWithRange } from "./arbitraries";

const HERE = import.meta.url;
const TIMEOUT = 60_000;

/** Offsets no conversion may accept for `s`: negative, past the end, fractional, not numbers. */
const outOfRange = (max: number): number[] => [-1, max + 1, 0.5, Number.NaN, Number.POSITIVE_INFINITY];

describe("UTF-16 ↔ code point conversion on random Unicode", () => {
  it(
    "every UTF-16 boundary converts to the oracle's code point offset and back; positions inside a pair are refused",
    async () => {
      await fuzz(
        "offsetRoundTrip",
        fc.property(anyText, (s) => {
          const cps = codePointsOf(s);
          expect(codePointLength(s)).toBe(cps.length);
          for (let i = 0; i <= s.length; i++) {
            if (insidePair(s, i)) {
              expect(() => utf16ToCodePoint(s, i)).toThrow(RangeError);
              continue;
            }
            const cp = utf16ToCodePoint(s, i);
            expect(cp).toBe(codePointsOf(s.slice(0, i)).length);
            expect(codePointToUtf16(s, cp)).toBe(i);
          }
          for (let cp = 0; cp <= cps.length; cp++) {
            const i = codePointToUtf16(s, cp);
            expect(insidePair(s, i)).toBe(false);
            expect(s.slice(0, i)).toBe(cps.slice(0, cp).join(""));
          }
          for (const bad of outOfRange(s.length)) expect(() => utf16ToCodePoint(s, bad)).toThrow(RangeError);
          for (const bad of outOfRange(cps.length)) expect(() => codePointToUtf16(s, bad)).toThrow(RangeError);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "the precomputed offset index agrees with the walking functions, and slices are the oracle's slices",
    async () => {
      await fuzz(
        "offsetIndexAgrees",
        fc.property(textWithRange, ({ text, start, end }) => {
          const index = buildOffsetIndex(text);
          const cps = codePointsOf(text);
          expect(index.codePointLength).toBe(cps.length);
          expect(index.utf16Length).toBe(text.length);
          for (let i = 0; i <= text.length; i++) {
            if (insidePair(text, i)) expect(() => index.toCodePoint(i)).toThrow(RangeError);
            else expect(index.toCodePoint(i)).toBe(utf16ToCodePoint(text, i));
          }
          for (let cp = 0; cp <= cps.length; cp++) expect(index.toUtf16(cp)).toBe(codePointToUtf16(text, cp));
          const expected = cps.slice(start, end).join("");
          expect(sliceCodePoints(text, start, end)).toBe(expected);
          expect(index.slice(start, end)).toBe(expected);
          expect(codePointLength(expected)).toBe(end - start);
          // The three pieces put back together are the text: nothing dropped, nothing split.
          expect(sliceCodePoints(text, 0, start) + expected + sliceCodePoints(text, end)).toBe(text);
          for (const bad of outOfRange(cps.length)) expect(() => index.toUtf16(bad)).toThrow(RangeError);
          if (start < end) expect(() => sliceCodePoints(text, end, start)).toThrow(RangeError);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "a quote selector's exact, prefix and suffix are the code points at and around the span, in order",
    async () => {
      await fuzz(
        "quoteSelectors",
        fc.property(textWithRange, fc.integer({ min: 0, max: 40 }), ({ text, start, end }, context) => {
          const cps = codePointsOf(text);
          const quote = textQuoteSelector(text, start, end, context);
          expect(quote.exact).toBe(cps.slice(start, end).join(""));
          expect(quote.prefix).toBe(cps.slice(Math.max(0, start - context), start).join(""));
          expect(quote.suffix).toBe(cps.slice(end, end + context).join(""));
          expect(textQuoteSelector(buildOffsetIndex(text), start, end, context)).toEqual(quote);
          const defaults = textQuoteSelector(text, start, end);
          expect(codePointLength(defaults.prefix)).toBeLessThanOrEqual(DEFAULT_QUOTE_CONTEXT);
          expect(codePointLength(defaults.suffix)).toBeLessThanOrEqual(DEFAULT_QUOTE_CONTEXT);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "a selection inside a rendered paragraph maps to the same code point as in the whole text",
    async () => {
      // What the review and segment pages do: paragraph.start + utf16ToCodePoint(paragraph.text, k).
      await fuzz(
        "paragraphMapping",
        fc.property(anyText, (text) => {
          let previousEnd = -1;
          for (const p of splitParagraphs(text)) {
            expect(p.start).toBeGreaterThan(previousEnd);
            expect(p.end).toBeLessThanOrEqual(codePointLength(text));
            expect(sliceCodePoints(text, p.start, p.end)).toBe(p.text);
            const base = codePointToUtf16(text, p.start);
            for (let k = 0; k <= p.text.length; k++) {
              if (insidePair(p.text, k)) continue;
              expect(p.start + utf16ToCodePoint(p.text, k)).toBe(utf16ToCodePoint(text, base + k));
            }
            previousEnd = p.end;
          }
        }),
        HERE,
      );
    },
    TIMEOUT,
  );
});
