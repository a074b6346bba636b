import { describe, expect, it } from "vitest";
import { fleissKappa } from "../../../lib/agreement";
import { defined, expectRounded } from "./helpers";
import { V7, V8 } from "./vectors";

describe("V7: Fleiss 1971 p.379, 30 items × 6 ratings", () => {
  it("Fleiss' kappa is 0.430", () => {
    expectRounded(defined(fleissKappa(V7)).value, 0.43, 3);
  });

  it("observed agreement Po is 0.5556", () => {
    expectRounded(defined(fleissKappa(V7)).observedAgreement, 0.5556, 4);
  });

  // Not reproducible to 4 decimals: Σ p_j² is exactly 0.219938 (0.2199). Fleiss printed 0.2201
  // because he squared p_j already rounded to three decimals; DKPro's own test allows ±0.001.
  it("expected agreement Pe is 0.2201 within ±0.001 (exactly 0.2199)", () => {
    const pe = defined(fleissKappa(V7)).expectedAgreement;
    expect(Math.abs(pe - 0.2201)).toBeLessThanOrEqual(0.001);
    expectRounded(pe, 0.2199, 4);
  });

  it("the printed Pe of 0.2201 follows from the category shares rounded to three decimals", () => {
    const shares = defined(fleissKappa(V7)).perCategory.map((c) => defined(c.result).proportion);
    const fromRounded = shares.reduce((sum, p) => sum + Math.round(p * 1000) ** 2 / 1e6, 0);
    expectRounded(fromRounded, 0.2201, 4);
  });

  // The vector allows ±0.001 here: these are DKPro Statistics' numbers, which differ slightly
  // from those printed in the paper (0.248, 0.248, 0.517, 0.470, 0.565).
  it.each([
    [1, 0.245],
    [2, 0.245],
    [3, 0.52],
    [4, 0.471],
    [5, 0.566],
  ])("per-category kappa for category %i is %f (±0.001), as DKPro computes it", (category, expected) => {
    const entry = defined(fleissKappa(V7)).perCategory.find((c) => c.category === category);
    expect(entry).toBeDefined();
    const kappa = defined(entry!.result).value;
    expect(Math.abs(kappa - expected)).toBeLessThanOrEqual(0.001);
    expectRounded(kappa, expected, 3);
  });
});

describe("Fleiss' kappa when it is undefined", () => {
  it("reports not enough data when there are no items", () => {
    expect(fleissKappa([])).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it("reports not enough data with a single rating per item (one rater)", () => {
    expect(fleissKappa([["a"], ["b"]])).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it("reports no variation when every rating is the same category", () => {
    expect(
      fleissKappa([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toMatchObject({ ok: false, reason: "no variation" });
  });

  it("equals Scott's pi with two ratings per item (V8: 0.314)", () => {
    const [first, second] = V8;
    const items = first!.map((rating, i) => [rating, second![i]] as number[]);
    expectRounded(defined(fleissKappa(items)).value, 0.314, 3);
  });
});

describe("Fleiss' kappa input validation", () => {
  it("throws when items have different numbers of ratings", () => {
    expect(() => fleissKappa([["a", "b"], ["a"]])).toThrow(/item 1 has 1 ratings but item 0 has 2/);
  });
});
