import { describe, expect, it } from "vitest";
import type { StripMark } from "@/lib/review";
import { placeStripMarks, stripMinHeight } from "@/lib/review/strip-layout";

const mark = (key: string, top: number, height = 0.004): StripMark => ({ key, top, height, primary: "only_some" });

/** Every placed mark is a target of at least `min` px, inside the strip, overlapping no other. */
function expectTargets(placed: ReturnType<typeof placeStripMarks>, stripHeight: number, min: number): void {
  const sorted = [...placed].sort((a, b) => a.top - b.top);
  for (const [i, p] of sorted.entries()) {
    expect(p.height).toBeGreaterThanOrEqual(min);
    expect(p.top).toBeGreaterThanOrEqual(0);
    expect(p.top + p.height).toBeLessThanOrEqual(stripHeight + 1e-9);
    if (i > 0) expect(p.top).toBeGreaterThanOrEqual(sorted[i - 1]!.top + sorted[i - 1]!.height - 1e-9);
  }
}

describe("placing the disagreement strip's marks", () => {
  it("keeps marks that are far apart where their differences start", () => {
    const placed = placeStripMarks([mark("a", 0.1), mark("b", 0.5), mark("c", 0.9, 0.05)], 600, 24);
    expect(placed.map((p) => [p.key, p.top])).toEqual([
      ["a", 60],
      ["b", 300],
      ["c", 540],
    ]);
    // A long span keeps its length; a tiny one grows to the minimum.
    expect(placed.map((p) => p.height)).toEqual([24, 24, 30]);
  });

  it("pushes close marks apart just enough, in their order, so none overlaps another", () => {
    const marks = [mark("a", 0.1), mark("b", 0.101), mark("c", 0.102, 0.2)];
    const placed = placeStripMarks(marks, 600, 24);
    expect(placed.map((p) => [p.key, p.top])).toEqual([
      ["a", 60],
      ["b", 84],
      ["c", 108],
    ]);
    expectTargets(placed, 600, 24);
  });

  it("brings marks pushed past the bottom back inside the strip", () => {
    const placed = placeStripMarks([mark("a", 0.97), mark("b", 0.98), mark("c", 0.99)], 600, 24);
    expect(placed.map((p) => p.top)).toEqual([528, 552, 576]);
    expectTargets(placed, 600, 24);
  });

  it("returns the marks in the order given, even when that is not the reading order", () => {
    const placed = placeStripMarks([mark("late", 0.8), mark("early", 0.2)], 500, 24);
    expect(placed.map((p) => p.key)).toEqual(["late", "early"]);
    expect(placed[0]!.top).toBeGreaterThan(placed[1]!.top);
  });

  it("fits any number of marks on a strip grown to the minimum height", () => {
    const marks = Array.from({ length: 40 }, (_, i) => mark(`m${i}`, (i % 7) / 7, (i % 3) / 10));
    const height = stripMinHeight(marks.length, 24);
    expect(height).toBe(960);
    expectTargets(placeStripMarks(marks, 300, 24), height, 24);
    expectTargets(placeStripMarks(marks, 2000, 24), 2000, 24);
  });
});
