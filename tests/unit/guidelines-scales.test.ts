import { describe, expect, it } from "vitest";
import { AD_FONTES_RELIABILITY, ALLSIDES_METER, axisScaleGuide, formatScaleValue, GENRE_MEANINGS } from "@/lib/guidelines/scales";
import { allSidesCategory, ALLSIDES_CATEGORIES } from "@/lib/perspective/allsides";
import { DEFAULT_AXES } from "@/lib/validation/projects";
import { DOCUMENT_GENRES } from "@/lib/validation/ratings";

const axis = (key: string) => DEFAULT_AXES.find((a) => a.key === key)!;
const parse = (text: string): number => Number(text.replace("−", "-").replace("+", ""));

describe("rating scales explained before the first rating", () => {
  it("explains the default left–right axis by its ends and middle, mirroring the AllSides meter", () => {
    const guide = axisScaleGuide(axis("left_right"));
    expect(guide.points.map((p) => p.value)).toEqual(["−6", "0", "+6"]);
    expect(guide.points.map((p) => p.meaning)).toEqual(["farthest left", "exact centre, no lean either way", "farthest right"]);
    expect(guide.published).toBe(ALLSIDES_METER);
    expect(guide.published?.url).toMatch(/^https:\/\/www\.allsides\.com\//);
    expect(guide.notes).toEqual([]);
  });

  it("states AllSides' category ranges exactly as the app places values in them", () => {
    // "Left −6 to −3, Lean Left −2.99 to −1, …": every stated end falls in the stated category.
    const ranges = [...ALLSIDES_METER.summary.matchAll(/(Left|Lean Left|Center|Lean Right|Right) ([−+]?[\d.]+) to ([−+]?[\d.]+)/g)];
    expect(ranges.map((r) => r[1])).toEqual([...ALLSIDES_CATEGORIES]);
    for (const [, category, from, to] of ranges) {
      expect(allSidesCategory(parse(from!))).toBe(category);
      expect(allSidesCategory(parse(to!))).toBe(category);
    }
  });

  it("explains reliability on Ad Fontes' 0–64 scale with its published thresholds", () => {
    const guide = axisScaleGuide(axis("reliability"));
    expect(guide.points.map((p) => p.value)).toEqual(["0", "24", "32", "64"]);
    expect(guide.points[1]!.meaning).toMatch(/generally acceptable/);
    expect(guide.points[2]!.meaning).toMatch(/generally good/);
    expect(guide.published).toBe(AD_FONTES_RELIABILITY);
    expect(AD_FONTES_RELIABILITY.summary).toMatch(/−42 to \+42/);
  });

  it("drops Ad Fontes' thresholds and says so when a project changed the reliability range", () => {
    const guide = axisScaleGuide({ key: "reliability", min: 0, max: 10 });
    expect(guide.points.map((p) => p.value)).toEqual(["0", "5", "10"]);
    expect(guide.notes).toEqual(["This project rates from 0 to 10, not Ad Fontes Media’s 0 to 64: compare numbers with care."]);
  });

  it("follows a project's own left–right range and warns that it is not AllSides' range", () => {
    const guide = axisScaleGuide({ key: "left_right", min: -3, max: 3 });
    expect(guide.points.map((p) => p.value)).toEqual(["−3", "0", "+3"]);
    expect(guide.notes[0]).toMatch(/from −3 to \+3, not AllSides’ −6 to \+6/);
  });

  it("claims no published scale for stance, the project's own", () => {
    const guide = axisScaleGuide(axis("stance"));
    expect(guide.points.map((p) => p.value)).toEqual(["−2", "0", "+2"]);
    expect(guide.published).toBeNull();
    expect(guide.notes.join(" ")).toMatch(/own scale/);
  });

  it("explains every document genre", () => {
    const guide = axisScaleGuide({ key: "genre" });
    expect(guide.points.map((p) => p.value)).toEqual([...DOCUMENT_GENRES]);
    for (const g of DOCUMENT_GENRES) expect(GENRE_MEANINGS[g].length).toBeGreaterThan(10);
  });

  it("names only the ends of an axis it knows nothing more about", () => {
    const guide = axisScaleGuide({ key: "tone", min: 1, max: 5 });
    expect(guide.points).toEqual([
      { value: "1", meaning: "the lowest rating" },
      { value: "5", meaning: "the highest rating" },
    ]);
    expect(guide.published).toBeNull();
    expect(axisScaleGuide({ key: "tone" }).points).toEqual([]);
  });

  it("writes values as typed, signed on a scale through zero", () => {
    expect(formatScaleValue(-6, true)).toBe("−6");
    expect(formatScaleValue(6, true)).toBe("+6");
    expect(formatScaleValue(0, true)).toBe("0");
    expect(formatScaleValue(64, false)).toBe("64");
    expect(formatScaleValue(2.5, true)).toBe("+2.5");
  });
});
