import { describe, expect, it } from "vitest";
import { matchSpans, overlapRatio } from "@/lib/review";
import { span } from "./helpers";

const extents = (groups: ReturnType<typeof matchSpans>) => groups.map((g) => g.spans.map((s) => `${s.reviewerId}:${s.kind}:${s.start}-${s.end}`));

describe("matching spans between reviewers", () => {
  it("pairs identical spans and leaves a span only one reviewer marked on its own", () => {
    const groups = matchSpans([span(1, "claim", 0, 10), span(2, "claim", 0, 10), span(1, "opinion", 20, 30)]);
    expect(extents(groups)).toEqual([["1:claim:0-10", "2:claim:0-10"], ["1:opinion:20-30"]]);
  });

  it("pairs overlapping spans of the same kind one-to-one, best overlap first", () => {
    // Reviewer 2's [2,10) overlaps both of reviewer 1's claims; it goes with the larger overlap.
    const groups = matchSpans([span(1, "claim", 0, 4), span(1, "claim", 3, 12), span(2, "claim", 2, 10)]);
    expect(extents(groups)).toEqual([["1:claim:0-4"], ["1:claim:3-12", "2:claim:2-10"]]);
  });

  it("never puts two spans of one reviewer in a group", () => {
    const groups = matchSpans([span(1, "quote", 0, 50), span(1, "quote", 10, 20), span(2, "quote", 0, 50)]);
    for (const g of groups) expect(new Set(g.spans.map((s) => s.reviewerId)).size).toBe(g.spans.length);
    expect(extents(groups)).toEqual([["1:quote:0-50", "2:quote:0-50"], ["1:quote:10-20"]]);
  });

  it("matches a claim nested in a quote with the other reviewer's nested claim, not with their quote", () => {
    const groups = matchSpans([span(1, "quote", 0, 100), span(1, "claim", 10, 40), span(2, "quote", 0, 100), span(2, "claim", 12, 40)], { crossKind: true });
    expect(extents(groups)).toEqual([
      ["1:quote:0-100", "2:quote:0-100"],
      ["1:claim:10-40", "2:claim:12-40"],
    ]);
  });

  it("pairs different kinds only when asked and only when they cover mostly the same text", () => {
    const claim = span(1, "claim", 0, 20);
    const opinion = span(2, "opinion", 2, 20);
    expect(matchSpans([claim, opinion])).toHaveLength(2);
    expect(matchSpans([claim, opinion], { crossKind: true })).toHaveLength(1);
    // A short claim nested inside another reviewer's quote is not a relabelled quote.
    expect(matchSpans([span(1, "quote", 0, 100), span(2, "claim", 40, 50)], { crossKind: true })).toHaveLength(2);
  });

  it("prefers an exact cross-kind match over a same-kind span that barely overlaps", () => {
    const groups = matchSpans([span(1, "claim", 0, 50), span(2, "opinion", 0, 50), span(2, "claim", 49, 100)], { crossKind: true });
    expect(extents(groups)).toEqual([["1:claim:0-50", "2:opinion:0-50"], ["2:claim:49-100"]]);
  });

  it("groups three reviewers' spans and keys groups by their member ids", () => {
    const a = span(1, "claim", 5, 15);
    const b = span(2, "claim", 5, 15);
    const c = span(3, "claim", 6, 15);
    const [group] = matchSpans([c, b, a]);
    expect(group!.spans.map((s) => s.reviewerId)).toEqual([1, 2, 3]);
    expect(group!.key).toBe([a.id, b.id, c.id].join("-"));
    expect([group!.start, group!.end]).toEqual([5, 15]);
  });

  it("does not match spans that only touch", () => {
    expect(matchSpans([span(1, "claim", 0, 10), span(2, "claim", 10, 20)])).toHaveLength(2);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(5 / 15);
  });
});
