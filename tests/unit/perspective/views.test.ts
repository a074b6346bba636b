import { describe, expect, it } from "vitest";
import { ratingsByAxis, type RatingEntry } from "@/lib/perspective/views";

const entry = (raterId: number, raterName: string, axis: string, value: number): RatingEntry => ({
  id: raterId * 10,
  raterId,
  raterName,
  axis,
  value,
  label: null,
  rationale: "because",
  updatedAt: "2031-01-01T00:00:00.000Z",
});

const axes = [{ key: "left_right" }, { key: "stance" }];
const ratings = [entry(2, "Ben", "left_right", 1), entry(1, "Ana", "left_right", -2), entry(3, "Cy", "left_right", -1)];

describe("ratings grouped by axis", () => {
  it("splits the viewer's rating from the others (by name) and summarizes all of them", () => {
    const [leftRight, stance] = ratingsByAxis(axes, ratings, 2, true);
    expect(leftRight!.mine?.raterName).toBe("Ben");
    expect(leftRight!.others.map((r) => r.raterName)).toEqual(["Ana", "Cy"]);
    expect(leftRight!.summary).toMatchObject({ n: 3, mean: { ok: true, value: -2 / 3 }, spread: { ok: true, min: -2, max: 1 } });
    expect(stance).toMatchObject({ mine: null, others: [], summary: { n: 0, mean: { ok: false } } });
  });

  it("shows neither others nor a summary to a blind viewer, even if rows slipped through", () => {
    const [leftRight] = ratingsByAxis(axes, ratings, 1, false);
    expect(leftRight).toMatchObject({ mine: { raterName: "Ana" }, others: [], summary: null });
  });
});
