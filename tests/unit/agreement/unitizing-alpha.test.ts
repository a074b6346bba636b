import { describe, expect, it } from "vitest";
import { unitizingAlpha, unitizingDistance, type UnitizingStudy } from "../../../lib/agreement";
import { defined, expectRounded } from "./helpers";

/** V9: continuum [0,10); rater 0 marks A [1,9), rater 1 marks A [2,3), [4,5), [6,7). */
const V9: UnitizingStudy = {
  begin: 0,
  length: 10,
  raters: 2,
  units: [
    { rater: 0, offset: 1, length: 8, label: "A" },
    { rater: 1, offset: 2, length: 1, label: "A" },
    { rater: 1, offset: 4, length: 1, label: "A" },
    { rater: 1, offset: 6, length: 1, label: "A" },
  ],
};

function labelA(study: UnitizingStudy) {
  const entry = unitizingAlpha(study).perLabel.find((e) => e.label === "A");
  if (entry === undefined) throw new Error("label A missing from the result");
  return defined(entry.result);
}

/** Three raters on [0,20) and a single unit [0, length) labelled X by rater 0. */
function singleUnit(length: number): UnitizingStudy {
  return { begin: 0, length: 20, raters: 3, units: [{ rater: 0, offset: 0, length, label: "X" }] };
}

describe("V9: unitizing alpha, DKPro Statistics' small case", () => {
  it("observed disagreement for label A is 0.9100", () => {
    expectRounded(labelA(V9).observedDisagreement, 0.91, 4);
  });

  it("expected disagreement for label A is 0.5352", () => {
    expectRounded(labelA(V9).expectedDisagreement, 0.5352, 4);
  });

  it("expected disagreement for label A is exactly 289/540", () => {
    expect(labelA(V9).expectedDisagreement).toBe(289 / 540);
  });

  it("alpha_u for label A is −0.7003", () => {
    expectRounded(labelA(V9).value, -0.7003, 4);
  });

  it("overall alpha_u equals the only label's alpha_u", () => {
    expect(defined(unitizingAlpha(V9).overall).value).toBe(labelA(V9).value);
  });
});

describe("V9: pairwise distances δ(begin, length, label ; begin, length, label)", () => {
  const unit = { offset: 1, length: 8, label: "A" };

  it.each([
    [2, 37],
    [4, 25],
    [6, 29],
  ])("a unit (1,8,A) against the other rater's unit (%i,1,A) is %i", (offset, expected) => {
    expect(unitizingDistance(unit, { offset, length: 1, label: "A" })).toBe(expected);
  });

  it.each([
    [0, 2],
    [7, 4],
  ])("a unit (1,8,A) against a gap (%i,%i) it only partly overlaps is 0", (offset, length) => {
    expect(unitizingDistance(unit, { offset, length, label: null })).toBe(0);
    expect(unitizingDistance({ offset, length, label: null }, unit)).toBe(0);
  });

  it("a unit against a gap lying inside it is 0", () => {
    expect(unitizingDistance(unit, { offset: 3, length: 1, label: null })).toBe(0);
  });

  it("two gaps are at distance 0", () => {
    expect(unitizingDistance({ offset: 0, length: 1, label: null }, { offset: 0, length: 2, label: null })).toBe(0);
  });

  it("a unit wholly inside the other rater's gap costs its squared length, in either order", () => {
    const gap = { offset: 0, length: 10, label: null };
    expect(unitizingDistance(unit, gap)).toBe(64);
    expect(unitizingDistance(gap, unit)).toBe(64);
  });
});

describe("V9: degenerate cases", () => {
  it("one unit of length 1 among three raters gives alpha_u = 0.0", () => {
    expectRounded(defined(unitizingAlpha(singleUnit(1)).overall).value, 0, 1);
  });

  it("one unit of length 2 among three raters gives alpha_u = −0.0721", () => {
    expectRounded(defined(unitizingAlpha(singleUnit(2)).overall).value, -0.0721, 4);
  });

  it("no units at all is undefined, not NaN", () => {
    const result = unitizingAlpha({ begin: 0, length: 20, raters: 3, units: [] });
    expect(result.overall).toMatchObject({ ok: false, reason: "not enough data" });
    expect(result.perLabel).toEqual([]);
  });
});

