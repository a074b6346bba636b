// Measured quality on the hand-labelled fixture: the figures are computed from the suggester's
// output on every run, printed, and held to the floors.
import { describe, expect, it } from "vitest";
import { suggest } from "@/lib/suggest";
import { ARTICLES, HELD_OUT } from "@/tests/fixtures/suggest/articles";
import { labelSpan, measureQuality, naiveBaseline, qualityRows } from "@/tests/fixtures/suggest/score";

describe("suggester quality on the hand-labelled fixture", () => {
  it("has at least eight labelled texts whose labels all point into their text", () => {
    expect(ARTICLES.length).toBeGreaterThanOrEqual(8);
    for (const article of [...ARTICLES, ...HELD_OUT]) for (const label of article.labels) expect(() => labelSpan(article.text, label)).not.toThrow();
  });

  it("beats the floors: direct F1 ≥ 0.95, all attributions recall ≥ 0.7 at precision ≥ 0.85, speaker ≥ 0.85", () => {
    const q = measureQuality(suggest, [...ARTICLES, ...HELD_OUT]);
    console.log(["measure | precision | recall | F1 | counts", ...qualityRows(q).map((r) => r.join(" | "))].join("\n"));
    if (q.misses.length > 0) console.log(`misses:\n${q.misses.join("\n")}`);
    expect(q.directExact.f1).toBeGreaterThanOrEqual(0.95);
    expect(q.allOverlap.recall).toBeGreaterThanOrEqual(0.7);
    expect(q.allOverlap.precision).toBeGreaterThanOrEqual(0.85);
    expect(q.speakerAccuracy).toBeGreaterThanOrEqual(0.85);
    // The suggester must do better than the naive rule on the same texts.
    expect(q.directExact.f1).toBeGreaterThan(q.baselineExact.f1);
  });

  it("scores the naive baseline as the issue defines it (quoted spans of more than three words)", () => {
    const text = "He called it “a mess” and said “this is far too long to ignore now.”";
    expect(naiveBaseline(text)).toHaveLength(1);
  });
});
