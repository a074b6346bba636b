import { describe, expect, it } from "vitest";
import { compare } from "@/lib/compare";
import type { CompareDocument, CompareInput, CompareSpan } from "@/lib/compare/types";
import { fixture } from "./fixture";

// Taken before any comparison runs in this file, so a sort in place would show.
const pristine = structuredClone(fixture());

function only(docs: CompareDocument[], spans: CompareSpan[] = [], more: Partial<CompareInput> = {}): CompareInput {
  return { documents: docs, spans, sources: [], segments: [], ratings: [], published: [], axes: [], groups: [], ...more };
}

const base: CompareDocument = {
  id: 1,
  title: "Only one",
  outletId: 5,
  outletName: "Solo",
  publishedAt: "2024-05-01",
  url: null,
  wordCount: 100,
  charCount: 500,
  layer: { kind: "gold" },
};
const q = (id: number, annotatorId: number | null, start: number, end: number): CompareSpan => ({
  id,
  documentId: 1,
  annotatorId,
  kind: "quote",
  start,
  end,
  exact: "x",
  speakerType: "named_person",
  mode: "direct",
});

describe("edge cases", () => {
  it("leaves its input unchanged (documents and segments given out of order stay so)", () => {
    const input = fixture();
    compare(input);
    expect(input).toEqual(pristine);
  });

  it("compares a story of one document: one outlet whose figures and the total are the document's", () => {
    const c = compare(only([base], [q(1, null, 0, 50)]));
    expect(c.outlets).toHaveLength(1);
    expect(c.outlets[0]!.documents).toHaveLength(1);
    expect(c.total).toEqual(c.outlets[0]!.figures);
    expect(c.total.per1000.quote).toBe(10);
    expect(c.total.voice).toEqual({ quotedChars: 50, ownChars: 450, quotedShare: 0.1 });
  });

  it("shows an empty story as no outlets and zero totals", () => {
    const c = compare(only([]));
    expect(c.outlets).toEqual([]);
    expect(c.speakers).toEqual([]);
    expect(c.total.documents).toBe(0);
    expect(c.total.per1000.claim).toBeNull();
    expect(c.total.voice.quotedShare).toBeNull();
  });

  it("gives zeros for a pooled document with no spans", () => {
    const c = compare(only([{ ...base, layer: { kind: "pooled", reviewers: 2 } }]));
    expect(c.total.counts).toEqual({ claim: 0, opinion: 0, quote: 0 });
    expect(c.total.voice.quotedChars).toBe(0);
    expect(c.total.per1000.quote).toBe(0);
  });

  it("divides a pooled document by the layer's reviewers when one of them marked nothing", () => {
    // Reviewer 1 marked 3 quotes of 10 characters, reviewers 2 and 3 nothing: mean 1 quote, 10 characters.
    const spans = [q(1, 1, 0, 10), q(2, 1, 20, 30), q(3, 1, 40, 50)];
    const c = compare(only([{ ...base, layer: { kind: "pooled", reviewers: 3 } }], spans));
    expect(c.total.counts.quote).toBe(1);
    expect(c.total.voice.quotedChars).toBe(10);
    // The matrix still opens all three real quotes.
    expect(c.speakers[0]!.cells[0]!.spanIds).toEqual([1, 2, 3]);
  });

  it("averages over the reviewers with spans when the layer counts fewer", () => {
    const spans = [q(1, 1, 0, 10), q(2, 2, 0, 30), q(3, 2, 40, 50)];
    const c = compare(only([{ ...base, layer: { kind: "pooled", reviewers: 1 } }], spans));
    // Reviewer 1: 1 quote, 10 characters; reviewer 2: 2 quotes, 30 + 10 = 40 characters. Mean 1.5 and 25.
    expect(c.total.counts.quote).toBe(1.5);
    expect(c.total.voice.quotedChars).toBe(25);
  });

  it("counts characters covered by nested segments once (the server refuses them; old data may hold them)", () => {
    const segments = [
      { documentId: 1, start: 0, end: 100, originalOutletId: 7, originalOutletName: "Wire" },
      { documentId: 1, start: 20, end: 40, originalOutletId: 7, originalOutletName: "Wire" },
    ];
    const c = compare(only([base], [], { segments }));
    expect(c.total.republished).toEqual({ chars: 100, share: 0.2, from: [{ outletId: 7, outletName: "Wire", chars: 100, share: 0.2 }] });
  });

  it("keeps a segment without an original outlet as its own group", () => {
    const segments = [{ documentId: 1, start: 0, end: 50, originalOutletId: null, originalOutletName: null }];
    const c = compare(only([base], [], { segments }));
    expect(c.total.republished.from).toEqual([{ outletId: null, outletName: null, chars: 50, share: 0.1 }]);
  });

  it("ignores spans of documents not in the comparison", () => {
    const stray = { ...q(9, null, 0, 10), documentId: 99 };
    const c = compare(only([base], [stray]));
    expect(c.total.counts.quote).toBe(0);
    expect(c.speakers).toEqual([]);
  });

  it("treats a speaker text of spaces as no speaker, and merges speaker texts differing in case and spacing", () => {
    const spans = [
      { ...q(1, null, 0, 5), speakerText: "   " },
      { ...q(2, null, 5, 10), speakerText: "The Mayor" },
      { ...q(3, null, 10, 15), speakerText: " the mayor" },
    ];
    const c = compare(only([base], spans));
    expect(c.total.sourcing.topSpeakers).toEqual([{ key: "text:the mayor", name: "The Mayor", count: 2 }]);
    expect(c.speakers.map((r) => [r.key, r.total])).toEqual([
      ["text:the mayor", 2],
      ["unattributed", 1],
    ]);
  });

  it("keeps only the five most quoted speakers, ties by name", () => {
    const names = ["Eve", "Dan", "Cat", "Bob", "Ann", "Fay"];
    const spans = names.map((name, i) => ({ ...q(i + 1, null, i, i + 1), speakerText: name }));
    spans.push({ ...q(10, null, 20, 21), speakerText: "Fay" });
    const c = compare(only([base], spans));
    expect(c.total.sourcing.topSpeakers.map((s) => [s.name, s.count])).toEqual([
      ["Fay", 2],
      ["Ann", 1],
      ["Bob", 1],
      ["Cat", 1],
      ["Dan", 1],
    ]);
  });
});
