import { describe, expect, it } from "vitest";
import { sameKindDepth, SpanIndex } from "../../../lib/spans";

const quote = { id: 1, start: 0, end: 50, kind: "quote" };
const inner = { id: 2, start: 10, end: 30, kind: "quote" };
const claim = { id: 3, start: 12, end: 20, kind: "claim" };
const later = { id: 4, start: 60, end: 70, kind: "opinion" };
const overlap = { id: 5, start: 45, end: 65, kind: "claim" };

describe("span index", () => {
  const index = new SpanIndex([later, claim, inner, overlap, quote]);

  it("sorts spans in reading order, outer before inner", () => {
    expect(index.sorted.map((s) => s.id)).toEqual([1, 2, 3, 5, 4]);
  });

  it("finds every span covering a character, innermost first", () => {
    expect(index.coveringAt(15).map((s) => s.id)).toEqual([3, 2, 1]);
    expect(index.coveringAt(47).map((s) => s.id)).toEqual([5, 1]);
    expect(index.coveringAt(50).map((s) => s.id)).toEqual([5]); // end is exclusive
    expect(index.coveringAt(55).map((s) => s.id)).toEqual([5]);
    expect(index.coveringAt(80)).toEqual([]);
  });

  it("agrees with a linear scan on many random spans", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    const spans = Array.from({ length: 500 }, (_, id) => {
      const start = random(5000);
      return { id, start, end: start + 1 + random(200), kind: "claim" };
    });
    const big = new SpanIndex(spans);
    for (let offset = 0; offset < 5300; offset += 37) {
      const expected = spans
        .filter((s) => s.start <= offset && offset < s.end)
        .map((s) => s.id)
        .sort();
      expect(
        big
          .coveringAt(offset)
          .map((s) => s.id)
          .sort(),
      ).toEqual(expected);
    }
  });

  it("says whether a span passing a test overlaps a stretch, as a linear scan does", () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 16807) % 2147483647), seed % n);
    const spans = Array.from({ length: 400 }, (_, id) => {
      const start = random(4000);
      return { id, start, end: start + 1 + random(150), kind: id % 3 === 0 ? "quote" : "claim" };
    });
    const index = new SpanIndex(spans);
    const quote = (s: { kind: string }): boolean => s.kind === "quote";
    let both = 0;
    for (let start = 0; start < 4200; start += 13) {
      const end = start + random(60);
      const expected = spans.some((s) => quote(s) && s.start < end && s.end > start);
      expect(index.someOverlapping(start, end, quote)).toBe(expected);
      if (expected) both++;
    }
    expect(both).toBeGreaterThan(0);
    // Touching is not overlapping: a span ending where the stretch starts, or starting where it ends.
    const edge = new SpanIndex([{ id: 1, start: 10, end: 20, kind: "quote" }]);
    expect(edge.someOverlapping(20, 30, quote)).toBe(false);
    expect(edge.someOverlapping(0, 10, quote)).toBe(false);
    expect(edge.someOverlapping(19, 30, quote)).toBe(true);
  });

  it("lists containing spans as parent candidates", () => {
    expect(index.containing(12, 20, 3).map((s) => s.id)).toEqual([2, 1]);
  });

  it("moves to the next and previous span, wrapping around", () => {
    expect(index.neighbour(null, 1)?.id).toBe(1);
    expect(index.neighbour(3, 1)?.id).toBe(5);
    expect(index.neighbour(4, 1)?.id).toBe(1);
    expect(index.neighbour(1, -1)?.id).toBe(4);
  });

  it("gives a quote inside a quote depth 1", () => {
    const depth = sameKindDepth([quote, inner, claim, later, overlap]);
    expect(depth.get(1)).toBe(0);
    expect(depth.get(2)).toBe(1);
    expect(depth.get(3)).toBe(0);
  });
});
