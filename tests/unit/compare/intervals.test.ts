import { describe, expect, it } from "vitest";
import { regionAt, sortByStart, unionLength } from "@/lib/compare";

const union = (pairs: [number, number][]): number => unionLength(sortByStart(pairs.map(([start, end]) => ({ start, end }))));

describe("union length of [start, end) regions", () => {
  it("is 0 for no regions and the length for one", () => {
    expect(union([])).toBe(0);
    expect(union([[3, 10]])).toBe(7);
  });

  it("counts overlapping and nested regions once", () => {
    expect(
      union([
        [200, 300],
        [250, 350],
      ]),
    ).toBe(150);
    expect(
      union([
        [400, 420],
        [410, 415],
      ]),
    ).toBe(20);
    expect(
      union([
        [0, 100],
        [10, 20],
        [30, 40],
      ]),
    ).toBe(100);
  });

  it("joins adjacent regions without a gap or a double count (end is exclusive)", () => {
    expect(
      union([
        [100, 160],
        [0, 100],
      ]),
    ).toBe(160);
  });

  it("adds disjoint regions and ignores empty ones", () => {
    expect(
      union([
        [50, 60],
        [0, 10],
        [20, 20],
        [30, 25],
      ]),
    ).toBe(20);
  });
});

describe("the region containing a position", () => {
  const regions = sortByStart([
    { start: 100, end: 160 },
    { start: 0, end: 100 },
    { start: 200, end: 210 },
  ]);

  it("finds the region whose [start, end) holds the position", () => {
    expect(regionAt(regions, 0)).toEqual({ start: 0, end: 100 });
    expect(regionAt(regions, 99)).toEqual({ start: 0, end: 100 });
    expect(regionAt(regions, 100)).toEqual({ start: 100, end: 160 });
    expect(regionAt(regions, 205)).toEqual({ start: 200, end: 210 });
  });

  it("finds none in a gap, at an end or outside", () => {
    expect(regionAt(regions, 160)).toBeNull();
    expect(regionAt(regions, 180)).toBeNull();
    expect(regionAt(regions, 210)).toBeNull();
    expect(regionAt([], 5)).toBeNull();
  });
});
