// Project agreement on small hand-computed cases; every number comes out of lib/agreement.
import { describe, expect, it } from "vitest";
import { unitizingAlpha } from "@/lib/agreement";
import {
  computeProjectAgreement,
  formatMeasure,
  mergeExtents,
  ratingsAgreement,
  unitizingStudy,
  type AgreementDocument,
  type MeasureValue,
} from "@/lib/review";
import { span } from "./helpers";

const value = (m: MeasureValue | undefined): number => {
  if (m === undefined || !m.ok) throw new Error(`expected a value, got ${JSON.stringify(m)}`);
  return m.value;
};

// AGREEMENT-VECTORS V9: reviewer 1 marks [1,9), reviewer 2 marks [2,3) [4,5) [6,7) → α_u −0.7003.
const v9: AgreementDocument = {
  id: 1,
  title: "V9",
  charCount: 10,
  reviewerIds: [1, 2],
  spans: [span(1, "claim", 1, 9), span(2, "claim", 2, 3), span(2, "claim", 4, 5), span(2, "claim", 6, 7)],
};
const second: AgreementDocument = {
  id: 2,
  title: "Second",
  charCount: 20,
  reviewerIds: [1, 2],
  spans: [span(1, "claim", 0, 5), span(2, "claim", 0, 5), span(1, "opinion", 10, 15)],
};

describe("project agreement", () => {
  const result = computeProjectAgreement([v9, second]);
  const row = (scope: string) => result.measures.find((m) => m.scope === scope)!;

  it("gives each document its unitizing alpha, partial F1 and percent agreement", () => {
    const [first] = result.documents;
    expect(value(first!.alphaU)).toBeCloseTo(-0.7003, 4);
    // P = (1+1+1)/3, R = (3 × 1/8)/1 → F1 = 2·0.375/1.375.
    expect(value(first!.partialF1)).toBeCloseTo(0.5454545, 6);
    expect(value(first!.percent)).toBe(0);
  });

  it("weights per-document alpha by document length", () => {
    const doc2 = unitizingAlpha(unitizingStudy(second)).overall;
    expect(doc2.ok).toBe(true);
    const expected = (-0.70028 * 10 + (doc2.ok ? doc2.value : 0) * 20) / 30;
    expect(value(row("overall").alphaU)).toBeCloseTo(expected, 4);
    expect(row("overall").alphaUDocuments).toBe(2);
  });

  it("pools span F1 over the documents both reviewers marked", () => {
    // Exact: 1 match; |S| = 3 + 1, |T| = 1 + 2 → P 1/4, R 1/3, F1 2/7.
    expect(value(row("overall").exactF1)).toBeCloseTo(2 / 7, 6);
    // Partial: P = (3 + 1)/4, R = (0.375 + 1)/3.
    const r = 1.375 / 3;
    expect(value(row("overall").partialF1)).toBeCloseTo((2 * r) / (1 + r), 6);
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ a: 1, b: 2, documents: 2 });
  });

  it("counts an unmarked span as a different answer in percent agreement", () => {
    expect(value(row("overall").percent)).toBeCloseTo(1 / 5, 6);
    expect(value(row("claim").percent)).toBeCloseTo(1 / 4, 6);
    expect(value(row("opinion").percent)).toBe(0);
  });

  it("says not enough data for a kind nobody marked, never NaN", () => {
    const quote = row("quote");
    for (const m of [quote.alphaU, quote.exactF1, quote.partialF1, quote.percent]) {
      expect(m.ok).toBe(false);
      expect(formatMeasure(m)).toBe("not enough data");
    }
    expect(row("overall").spans).toBe(7);
  });

  it("gives a document with one reviewer no measures", () => {
    const alone = computeProjectAgreement([{ id: 3, title: "Alone", charCount: 10, reviewerIds: [1], spans: [span(1, "claim", 0, 3)] }]);
    expect(alone.documents[0]!.alphaU.ok).toBe(false);
    expect(alone.measures.every((m) => !m.alphaU.ok && !m.partialF1.ok && !m.percent.ok)).toBe(true);
  });
});

describe("agreement on quote attributes over matched quotes", () => {
  const doc: AgreementDocument = {
    id: 4,
    title: "Quotes",
    charCount: 40,
    reviewerIds: [1, 2],
    spans: [
      span(1, "quote", 0, 10, { source_id: 1, speaker_type: "named_person", mode: "direct" }),
      span(2, "quote", 0, 10, { source_id: 1, speaker_type: "named_person", mode: "indirect" }),
      span(1, "quote", 20, 30, { speaker_type: "unnamed_person", mode: "direct" }),
      span(2, "quote", 22, 30, { speaker_type: "unnamed_person", mode: "direct" }),
      span(2, "quote", 32, 38, { speaker_type: "unknown", mode: "direct" }),
    ],
  };
  const attributes = computeProjectAgreement([doc]).attributes;
  const of = (name: string) => attributes.find((a) => a.attribute === name)!;

  it("computes nominal alpha and percent agreement per attribute", () => {
    expect(value(of("speaker_type").alpha)).toBe(1);
    expect(value(of("speaker_type").percent)).toBe(1);
    // mode: (direct, indirect), (direct, direct): Do = 2/4, De = 2·3·1/(4·3) → α = 0.
    expect(value(of("mode").alpha)).toBeCloseTo(0, 10);
    expect(value(of("mode").percent)).toBe(0.5);
    expect(of("mode").units).toBe(2);
  });

  it("says not enough data when every matched quote has the same speaker", () => {
    expect(of("source_id").alpha.ok).toBe(false);
  });
});

describe("agreement on outlet ratings", () => {
  it("computes interval alpha per axis with outlets as units and raters as coders", () => {
    const ratings = [
      { outletId: 1, axis: "left_right", raterId: 1, value: -2 },
      { outletId: 1, axis: "left_right", raterId: 2, value: -1 },
      { outletId: 2, axis: "left_right", raterId: 1, value: 3 },
      { outletId: 2, axis: "left_right", raterId: 2, value: 3 },
      { outletId: 1, axis: "stance", raterId: 1, value: 1 },
    ];
    const [leftRight, stance, all] = ratingsAgreement(ratings, ["left_right", "stance"]);
    // Do = 2·1/4, De = 2·(1 + 25·2 + 16·2)/12 → α = 1 − 0.5/13.8333.
    expect(value(leftRight!.alpha)).toBeCloseTo(1 - 0.5 / (166 / 12), 6);
    expect(leftRight!.units).toBe(2);
    expect(stance!.alpha.ok).toBe(false);
    expect(all!.axis).toBeNull();
  });
});

describe("unitizing input", () => {
  it("merges a reviewer's overlapping spans of one kind, keeps touching ones apart", () => {
    expect(
      mergeExtents([
        [0, 10],
        [5, 20],
        [20, 25],
      ]),
    ).toEqual([
      [0, 20],
      [20, 25],
    ]);
    const study = unitizingStudy({
      id: 1,
      title: "",
      charCount: 30,
      reviewerIds: [7, 8],
      spans: [span(7, "quote", 0, 20), span(7, "quote", 5, 10), span(8, "claim", 5, 10)],
    });
    expect(study.raters).toBe(2);
    expect(study.units).toEqual([
      { rater: 0, label: "quote", offset: 0, length: 20 },
      { rater: 1, label: "claim", offset: 5, length: 5 },
    ]);
  });
});
