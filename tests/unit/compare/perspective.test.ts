import { describe, expect, it } from "vitest";
import { compared, outletNamed } from "./helpers";

describe("perspective per outlet", () => {
  const c = compared();

  it("summarises the team's ratings per axis: n, mean, sample sd, min, max", () => {
    expect(outletNamed(c, "Alpha Times").team).toEqual([
      { axis: "left_right", label: "Left–right", n: 3, mean: 3, sd: 1, min: 2, max: 4 },
      { axis: "reliability", label: "Reliability", n: 1, mean: 40, sd: null, min: 40, max: 40 },
    ]);
    expect(outletNamed(c, "Beta News").team).toEqual([
      { axis: "left_right", label: "Left–right", n: 2, mean: -1.5, sd: expect.closeTo(Math.SQRT1_2, 10), min: -2, max: -1 },
      { axis: "reliability", label: "Reliability", n: 0, mean: null, sd: null, min: null, max: null },
    ]);
    expect(outletNamed(c, "Gamma Post").team.map((a) => [a.axis, a.n, a.mean])).toEqual([
      ["left_right", 0, null],
      ["reliability", 0, null],
    ]);
  });

  it("lists published ratings as recorded, apart from the team's and never averaged in", () => {
    const alpha = outletNamed(c, "Alpha Times");
    expect(alpha.published).toEqual([
      { outletId: 10, publisher: "AllSides", axis: "left_right", value: 1.5, label: "Lean Right", retrievedAt: "2024-01-05", url: "https://example.org/a" },
    ]);
    expect(alpha.team[0]!.mean).toBe(3);
    expect(outletNamed(c, "Gamma Post").published.map((p) => [p.publisher, p.value])).toEqual([["Ad Fontes", 30]]);
    expect(outletNamed(c, "Beta News").published).toEqual([]);
  });

  it("gives the no-outlet group no ratings of either kind", () => {
    const none = outletNamed(c, null);
    expect(none.team).toEqual([]);
    expect(none.published).toEqual([]);
  });
});
