import { describe, expect, it } from "vitest";
import { formatRating, mean, spread, summarize } from "@/lib/perspective/stats";

describe("the team's mean and spread", () => {
  it("says “not enough data” for no ratings instead of NaN", () => {
    expect(summarize([])).toEqual({
      n: 0,
      mean: { ok: false, reason: "not enough data", message: "No ratings yet, so there is no mean." },
      spread: { ok: false, reason: "not enough data", message: "No ratings yet, so there is no spread." },
    });
  });

  it("gives one rating a mean but no spread", () => {
    expect(mean([2])).toEqual({ ok: true, value: 2 });
    expect(spread([2])).toEqual({ ok: false, reason: "not enough data", message: "Only one rating, so there is no spread yet." });
  });

  it("gives n ratings the mean, the sample standard deviation and the range", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample SD √(32/7).
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toEqual({ ok: true, value: 5 });
    const s = spread(values);
    expect(s.ok && s.value).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s).toMatchObject({ min: 2, max: 9 });
  });

  it("gives two equal ratings a spread of zero", () => {
    expect(spread([-1.5, -1.5])).toEqual({ ok: true, value: 0, min: -1.5, max: -1.5 });
  });
});

describe("formatting a rating", () => {
  it.each([
    [-2, "−2"],
    [-0.5, "−0.5"],
    [0, "0"],
    [-0.001, "0"],
    [44.5, "44.5"],
    [1 / 3, "0.33"],
  ])("writes %d as %s", (value, text) => {
    expect(formatRating(value)).toBe(text);
  });
});
