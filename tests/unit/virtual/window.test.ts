// The arithmetic behind windowed lists: which rows are on screen and where to scroll so a
// row is visible, with rows of different heights.
import { describe, expect, it } from "vitest";
import { rowAt, rowOffsets, scrollToReveal, stepIndex, visibleRange } from "@/lib/virtual/window";

const fixed = (count: number, h = 10) => rowOffsets(count, () => h);

describe("row offsets", () => {
  it("are prefix sums of the row heights, measured or estimated", () => {
    expect([...rowOffsets(4, (i) => [10, 30, 5, 20][i]!)]).toEqual([0, 10, 40, 45, 65]);
    expect([...rowOffsets(0, () => 10)]).toEqual([0]);
  });

  it("find the row under a position by binary search", () => {
    const offsets = rowOffsets(4, (i) => [10, 30, 5, 20][i]!);
    expect([0, 9.9, 10, 39, 40, 44, 45, 64, 500].map((y) => rowAt(offsets, y))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 3]);
  });
});

describe("the visible range", () => {
  it("covers only the rows in the viewport plus the overscan, not the whole list", () => {
    const offsets = fixed(3000);
    expect(visibleRange(offsets, 0, 100, 0)).toEqual({ start: 0, end: 10 });
    expect(visibleRange(offsets, 0, 100, 4)).toEqual({ start: 0, end: 14 });
    expect(visibleRange(offsets, 15_000, 100, 2)).toEqual({ start: 1498, end: 1512 });
  });

  it("includes a row cut by either edge and ends at the last row", () => {
    const offsets = fixed(3000);
    expect(visibleRange(offsets, 5, 100, 0)).toEqual({ start: 0, end: 11 });
    expect(visibleRange(offsets, 29_950, 100, 3)).toEqual({ start: 2992, end: 3000 });
    expect(visibleRange(offsets, 1e9, 100, 0)).toEqual({ start: 2999, end: 3000 });
  });

  it("is empty for an empty list", () => {
    expect(visibleRange(fixed(0), 0, 100)).toEqual({ start: 0, end: 0 });
  });
});

describe("scrolling a row into view", () => {
  const offsets = rowOffsets(5, (i) => [10, 10, 50, 200, 10][i]!);

  it("leaves the scroll alone when the row is already visible", () => {
    expect(scrollToReveal(offsets, 1, 0, 60)).toBe(0);
  });

  it("moves just far enough, to the nearer edge", () => {
    expect(scrollToReveal(offsets, 2, 0, 60)).toBe(10); // bottom edge: 70 − 60
    expect(scrollToReveal(offsets, 0, 40, 60)).toBe(0); // above: align its top
  });

  it("aligns a row taller than the viewport to its top, and never scrolls past the end", () => {
    expect(scrollToReveal(offsets, 3, 0, 60)).toBe(70);
    expect(scrollToReveal(offsets, 4, 0, 60)).toBe(220); // 280 − 60 = the furthest scroll
  });
});

describe("keyboard steps through the list", () => {
  it("stay within the list; Home and End go to either end", () => {
    expect(stepIndex(0, -1, 3000)).toBe(0);
    expect(stepIndex(2998, 1, 3000)).toBe(2999);
    expect(stepIndex(2999, 1, 3000)).toBe(2999);
    expect(stepIndex(10, Infinity, 3000)).toBe(2999);
    expect(stepIndex(10, -Infinity, 3000)).toBe(0);
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});
