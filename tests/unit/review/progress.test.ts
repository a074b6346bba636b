// One count for every page: differences to decide (groups of matched spans), never spans, and
// "Gold" only once a decision settled the last of them.
import { describe, expect, it } from "vitest";
import { isGold, progressSummary, reviewGroups, reviewProgress, type ReviewProgressInput } from "@/lib/review";
import { span } from "./helpers";

const none = new Set<number>();
const input = (over: Partial<ReviewProgressInput>): ReviewProgressInput => ({
  groups: [],
  covered: none,
  reviewers: 2,
  doneReviewers: 2,
  decisions: 0,
  ...over,
});

describe("review progress", () => {
  it("counts two reviewers' matching spans as one difference, not two spans", () => {
    const spans = [
      span(1, "claim", 0, 10),
      span(2, "claim", 0, 10),
      span(1, "quote", 20, 40),
      span(2, "opinion", 20, 40),
      span(1, "claim", 50, 60),
      span(2, "claim", 52, 60),
    ];
    const progress = reviewProgress(input({ groups: reviewGroups(spans) }));
    expect(progress).toMatchObject({ state: "open", differences: 3, undecided: 3, gold: false });
    expect(progressSummary(progress)).toBe("3 of 3 still to decide");
  });

  it("counts a difference as decided only when a decision covers every span in it", () => {
    const [a, b, c] = [span(1, "claim", 0, 10), span(2, "claim", 0, 10), span(1, "claim", 20, 30)];
    const groups = reviewGroups([a!, b!, c!]);
    expect(reviewProgress(input({ groups, covered: new Set([a!.id]), decisions: 1 }))).toMatchObject({ differences: 2, undecided: 2, gold: false });
    const half = reviewProgress(input({ groups, covered: new Set([a!.id, b!.id]), decisions: 1 }));
    expect(progressSummary(half)).toBe("1 of 2 still to decide");
    const all = reviewProgress(input({ groups, covered: new Set([a!.id, b!.id, c!.id]), decisions: 2 }));
    expect(all).toMatchObject({ state: "settled", undecided: 0, gold: true });
    expect(progressSummary(all)).toBe("Gold: every difference is decided");
  });

  it("says there is nothing to compare when the only reviewer marked the document done with no spans, and it is not gold", () => {
    const progress = reviewProgress(input({ reviewers: 1, doneReviewers: 1 }));
    expect(progress).toMatchObject({ state: "nothing_to_compare", differences: 0, gold: false });
    expect(progressSummary(progress)).toBe("Nothing to compare: one layer, empty");
    expect(progressSummary(reviewProgress(input({})))).toBe("Nothing to compare: two layers, all empty");
  });

  it("is gold on empty layers only once an adjudicator decided something (added a gold span)", () => {
    const progress = reviewProgress(input({ reviewers: 1, doneReviewers: 1, decisions: 1 }));
    expect(progress).toMatchObject({ state: "settled", gold: true });
  });

  it("says a document nobody started is not annotated, never gold", () => {
    const progress = reviewProgress(input({ reviewers: 0, doneReviewers: 0 }));
    expect(progress).toMatchObject({ state: "not_annotated", gold: false });
    expect(progressSummary(progress)).toBe("Not annotated yet");
  });
});

describe("the gold rule on counts (as the export reads them)", () => {
  it("needs a reviewer, nothing undecided and at least one decision", () => {
    expect(isGold({ undecided: 0, reviewers: 2, doneReviewers: 1, decisions: 1 })).toBe(true);
    expect(isGold({ undecided: 1, reviewers: 2, doneReviewers: 2, decisions: 1 })).toBe(false);
    // Everyone done with nothing marked: nothing was compared or decided.
    expect(isGold({ undecided: 0, reviewers: 2, doneReviewers: 2, decisions: 0 })).toBe(false);
    expect(isGold({ undecided: 0, reviewers: 1, doneReviewers: 1, decisions: 0 })).toBe(false);
    expect(isGold({ undecided: 0, reviewers: 0, doneReviewers: 0, decisions: 0 })).toBe(false);
  });
});