describe("unitizing alpha beyond the vectors", () => {
  it("a single rater is undefined, overall and per label", () => {
    const result = unitizingAlpha({ ...singleUnit(2), raters: 1 });
    expect(result.overall).toMatchObject({ ok: false, reason: "not enough data" });
    expect(result.perLabel[0]?.result).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it("raters who tile the continuum identically with length-1 units leave alpha undefined (De = 0)", () => {
    const units = [0, 1].map((rater) => ({ rater, offset: 0, length: 1, label: "A" }));
    const result = unitizingAlpha({ begin: 0, length: 1, raters: 2, units });
    expect(result.overall).toMatchObject({ ok: false, reason: "no variation" });
  });

  it("identical unitizations agree perfectly", () => {
    const units = [0, 1].flatMap((rater) => [
      { rater, offset: 3, length: 4, label: "A" },
      { rater, offset: 12, length: 2, label: "B" },
    ]);
    const result = unitizingAlpha({ begin: 0, length: 20, raters: 2, units });
    expect(defined(result.overall).value).toBe(1);
    expect(result.perLabel.map((e) => [e.label, e.units, defined(e.result).value])).toEqual([
      ["A", 2, 1],
      ["B", 2, 1],
    ]);
  });

  it("does not depend on where the continuum begins", () => {
    const shifted = { ...V9, begin: 100, units: V9.units.map((u) => ({ ...u, offset: u.offset + 100 })) };
    expect(labelA(shifted).value).toBe(labelA(V9).value);
  });

  it("reproduces the observed disagreements of Krippendorff's 1995 example (DKPro's test)", () => {
    // Per label Do: A 0.03125, B 2.26736, C 0.02777, D 0.38715 (5 decimals, ±0.00001).
    const result = unitizingAlpha(krippendorff1995());
    const observed = result.perLabel.map((e) => defined(e.result).observedDisagreement);
    [0.03125, 2.26736, 0.02777, 0.38715].forEach((expected, i) => {
      expect(Math.abs(observed[i]! - expected)).toBeLessThanOrEqual(0.00001);
    });
  });
});

describe("unitizing alpha input validation", () => {
  it.each([
    ["starts before the continuum", { rater: 0, offset: -1, length: 2, label: "A" }, /outside the continuum \[0, 10\)/],
    ["ends after the continuum", { rater: 0, offset: 9, length: 2, label: "A" }, /outside the continuum/],
    ["has length 0", { rater: 0, offset: 2, length: 0, label: "A" }, /positive integer length/],
    ["has a fractional offset", { rater: 0, offset: 1.5, length: 2, label: "A" }, /integer offset/],
    ["names an unknown rater", { rater: 2, offset: 1, length: 2, label: "A" }, /rater outside 0\.\.1/],
  ])("throws a clear Error when a unit %s", (_what, unit, message) => {
    expect(() => unitizingAlpha({ begin: 0, length: 10, raters: 2, units: [unit] })).toThrow(message);
  });

  it("throws when one rater's units of one label overlap", () => {
    const units = [
      { rater: 0, offset: 1, length: 4, label: "A" },
      { rater: 0, offset: 3, length: 4, label: "A" },
    ];
    expect(() => unitizingAlpha({ begin: 0, length: 10, raters: 2, units })).toThrow(/overlapping "A" units/);
  });

  it("accepts overlapping units with different labels", () => {
    const units = [
      { rater: 0, offset: 1, length: 4, label: "A" },
      { rater: 0, offset: 3, length: 4, label: "B" },
    ];
    expect(() => unitizingAlpha({ begin: 0, length: 10, raters: 2, units })).not.toThrow();
  });

  it("throws on an empty continuum or a non-positive rater count", () => {
    expect(() => unitizingAlpha({ begin: 0, length: 0, raters: 2, units: [] })).toThrow(/continuum length/);
    expect(() => unitizingAlpha({ begin: 0, length: 5, raters: 0, units: [] })).toThrow(/rater count/);
  });
});

/** Krippendorff (1995: 57) as in DKPro Statistics' Krippendorff1995Test, continuum [0,24). */
function krippendorff1995(): UnitizingStudy {
  const rows: [string, number, [number, number][]][] = [
    [
      "A",
      0,
      [
        [2, 8],
        [14, 6],
      ],
    ],
    [
      "A",
      1,
      [
        [4, 4],
        [15, 2],
      ],
    ],
    ["B", 0, [[0, 18]]],
    [
      "B",
      1,
      [
        [0, 2],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
        [6, 3],
        [9, 1],
      ],
    ],
    [
      "C",
      0,
      [
        [2, 6],
        [10, 2],
        [14, 4],
        [20, 2],
      ],
    ],
    [
      "C",
      1,
      [
        [0, 2],
        [4, 4],
        [10, 4],
        [16, 2],
        [20, 2],
      ],
    ],
    [
      "D",
      0,
      [
        [0, 2],
        [2, 8],
        [10, 4],
        [14, 6],
        [20, 4],
      ],
    ],
    [
      "D",
      1,
      [
        [0, 4],
        [4, 4],
        [8, 7],
        [15, 2],
        [17, 7],
      ],
    ],
  ];
  const units = rows.flatMap(([label, rater, spans]) => spans.map(([offset, length]) => ({ rater, offset, length, label })));
  return { begin: 0, length: 24, raters: 2, units };
}
