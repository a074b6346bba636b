// Fuzzing word snapping (lib/text/snap): what a reviewer's selection becomes when they tag it,
// and where the keyboard moves a span's edges. On random Unicode the result must stay inside
// the text, never cut a surrogate pair or strip a combining mark from its letter, keep every
// character the reviewer selected that is not blank or punctuation, and be stable.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codePointToUtf16 } from "@/lib/text";
import { moveEdge, snapToWords, toCodePoints, trimEdges, wordAtOrAfter, wordBefore } from "@/lib/text/snap";
import { fuzz } from "../../fuzz-seed";
import { anyText, codePointsOf, insidePair, textWithRange } from "./arbitraries";

const HERE = import.meta.url;
const TIMEOUT = 60_000;

// Oracles, written from snap.ts's documented contract rather than imported from it.
const TRIMMED = /^[\s\p{P}]$/u;
const WORD = /^[\p{L}\p{N}\p{M}\p{Pc}]$/u;
const MARK = /^\p{M}$/u;

type Span = { start: number; end: number };

function expectInside(chars: readonly string[], text: string, span: Span): void {
  expect(Number.isInteger(span.start) && Number.isInteger(span.end)).toBe(true);
  expect(0 <= span.start && span.start < span.end && span.end <= chars.length).toBe(true);
  // Through the browser's units and back: both edges land between whole code points.
  for (const edge of [span.start, span.end]) expect(insidePair(text, codePointToUtf16(text, edge))).toBe(false);
}

/** Neither edge separates a combining mark from the word character it belongs to. */
function expectMarksKept(chars: readonly string[], span: Span): void {
  const first = chars[span.start] ?? "";
  const after = chars[span.end] ?? "";
  expect(MARK.test(first) && WORD.test(chars[span.start - 1] ?? "")).toBe(false);
  expect(MARK.test(after) && WORD.test(chars[span.end - 1] ?? "")).toBe(false);
}

/** Every selected character that is not blank or punctuation is still inside `span`. */
function expectSelectionKept(chars: readonly string[], from: number, to: number, span: Span | null): void {
  for (let i = Math.max(0, from); i < Math.min(chars.length, to); i++) {
    if (TRIMMED.test(chars[i]!)) continue;
    expect(span).not.toBeNull();
    expect(span!.start <= i && i < span!.end).toBe(true);
  }
}

// Selections as a browser may report them: anywhere from just before the text to just past it, either way round.
const selection = anyText.chain((text) => {
  const n = codePointsOf(text).length;
  return fc.record({ text: fc.constant(text), a: fc.integer({ min: -2, max: n + 2 }), b: fc.integer({ min: -2, max: n + 2 }) });
});

describe("word snapping on random Unicode", () => {
  it(
    "snapping keeps the selected words whole, trims blanks and punctuation, stays in the text and is stable",
    async () => {
      await fuzz(
        "snapping",
        fc.property(selection, ({ text, a, b }) => {
          const chars = toCodePoints(text);
          expect(chars).toEqual(codePointsOf(text));
          const snapped = snapToWords(chars, a, b);
          expectSelectionKept(chars, Math.min(a, b), Math.max(a, b), snapped);
          const trimmed = trimEdges(chars, Math.max(0, Math.min(a, b)), Math.min(chars.length, Math.max(a, b)));
          expectSelectionKept(chars, Math.min(a, b), Math.max(a, b), trimmed);
          for (const span of [snapped, trimmed]) {
            if (span === null) continue;
            expectInside(chars, text, span);
            expect(TRIMMED.test(chars[span.start]!) || TRIMMED.test(chars[span.end - 1]!)).toBe(false);
          }
          if (snapped === null) return;
          expectMarksKept(chars, snapped);
          expect(snapToWords(chars, snapped.start, snapped.end)).toEqual(snapped);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "moving an edge by a word never empties the span, moves only that edge, and widens or narrows as asked",
    async () => {
      const spans = textWithRange.filter(({ start, end }) => start < end);
      const moves = fc
        .constantFrom("start" as const, "end" as const)
        .chain((edge) => fc.record({ edge: fc.constant(edge), direction: fc.constantFrom("widen" as const, "narrow" as const) }));
      await fuzz(
        "edgeMoves",
        fc.property(spans, moves, ({ text, start, end }, { edge, direction }) => {
          const chars = toCodePoints(text);
          const moved = moveEdge(chars, { start, end }, edge, direction);
          expectInside(chars, text, moved);
          if (edge === "start") expect(moved.end).toBe(end);
          else expect(moved.start).toBe(start);
          if (direction === "widen") expect(moved.start <= start && moved.end >= end).toBe(true);
          else expect(moved.start >= start && moved.end <= end).toBe(true);
          // A word starts and ends with a word character; joiners (don't, 5.5) only sit inside.
          // wordBefore cuts a word the offset falls in (only its start is used), so only its start is checked.
          const after = wordAtOrAfter(chars, start);
          const before = wordBefore(chars, end);
          for (const found of [after, before]) if (found !== null) expectInside(chars, text, found);
          if (after !== null) expect(WORD.test(chars[after.start]!) && WORD.test(chars[after.end - 1]!)).toBe(true);
          if (before !== null) expect(WORD.test(chars[before.start]!)).toBe(true);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );
});
