// The compact span list rebuilds exactly what the API sends, from the text and the offsets.
import { describe, expect, it } from "vitest";
import { textQuoteSelector } from "../../../lib/text/selector";
import { compactSpans, expandSpans } from "../../../lib/workspace/compact-spans";
import { plainSpan } from "../../../lib/workspace/loaded-span";
import type { AnnotationDto } from "../../../lib/validation/annotations";

const text = "Officials said 👍🏽 the levy “قال الوزير” would pass.\n\nCritics disagreed strongly with the plan and its timing.";

function span(id: number, start: number, end: number, extra: Partial<AnnotationDto> = {}): AnnotationDto {
  return {
    id,
    documentId: 9,
    annotatorId: id % 2 === 0 ? 2 : 3,
    annotatorName: id % 2 === 0 ? "Ana" : "Bo",
    layer: "annotator",
    kind: "quote",
    start,
    end,
    ...textQuoteSelector(text, start, end),
    attributes: { speaker_text: "Officials", mode: "direct" },
    note: "a note",
    parentId: null,
    version: 3,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-02T00:00:00.000Z",
    deletedAt: null,
    ...extra,
  };
}

describe("compact spans", () => {
  it("expands to the same objects the API sends", () => {
    const spans = [
      span(1, 0, 9),
      span(2, 15, 40, { kind: "claim", layer: "gold", parentId: 1 }),
      span(3, 50, 70, { kind: "opinion", note: "", attributes: {} }),
      span(4, 71, 90, { createdAt: "2026-01-03T00:00:00.123Z", updatedAt: "2026-01-03T00:00:00.123Z", deletedAt: "2026-01-04T10:00:00.000Z" }),
      // A time that is not in the form toISOString writes is kept as it came.
      span(5, 91, 100, { updatedAt: "2026-01-05 10:00:00" }),
    ];
    const expanded = expandSpans(text, compactSpans(9, spans));
    expect(expanded.map(plainSpan)).toEqual(spans);
    // Each field reads the same as a plain copy's (what the workspace's reducer makes on an edit).
    for (const [i, s] of expanded.entries()) for (const field of Object.keys(spans[i]!) as (keyof AnnotationDto)[]) expect(s[field]).toEqual(spans[i]![field]);
  });

  it("sends times as numbers, and what most spans share only for the spans that differ", () => {
    const compact = compactSpans(9, [
      span(1, 0, 9, { version: 1, note: "", attributes: {}, updatedAt: "2026-01-01T00:00:00.000Z" }),
      span(2, 10, 20, { version: 1, note: "", attributes: {}, createdAt: "2026-01-01T00:00:01.500Z", updatedAt: "2026-01-01T00:00:01.500Z" }),
      span(3, 21, 30, { version: 4, layer: "gold", parentId: 1, deletedAt: "2026-01-03T00:00:00.000Z" }),
    ]);
    expect(compact.timeBase).toBe(Date.parse("2026-01-01T00:00:00.000Z"));
    expect(compact.createdAt).toEqual([0, 1500, 0]);
    expect(compact.versions).toEqual({ 2: 4 });
    expect(compact.gold).toEqual({ 2: 1 });
    expect(compact.parentIds).toEqual({ 2: 1 });
    expect(compact.notes).toEqual({ 2: "a note" });
    expect(compact.attributes).toEqual({ 2: { speaker_text: "Officials", mode: "direct" } });
    expect(compact.updatedAt).toEqual({ 2: 86_400_000 });
    expect(compact.deletedAt).toEqual({ 2: 2 * 86_400_000 });
  });

  it("gives the spans without attributes one shared object that cannot be changed", () => {
    const [a, b] = expandSpans(text, compactSpans(9, [span(1, 0, 9, { attributes: {} }), span(2, 10, 20, { attributes: {} })]));
    expect(a!.attributes).toBe(b!.attributes);
    expect(Object.isFrozen(a!.attributes)).toBe(true);
  });

  it("is smaller than the full objects as JSON", () => {
    const spans = Array.from({ length: 50 }, (_, i) => span(i + 1, i, i + 30));
    expect(JSON.stringify(compactSpans(9, spans)).length).toBeLessThan(JSON.stringify(spans).length / 2);
  });
});
