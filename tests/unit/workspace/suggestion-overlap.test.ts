// clearOf decides which suggestions a reviewer is still offered, on the server and in the
// workspace alike: those overlapping none of their spans. Checked against the plain n × m
// definition on every small arrangement, nested and touching ones included.
import { describe, expect, it } from "vitest";
import { clearOf } from "@/lib/validation/suggestions";

interface R {
  start: number;
  end: number;
}

const overlaps = (a: R, b: R): boolean => a.start < b.end && b.start < a.end;

/** Every range [start, end) with 0 <= start < end <= max. */
function allRanges(max: number): R[] {
  const out: R[] = [];
  for (let start = 0; start < max; start++) for (let end = start + 1; end <= max; end++) out.push({ start, end });
  return out;
}

describe("clearOf", () => {
  it("keeps exactly the items overlapping none of the ranges, for every pair of ranges up to length 6", () => {
    const ranges = allRanges(6);
    const items = allRanges(6);
    for (const a of ranges) {
      for (const b of ranges) {
        const given = [b, a]; // unsorted on purpose
        expect(clearOf(items, given)).toEqual(items.filter((s) => !given.some((r) => overlaps(s, r))));
      }
    }
  });

  it("keeps everything when there are no ranges, treats touching ends as apart, and keeps the items' order", () => {
    const items = [
      { start: 9, end: 12, key: "b" },
      { start: 0, end: 3, key: "a" },
    ];
    expect(clearOf(items, [])).toEqual(items);
    expect(clearOf(items, [{ start: 3, end: 9 }])).toEqual(items);
    expect(clearOf(items, [{ start: 2, end: 4 }]).map((s) => s.key)).toEqual(["b"]);
    // A long range reaching over later ones still counts once they start after it.
    expect(
      clearOf(items, [
        { start: 1, end: 11 },
        { start: 2, end: 3 },
      ]),
    ).toEqual([]);
  });
});
