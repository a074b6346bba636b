import { describe, expect, it } from "vitest";
import { classifyGroup, consensusReviewers, differenceLabel, matchSpans, reviewDocument, stripMarks } from "@/lib/review";
import { span } from "./helpers";

const classify = (spans: Parameters<typeof matchSpans>[0], reviewers = [1, 2]) =>
  matchSpans(spans, { crossKind: true }).map((g) => classifyGroup(g, reviewers));

describe("classifying differences", () => {
  it("says agree when every reviewer marked the same kind, offsets and attributes", () => {
    const [d] = classify([span(1, "quote", 0, 9, { mode: "direct", cue: "said" }), span(2, "quote", 0, 9, { mode: "direct", cue: "told" })]);
    expect(d!.classes).toEqual(["agree"]);
    expect(differenceLabel(d!)).toBe("Agree");
  });

  it("says only one reviewer marked it, and who is missing", () => {
    const [d] = classify([span(1, "claim", 0, 9)]);
    expect(d!.primary).toBe("only_some");
    expect(d!.missing).toEqual([2]);
    expect(differenceLabel(d!)).toBe("Only one reviewer marked it");
  });

  it("counts how many of three reviewers marked it", () => {
    const [d] = classify([span(1, "claim", 0, 9), span(2, "claim", 0, 9)], [1, 2, 3]);
    expect(differenceLabel(d!)).toBe("Only 2 of 3 reviewers marked it");
  });

  it("says different kind for the same text tagged as claim and opinion", () => {
    const [d] = classify([span(1, "claim", 0, 9), span(2, "opinion", 0, 9)]);
    expect(d!.classes).toEqual(["different_kind"]);
  });

  it("says different boundaries for overlapping spans of one kind, and both when kind differs too", () => {
    expect(classify([span(1, "claim", 0, 9), span(2, "claim", 2, 9)])[0]!.classes).toEqual(["different_boundaries"]);
    expect(classify([span(1, "claim", 0, 9), span(2, "opinion", 1, 9)])[0]!.classes).toEqual(["different_kind", "different_boundaries"]);
  });

  it("says attribute differs and names the quote attributes that differ, ignoring free text", () => {
    const [d] = classify([
      span(1, "quote", 0, 9, { source_id: 4, speaker_type: "named_person", mode: "direct", speaker_text: "the mayor" }),
      span(2, "quote", 0, 9, { source_id: 5, speaker_type: "named_person", speaker_text: "Mayor Brandt" }),
    ]);
    expect(d!.classes).toEqual(["attribute_differs"]);
    expect(d!.attributes).toEqual(["source_id", "mode"]);
  });

  it("with a single reviewer, nothing is agreement", () => {
    expect(classify([span(1, "claim", 0, 9)], [1])[0]!.primary).toBe("only_some");
  });
});

describe("reviewing a document", () => {
  const reviewers = [1, 2];
  const spans = [
    span(1, "quote", 0, 40),
    span(2, "quote", 0, 40), // agree
    span(1, "claim", 5, 15),
    span(2, "claim", 5, 18), // nested, different boundaries
    span(1, "opinion", 50, 60), // only one
    span(1, "claim", 70, 80),
    span(2, "opinion", 70, 80), // different kind
  ];

  it("classifies every group and counts them by their main class", () => {
    const review = reviewDocument({ spans, reviewerIds: reviewers, consensusIds: reviewers });
    expect(review.differences.map((d) => d.primary)).toEqual(["agree", "different_boundaries", "only_some", "different_kind"]);
    expect(review.counts).toEqual({ only_some: 1, different_kind: 1, different_boundaries: 1, attribute_differs: 0, agree: 1 });
    expect([...review.unanimous]).toEqual([review.differences[0]!.key]);
  });

  it("takes unanimity from the reviewers who are done when two or more are", () => {
    const three = [...spans, span(3, "claim", 90, 95)];
    expect(
      consensusReviewers([
        { id: 1, done: true },
        { id: 2, done: true },
        { id: 3, done: false },
      ]),
    ).toEqual([1, 2]);
    expect(
      consensusReviewers([
        { id: 1, done: true },
        { id: 3, done: false },
      ]),
    ).toEqual([1, 3]);
    const review = reviewDocument({ spans: three, reviewerIds: [1, 2, 3], consensusIds: [1, 2] });
    // Reviewer 3 is not done and did not mark the quote: it is still unanimous among the done.
    expect(review.differences[0]!.primary).toBe("only_some");
    expect(review.unanimous.has(review.differences[0]!.key)).toBe(true);
    expect(reviewDocument({ spans: three, reviewerIds: [1, 2, 3], consensusIds: [1, 2, 3] }).unanimous.size).toBe(0);
  });

  it("puts a strip mark for each difference at its position in the text", () => {
    const review = reviewDocument({ spans, reviewerIds: reviewers, consensusIds: reviewers });
    const marks = stripMarks(review.differences, 100);
    expect(marks.map((m) => [m.top, m.height, m.primary])).toEqual([
      [0.05, 0.13, "different_boundaries"],
      [0.5, 0.1, "only_some"],
      [0.7, 0.1, "different_kind"],
    ]);
  });

  it("ignores spans of reviewers who are not compared", () => {
    const review = reviewDocument({ spans: [span(1, "claim", 0, 5), span(9, "claim", 0, 5)], reviewerIds: [1, 2], consensusIds: [1, 2] });
    expect(review.differences).toHaveLength(1);
    expect(review.differences[0]!.spans.map((s) => s.reviewerId)).toEqual([1]);
  });
});
