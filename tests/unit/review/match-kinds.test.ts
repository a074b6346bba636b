// In review matching the kind counts for more than a sliver of overlap: when a reviewer's span
// could pair with two nearly identical spans of another reviewer, the one of the same kind
// wins, whatever order the spans arrive in, so the review shows "agree" plus one extra span
// rather than a "different kind" difference plus another.
import { describe, expect, it } from "vitest";
import { matchSpans } from "@/lib/review";
import type { ReviewSpan } from "@/lib/review";
import { span } from "./helpers";

const extents = (groups: ReturnType<typeof matchSpans>) => groups.map((g) => g.spans.map((s) => `${s.reviewerId}:${s.kind}:${s.start}-${s.end}`));

function orders(spans: ReviewSpan[]): ReviewSpan[][] {
  if (spans.length <= 1) return [spans];
  return spans.flatMap((s, i) => orders([...spans.slice(0, i), ...spans.slice(i + 1)]).map((rest) => [s, ...rest]));
}

describe("a same-kind pair against an almost equal pair of different kinds", () => {
  it("pairs the claim with the other claim, not with the exact-offset opinion, in every input order", () => {
    const spans = [span(1, "claim", 0, 100), span(2, "opinion", 0, 100), span(2, "claim", 0, 98)];
    for (const order of orders(spans)) {
      expect(extents(matchSpans(order, { crossKind: true }))).toEqual([["1:claim:0-100", "2:claim:0-98"], ["2:opinion:0-100"]]);
    }
  });

  it("also wins when the other-kind span overlaps a little more on either side", () => {
    // Opinion [1,100) overlaps 0.99 of the claim; the same-kind claim [3,100) only 0.97.
    const groups = matchSpans([span(1, "claim", 0, 100), span(2, "opinion", 1, 100), span(2, "claim", 3, 100)], { crossKind: true });
    expect(extents(groups)).toEqual([["1:claim:0-100", "2:claim:3-100"], ["2:opinion:1-100"]]);
  });

  it("holds with reviewers in either role and for quotes against claims", () => {
    const groups = matchSpans([span(2, "quote", 10, 60), span(1, "claim", 10, 60), span(1, "quote", 11, 60)], { crossKind: true });
    expect(extents(groups)).toEqual([["1:quote:11-60", "2:quote:10-60"], ["1:claim:10-60"]]);
  });
});
