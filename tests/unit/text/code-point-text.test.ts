// A CodePointText reads as the array of code points it stands for, and the word, sentence and
// cursor functions give the same answers on either (the workspace holds the text this way).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CodePointText } from "@/lib/text/code-point-text";
import { nextUntaggedSentence, sentenceRanges } from "@/lib/text/sentences";
import { moveEdge, snapToWords, toCodePoints, trimBlanks, trimEdges, wordAtOrAfter, wordBefore } from "@/lib/text/snap";
import { cursorAfter, paragraphStep, wordStep } from "@/lib/workspace/cursor";
import { anyText } from "../fuzz/arbitraries";

const RUNS = { seed: 20_261_129, numRuns: 400 };
const offset = (n: number): fc.Arbitrary<number> => fc.integer({ min: -3, max: n + 3 });
const withOffsets = anyText.chain((text) => {
  const n = toCodePoints(text).length;
  return fc.record({ text: fc.constant(text), a: offset(n), b: offset(n) });
});

describe("CodePointText", () => {
  it("has the length, code points and slices of Array.from(text)", () => {
    fc.assert(
      fc.property(withOffsets, ({ text, a, b }) => {
        const array = toCodePoints(text);
        const chars = new CodePointText(text);
        expect(chars.length).toBe(array.length);
        for (let i = 0; i < array.length; i++) expect(chars.at(i)).toBe(array[i]);
        expect(chars.at(array.length)).toBeUndefined();
        expect(chars.at(1.5)).toBeUndefined();
        expect(chars.slice(a, b)).toEqual(array.slice(a, b));
        expect(chars.slice(a)).toEqual(array.slice(a));
        expect(chars.slice()).toEqual(array.slice());
      }),
      RUNS,
    );
  });

  it("gives the snapping, word, sentence and cursor functions the same answers as the array", () => {
    fc.assert(
      fc.property(withOffsets, ({ text, a, b }) => {
        const array = toCodePoints(text);
        const chars = new CodePointText(text);
        const lo = Math.max(0, Math.min(a, b));
        const hi = Math.min(array.length, Math.max(a, b));
        const both = <T>(f: (c: typeof chars | string[]) => T): void => expect(f(chars)).toEqual(f(array));
        both((c) => snapToWords(c, a, b));
        both((c) => trimEdges(c, lo, hi));
        both((c) => trimBlanks(c, a, b));
        both((c) => wordAtOrAfter(c, lo));
        both((c) => wordBefore(c, hi));
        both((c) => sentenceRanges(c));
        both((c) => nextUntaggedSentence(c, sentenceRanges(c), { cursor: null, caret: lo }, []));
        both((c) => [wordStep(c, { start: lo, end: lo }, 1), wordStep(c, { start: lo, end: hi }, -1), cursorAfter(c, { start: lo, end: hi })]);
        both((c) => paragraphStep(c, [0, hi], { start: lo, end: lo }, false, 1));
        if (lo < hi)
          for (const edge of ["start", "end"] as const) for (const d of ["widen", "narrow"] as const) both((c) => moveEdge(c, { start: lo, end: hi }, edge, d));
      }),
      RUNS,
    );
  });

  it("reads astral characters whole, whatever their place in the text", () => {
    const chars = new CodePointText("a👍🏽 “قال” 😀.");
    expect([chars.at(0), chars.at(1), chars.at(2), chars.at(5), chars.at(10)]).toEqual(["a", "👍", "🏽", "ق", "😀"]);
    expect(chars.slice(1, 3).join("")).toBe("👍🏽");
  });
});
