// The compact span list rebuilds exactly what the API sends, from the text and the offsets.
import { describe, expect, it } from "vitest";
import { textQuoteSelector } from "../../../lib/text/selector";
import { compactSpans, expandSpans } from "../../../lib/workspace/compact-spans";
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
    const spans = [span(1, 0, 9), span(2, 15, 40, { kind: "claim", layer: "gold", parentId: 1 }), span(3, 50, 70, { kind: "opinion", note: "" })];
    expect(expandSpans(text, compactSpans(9, spans))).toEqual(spans);
  });

  it("is smaller than the full objects as JSON", () => {
    const spans = Array.from({ length: 50 }, (_, i) => span(i + 1, i, i + 30));
    expect(JSON.stringify(compactSpans(9, spans)).length).toBeLessThan(JSON.stringify(spans).length / 2);
  });
});
