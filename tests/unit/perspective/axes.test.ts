import { describe, expect, it } from "vitest";
import { axisValueProblem, documentStanceAxis, findAxis, unknownAxisProblem } from "@/lib/perspective/axes";
import { DEFAULT_AXES } from "@/lib/validation/projects";

const leftRight = findAxis(DEFAULT_AXES, "left_right")!;

describe("checking a value against an axis", () => {
  it("accepts the ends of the range and values on the step", () => {
    for (const v of [-6, -0.5, 0, 2.5, 6]) expect(axisValueProblem(leftRight, v)).toBeNull();
  });

  it("refuses values outside the range, between steps, or not numbers", () => {
    expect(axisValueProblem(leftRight, 6.5)).toBe("Left–right ratings run from −6 to 6; 6.5 is outside that range.");
    expect(axisValueProblem(leftRight, 0.25)).toBe("Left–right ratings go in steps of 0.5 from −6 to 6; 0.25 is between two steps.");
    expect(axisValueProblem(leftRight, Number.NaN)).toBe("Give a number from −6 to 6 for Left–right.");
  });

  it("tolerates floating-point sums on fractional steps", () => {
    expect(axisValueProblem({ key: "x", label: "X", min: 0, max: 1, step: 0.1 }, 0.1 + 0.2)).toBeNull();
  });
});

describe("finding axes", () => {
  it("names the project's axes when one is unknown", () => {
    expect(findAxis(DEFAULT_AXES, "populism")).toBeNull();
    expect(unknownAxisProblem(DEFAULT_AXES, "populism")).toBe("This project has no “populism” axis. Its axes are “left_right”, “reliability”, “stance”.");
  });

  it("rates documents on the project's stance axis, or the default one if the project dropped it", () => {
    const custom = { key: "stance", label: "Stance on AI", min: -3, max: 3, step: 1 };
    expect(documentStanceAxis([custom])).toBe(custom);
    expect(documentStanceAxis([leftRight])).toMatchObject({ key: "stance", min: -2, max: 2 });
  });
});
