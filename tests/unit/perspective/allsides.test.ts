import { describe, expect, it } from "vitest";
import { allSidesCategory } from "@/lib/perspective/allsides";

describe("AllSides category of a left–right value", () => {
  it.each([
    [-6, "Left"],
    [-3, "Left"],
    [-2.99, "Lean Left"],
    [-1, "Lean Left"],
    [-0.99, "Center"],
    [0, "Center"],
    [0.99, "Center"],
    [1, "Lean Right"],
    [2.99, "Lean Right"],
    [3, "Right"],
    [6, "Right"],
  ])("places %d in %s", (value, category) => {
    expect(allSidesCategory(value)).toBe(category);
  });

  it("keeps values between −1 and −0.99 (a team mean can land there) in Center, not a gap", () => {
    expect(allSidesCategory(-0.995)).toBe("Center");
    expect(allSidesCategory(0.995)).toBe("Center");
  });

  it("gives no category for a value that is not a number", () => {
    expect(allSidesCategory(Number.NaN)).toBeNull();
    expect(allSidesCategory(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
