import { describe, expect, it } from "vitest";
import { toCodePoints } from "@/lib/text/snap";
import { cursorAfter, cursorBase, paragraphStep, spanFromCursor, wordStep } from "@/lib/workspace/cursor";

const text = "Title here\nFirst para has words.\nSecond para, too.";
const chars = toCodePoints(text);
const starts = [0, 11, 33];
const word = (w: string): { start: number; end: number } => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });

describe("the word cursor", () => {
  it("starts from the caret when there is no cursor and no current span", () => {
    expect(cursorBase(null, null, 12)).toEqual({ start: 12, end: 12 });
    expect(cursorBase(null, word("para"), 0)).toEqual({ start: 11 + 6, end: 11 + 6 });
    expect(wordStep(chars, cursorBase(null, null, word("has").start), 1)).toEqual(word("has"));
  });

  it("moves word by word and stays put at the end of the text", () => {
    expect(wordStep(chars, word("here"), 1)).toEqual(word("First"));
    expect(wordStep(chars, word("First"), -1)).toEqual(word("here"));
    expect(wordStep(chars, word("too"), 1)).toBeNull();
  });

  it("jumps paragraphs with ↑ ↓, and from a bare caret lands on the first word", () => {
    const bare = cursorBase(null, null, 0);
    expect(paragraphStep(chars, starts, bare, true, 1)).toEqual(word("Title"));
    expect(paragraphStep(chars, starts, word("Title"), false, 1)).toEqual(word("First"));
    expect(paragraphStep(chars, starts, word("has"), false, 1)).toEqual(word("Second"));
    expect(paragraphStep(chars, starts, word("too"), false, -1)).toEqual(word("First"));
    expect(paragraphStep(chars, starts, word("too"), false, 1)).toBeNull();
  });

  it("moves past a new span to the first word after it", () => {
    expect(cursorAfter(chars, { start: word("First").start, end: word("para").end })).toEqual(word("has"));
    expect(cursorAfter(chars, { start: 0, end: chars.length })).toBeNull();
  });

  it("finds the next and previous span around the cursor, wrapping round", () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 11, end: 16 },
      { start: 33, end: 39 },
    ];
    expect(spanFromCursor(spans, word("para"), 1)).toBe(spans[2]);
    expect(spanFromCursor(spans, word("para"), -1)).toBe(spans[1]);
    expect(spanFromCursor(spans, word("too"), 1)).toBe(spans[0]);
    expect(spanFromCursor(spans, word("Title"), -1)).toBe(spans[2]);
  });
});
