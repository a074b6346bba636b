import { describe, expect, it } from "vitest";
import { exactSpanF1, partialSpanF1 } from "../../../lib/agreement";
import { expectRounded } from "./helpers";

describe("V10: span F1 with SemEval-2020 Task 11 partial credit", () => {
  const gold = [
    { begin: 0, end: 10 },
    { begin: 20, end: 30 },
  ];
  const predicted = [{ begin: 5, end: 15 }];

  it("partial-credit precision is 0.5", () => {
    expectRounded(partialSpanF1(gold, predicted).precision, 0.5, 1);
  });

  it("partial-credit recall is 0.25", () => {
    expectRounded(partialSpanF1(gold, predicted).recall, 0.25, 2);
  });

  it("partial-credit F1 is 0.3333", () => {
    expectRounded(partialSpanF1(gold, predicted).value, 0.3333, 4);
  });

  it("exact-match F1 is 0", () => {
    expectRounded(exactSpanF1(gold, predicted).value, 0, 1);
  });

  it("no gold and no prediction gives F1 = 1.0, for partial and exact match", () => {
    expectRounded(partialSpanF1([], []).value, 1, 1);
    expectRounded(exactSpanF1([], []).value, 1, 1);
  });
});

describe("span F1 beyond the vectors", () => {
  it("a prediction collects overlap from every gold span of its label", () => {
    // [0,30) overlaps [0,10) and [20,30): P = (10 + 10)/30 = 2/3; R = (1 + 1)/2 = 1.
    const result = partialSpanF1(
      [
        { begin: 0, end: 10 },
        { begin: 20, end: 30 },
      ],
      [{ begin: 0, end: 30 }],
    );
    expectRounded(result.precision, 0.666667, 6);
    expect(result.recall).toBe(1);
  });

  it("only spans with equal labels earn credit", () => {
    const result = partialSpanF1([{ begin: 0, end: 10, label: "quote" }], [{ begin: 0, end: 10, label: "cue" }]);
    expect(result).toMatchObject({ precision: 0, recall: 0, value: 0 });
  });

  it("merges overlapping spans of one label on one side before scoring, so P and R stay ≤ 1", () => {
    const gold = [
      { begin: 0, end: 10 },
      { begin: 5, end: 15 },
    ];
    const result = partialSpanF1(gold, [{ begin: 0, end: 15 }]);
    expect(result).toMatchObject({ precision: 1, recall: 1, value: 1, gold: 1, predicted: 1 });
  });

  it("keeps touching spans apart (they share no position)", () => {
    const result = partialSpanF1(
      [
        { begin: 0, end: 5 },
        { begin: 5, end: 10 },
      ],
      [{ begin: 0, end: 10 }],
    );
    expect(result.gold).toBe(2);
    expect(result.recall).toBe(1);
    expectRounded(result.precision, 1, 6);
  });

  it("gives F1 = 0 with P = 0 when nothing was predicted but gold exists", () => {
    expect(partialSpanF1([{ begin: 0, end: 1 }], [])).toMatchObject({ precision: 0, recall: 0, value: 0 });
  });

  it("exact match needs equal begin, end and label, and uses each gold span once", () => {
    const gold = [
      { begin: 0, end: 4, label: "a" },
      { begin: 6, end: 9, label: "a" },
    ];
    const predicted = [
      { begin: 0, end: 4, label: "a" },
      { begin: 0, end: 4, label: "a" },
      { begin: 6, end: 9, label: "b" },
    ];
    const result = exactSpanF1(gold, predicted);
    expectRounded(result.precision, 0.333333, 6);
    expectRounded(result.recall, 0.5, 6);
    expectRounded(result.value, 0.4, 6);
  });
});

describe("span F1 input validation", () => {
  it.each([
    ["an empty span", { begin: 3, end: 3 }],
    ["a reversed span", { begin: 5, end: 2 }],
    ["a negative begin", { begin: -1, end: 2 }],
    ["fractional offsets", { begin: 0.5, end: 2 }],
  ])("throws a clear Error on %s", (_what, span) => {
    expect(() => partialSpanF1([span], [])).toThrow(/0 ≤ begin < end/);
    expect(() => exactSpanF1([], [span])).toThrow(/predicted span 0/);
  });
});
