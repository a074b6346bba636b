import { describe, expect, it } from "vitest";
import { compared } from "./helpers";

describe("claim timelines", () => {
  const [g1, g2, g3] = compared().timelines;

  it("orders a claim's outlets by publication date, ties by outlet name, undated last, and skips spans not shown", () => {
    expect(g1!.entries.map((e) => [e.spanId, e.documentId, e.outletName, e.publishedAt])).toEqual([
      [401, 4, "Gamma Post", "2024-02-28"],
      [101, 1, "Alpha Times", "2024-03-01"],
      [201, 2, "Beta News", "2024-03-01"],
      [501, 5, null, null],
    ]);
    expect(g1!.firstDocumentId).toBe(4);
    expect(g1!.outlets).toBe(4);
    expect(g1!.label).toBe("Stock ran out");
    expect(g1!.groupId).toBe(1);
  });

  it("says as what each outlet carried the claim, how hedged, and where it was re-published from", () => {
    expect(g1!.entries.map((e) => [e.as, e.certainty, e.speakerName, e.republishedFrom])).toEqual([
      ["claim", "certain", null, { outletId: 10, outletName: "Alpha Times" }],
      ["claim", "certain", null, null],
      ["claim", null, null, null],
      ["claim", "underspecified", null, null],
    ]);
    expect(g1!.entries[0]).toMatchObject({ exact: "span 401", outletId: 30 });
  });

  it("names quoted speakers from the registry or the speaker text, and orders one document's entries by position", () => {
    expect(g2!.entries.map((e) => [e.spanId, e.as, e.speakerName, e.republishedFrom?.outletName ?? null])).toEqual([
      [402, "quote", "Ministry of Health", "Delta Wire"],
      [203, "quote", "Ministry of Health", null],
      [314, "quote", "Spokesperson", null],
      [303, "opinion", null, null],
    ]);
    expect(g2!.firstDocumentId).toBe(4);
    expect(g2!.outlets).toBe(2);
  });

  it("has no first document when no entry is dated, and counts the no-outlet group as one outlet", () => {
    expect(g3!.entries.map((e) => e.spanId)).toEqual([502]);
    expect(g3!.firstDocumentId).toBeNull();
    expect(g3!.outlets).toBe(1);
  });
});

describe("a claim marked the same way by two pooled reviewers", () => {
  it("is one appearance, marked by two; a different span of the same document stays its own entry", async () => {
    const { fixture } = await import("./fixture");
    const { compare } = await import("@/lib/compare");
    const input = fixture();
    const original = input.spans.find((s) => s.id === 401)!;
    // A second reviewer's copy of span 401 (same words, same kind), and a wider span of the same document.
    input.spans.push({ ...original, id: 9401, annotatorId: 999 }, { ...original, id: 9402, annotatorId: 998, end: original.end + 1 });
    input.groups = input.groups.map((g) => (g.spanIds.includes(401) ? { ...g, spanIds: [...g.spanIds, 9401, 9402] } : g));
    const timeline = compare(input).timelines.find((t) => t.entries.some((e) => e.spanId === 401))!;
    const fromDocument = timeline.entries.filter((e) => e.documentId === original.documentId);
    expect(fromDocument.map((e) => [e.spanId, e.markedBy ?? 1])).toEqual([
      [401, 2],
      [9402, 1],
    ]);
  });
});
