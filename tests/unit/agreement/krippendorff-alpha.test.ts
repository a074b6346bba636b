import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../../../lib/agreement";
import { defined, expectRounded } from "./helpers";
import { V1, V2, V3, V4, V5B, V8 } from "./vectors";

describe("Krippendorff's alpha reproduces the published vectors", () => {
  it("V1: nominal alpha of the Wikipedia example is 0.691358", () => {
    expectRounded(defined(krippendorffAlpha(V1)).value, 0.691358, 6);
  });

  it("V1: interval alpha of the Wikipedia example is 0.810845", () => {
    expectRounded(defined(krippendorffAlpha(V1, { level: "interval" })).value, 0.810845, 6);
  });

  it("V2: observed disagreement of Krippendorff 2004 p.224 is 0.400", () => {
    expectRounded(defined(krippendorffAlpha(V2)).observedDisagreement, 0.4, 3);
  });

  it("V2: expected disagreement of Krippendorff 2004 p.224 is 0.442", () => {
    expectRounded(defined(krippendorffAlpha(V2)).expectedDisagreement, 0.442, 3);
  });

  it("V2: nominal alpha of Krippendorff 2004 p.224 is 0.095", () => {
    expectRounded(defined(krippendorffAlpha(V2)).value, 0.095, 3);
  });

  it("V3: observed disagreement of Krippendorff 2004 p.227 is 0.1667", () => {
    expectRounded(defined(krippendorffAlpha(V3)).observedDisagreement, 0.1667, 4);
  });

  it("V3: expected disagreement of Krippendorff 2004 p.227 is 0.6268", () => {
    expectRounded(defined(krippendorffAlpha(V3)).expectedDisagreement, 0.6268, 4);
  });

  it("V3: nominal alpha of Krippendorff 2004 p.227 is 0.734", () => {
    expectRounded(defined(krippendorffAlpha(V3)).value, 0.734, 3);
  });

  it("V4: nominal alpha over string labels with a missing value is 0.722222", () => {
    expectRounded(defined(krippendorffAlpha(V4)).value, 0.722222, 6);
  });

  it("V5: nominal alpha of Artstein & Poesio's second table is 0.8005", () => {
    expectRounded(defined(krippendorffAlpha(V5B)).value, 0.8005, 4);
  });

  it("V5: that alpha is 1 − 0.12/0.601608, i.e. Do = 0.12 and De = 0.601608", () => {
    const alpha = defined(krippendorffAlpha(V5B));
    expectRounded(alpha.observedDisagreement, 0.12, 6);
    expectRounded(alpha.expectedDisagreement, 0.601608, 6);
  });

  it("V8: nominal alpha of the token-level binary example is 0.329", () => {
    expectRounded(defined(krippendorffAlpha(V8)).value, 0.329, 3);
  });
});

describe("Krippendorff's alpha at every level of measurement", () => {
  // Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability", 4 observers × 12 units;
  // the `krippendorff` Python package gives 0.743421 / 0.815388 / 0.849107 / 0.797403.
  const _ = null;
  const canonical = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  it.each([
    ["nominal", 0.743421],
    ["ordinal", 0.815388],
    ["interval", 0.849107],
    ["ratio", 0.797403],
  ] as const)("gives %s alpha %f on Krippendorff's 2011 example", (level, expected) => {
    expectRounded(defined(krippendorffAlpha(canonical, { level })).value, expected, 6);
  });

  it("ranks string values for ordinal alpha by valueDomain", () => {
    const names = ["none", "low", "mid", "high", "top"] as const;
    const asNames = canonical.map((row) => row.map((v) => (v === null ? null : names[v - 1]!)));
    const alpha = krippendorffAlpha(asNames, { level: "ordinal", valueDomain: names });
    expectRounded(defined(alpha).value, 0.815388, 6);
  });
});

describe("Krippendorff's alpha when it is undefined", () => {
  it("reports not enough data for a single coder instead of NaN", () => {
    const result = krippendorffAlpha([[1, 2, 3]]);
    expect(result).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it("reports not enough data when no unit was coded by two coders", () => {
    const result = krippendorffAlpha([
      [1, null],
      [null, 2],
    ]);
    expect(result).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it("reports not enough data for an empty table", () => {
    expect(krippendorffAlpha([])).toMatchObject({ ok: false, reason: "not enough data" });
  });

  it("reports no variation when every pairable value is the same (De = 0)", () => {
    const result = krippendorffAlpha([
      ["a", "a", "a"],
      ["a", "a", null],
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe("no variation");
      expect(result.message).toMatch(/expected disagreement/);
    }
  });
});

describe("Krippendorff's alpha input validation", () => {
  it("throws when coders have different numbers of units", () => {
    expect(() => krippendorffAlpha([[1, 2], [1]])).toThrow(/coder 1 has 1 values/);
  });

  it("throws on NaN instead of treating it as a category", () => {
    expect(() => krippendorffAlpha([[1, Number.NaN]])).toThrow(/finite numbers or null/);
  });

  it("throws when interval data holds strings", () => {
    expect(() => krippendorffAlpha([["a"], ["b"]], { level: "interval" })).toThrow(/not a number/);
  });

  it("throws when ordinal strings come without a valueDomain", () => {
    expect(() => krippendorffAlpha([["lo"], ["hi"]], { level: "ordinal" })).toThrow(/valueDomain/);
  });

  it("throws when a value is missing from valueDomain", () => {
    const table = [["lo"], ["hi"]];
    expect(() => krippendorffAlpha(table, { level: "ordinal", valueDomain: ["lo"] })).toThrow(/not in valueDomain/);
  });

  it("throws on negative values at the ratio level", () => {
    expect(() => krippendorffAlpha([[-1], [2]], { level: "ratio" })).toThrow(/negative/);
  });
});
