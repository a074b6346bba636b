import { describe, expect, it } from "vitest";
import { bennettS, cohenKappa, percentAgreement, scottPi } from "../../../lib/agreement";
import { defined, expectRounded } from "./helpers";
import { V2, V3, V5A, V5B, V6, V8 } from "./vectors";

describe("percent agreement reproduces the published vectors", () => {
  it("V2: percent agreement of Krippendorff 2004 p.224 is 0.600", () => {
    expectRounded(defined(percentAgreement(V2)).value, 0.6, 3);
  });

  it("V3: percent agreement of Krippendorff 2004 p.227 is 0.833", () => {
    expectRounded(defined(percentAgreement(V3)).value, 0.833, 3);
  });

  it("averages the agreeing share of coder pairs per unit when there are three coders", () => {
    // unit 1: all agree (1); unit 2: one of three pairs agrees (1/3); unit 3: one coder only, skipped.
    const result = defined(
      percentAgreement([
        ["a", "a", "x"],
        ["a", "b", null],
        ["a", "b", null],
      ]),
    );
    expect(result.items).toBe(2);
    expectRounded(result.value, 0.666667, 6);
  });
});

describe("V5: Artstein & Poesio 2008, first table", () => {
  it("observed agreement Po is 0.7", () => {
    expectRounded(defined(cohenKappa(V5A)).observedAgreement, 0.7, 1);
  });

  it("Bennett's S is 0.4", () => {
    expectRounded(defined(bennettS(V5A)).value, 0.4, 1);
  });

  it("Scott's pi is 0.341", () => {
    expectRounded(defined(scottPi(V5A)).value, 0.341, 3);
  });

  it("Cohen's kappa is 0.348", () => {
    expectRounded(defined(cohenKappa(V5A)).value, 0.348, 3);
  });
});

describe("V5: Artstein & Poesio 2008, second table", () => {
  it("observed agreement Po is 0.88", () => {
    expectRounded(defined(scottPi(V5B)).observedAgreement, 0.88, 2);
  });

  it("Scott's pi is 0.7995", () => {
    expectRounded(defined(scottPi(V5B)).value, 0.7995, 4);
  });

  it("Cohen's kappa is 0.8013", () => {
    expectRounded(defined(cohenKappa(V5B)).value, 0.8013, 4);
  });
});

describe("V6: Cohen 1960 p.45", () => {
  it("observed agreement Po is 0.70", () => {
    expectRounded(defined(cohenKappa(V6)).observedAgreement, 0.7, 2);
  });

  it("expected agreement Pe is 0.41", () => {
    expectRounded(defined(cohenKappa(V6)).expectedAgreement, 0.41, 2);
  });

  it("Cohen's kappa is 0.492", () => {
    expectRounded(defined(cohenKappa(V6)).value, 0.492, 3);
  });
});

describe("V8: token-level binary example", () => {
  it("Cohen's kappa is 0.385", () => {
    expectRounded(defined(cohenKappa(V8)).value, 0.385, 3);
  });

  it("Scott's pi is 0.314", () => {
    expectRounded(defined(scottPi(V8)).value, 0.314, 3);
  });
});

describe("two-coder measures on incomplete or degenerate data", () => {
  it("compare only units both coders coded", () => {
    const result = defined(
      cohenKappa([
        ["a", "b", null, "a"],
        ["a", "b", "a", null],
      ]),
    );
    expect(result.items).toBe(2);
    expect(result.value).toBe(1);
  });

  it("Bennett's S counts the offered categories, not only the used ones", () => {
    // Po = 0.7 with four offered categories: S = (0.7 − 1/4) / (1 − 1/4) = 0.6.
    const result = defined(bennettS(V5A, { categories: ["STAT", "IReq", "Chck", "Other"] }));
    expectRounded(result.value, 0.6, 6);
  });

  it.each([
    ["Cohen's kappa", cohenKappa],
    ["Scott's pi", scottPi],
    ["Bennett's S", bennettS],
  ] as const)("%s reports not enough data when no unit has two codes", (_name, measure) => {
    expect(
      measure([
        ["a", null],
        [null, "b"],
      ]),
    ).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it.each([
    ["Cohen's kappa", cohenKappa],
    ["Scott's pi", scottPi],
    ["Bennett's S", bennettS],
  ] as const)("%s reports no variation when both coders used one category only (Pe = 1)", (_name, measure) => {
    const result = measure([
      ["x", "x"],
      ["x", "x"],
    ]);
    expect(result).toMatchObject({ ok: false, reason: "no variation" });
  });

  it("percent agreement reports not enough data for a single coder", () => {
    expect(percentAgreement([["a", "b"]])).toMatchObject({ ok: false, reason: "not enough data" });
  });
});

describe("two-coder measures input validation", () => {
  it("Cohen's kappa throws for three coders and points to the multi-coder measures", () => {
    expect(() => cohenKappa([["a"], ["a"], ["a"]])).toThrow(/exactly two coders.*Fleiss/);
  });

  it("Bennett's S throws when a used value is not among the offered categories", () => {
    expect(() => bennettS([["a"], ["b"]], { categories: ["a"] })).toThrow(/"b" is not in categories/);
  });
});
