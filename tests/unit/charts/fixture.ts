// A small story, counted by hand: two outlets (one with a name that is markup), a document in
// no outlet and with no date, one linked claim, team ratings beside a published one.
import type { CompareDocument, CompareInput, CompareSpan } from "@/lib/compare";

export const SCRIPT_NAME = "Daily <script>alert(1)</script>";

const doc = (d: Partial<CompareDocument> & Pick<CompareDocument, "id" | "title">): CompareDocument => ({
  outletId: null,
  outletName: null,
  publishedAt: null,
  url: null,
  wordCount: 100,
  charCount: 500,
  layer: { kind: "gold" },
  ...d,
});

let nextId = 1;
const span = (s: Partial<CompareSpan> & Pick<CompareSpan, "documentId" | "kind" | "start" | "end">): CompareSpan => ({
  id: nextId++,
  annotatorId: null,
  exact: "x".repeat(s.end - s.start),
  ...s,
});

export function storyInput(): CompareInput {
  nextId = 1;
  const spans: CompareSpan[] = [
    // Document 1 (the script-named outlet, 200 words): 2 claims, 1 opinion, 2 quotes.
    span({ documentId: 1, kind: "claim", start: 0, end: 20, certainty: "certain", exact: "The ministers met." }),
    span({ documentId: 1, kind: "claim", start: 30, end: 40, certainty: "probable" }),
    span({ documentId: 1, kind: "opinion", start: 50, end: 60, holder: "author", sentiment: -1, bias: "lexical" }),
    span({ documentId: 1, kind: "quote", start: 100, end: 200, sourceId: 1, speakerType: "named_person", mode: "direct" }),
    span({ documentId: 1, kind: "quote", start: 300, end: 350, speakerText: "a diplomat", speakerType: "unnamed_person", mode: "indirect" }),
    // Document 2 (Wire Two, 100 words): 1 claim, 1 quote from the same source.
    span({ documentId: 2, kind: "claim", start: 10, end: 30, certainty: "certain", annotatorId: 7, exact: "Ministers met on Monday." }),
    span({ documentId: 2, kind: "quote", start: 200, end: 250, sourceId: 1, speakerType: "named_person", mode: "direct", annotatorId: 7 }),
    // Document 3 (no outlet, no date, 50 words, pooled over 2 reviewers): one reviewer's claim.
    span({ documentId: 3, kind: "claim", start: 0, end: 10, annotatorId: 5, exact: "They met." }),
  ];
  return {
    documents: [
      doc({ id: 1, title: "Ministers meet", outletId: 1, outletName: SCRIPT_NAME, publishedAt: "2024-03-01", wordCount: 200, charCount: 1000 }),
      doc({
        id: 2,
        title: "Talks in Baghdad",
        outletId: 2,
        outletName: "Wire Two",
        publishedAt: "2024-03-02",
        layer: { kind: "reviewer", reviewerId: 7, reviewerName: "Rita" },
      }),
      doc({ id: 3, title: "Undated note", wordCount: 50, charCount: 250, layer: { kind: "pooled", reviewers: 2 } }),
    ],
    spans,
    sources: [{ id: 1, name: "Ana Minister", kind: "person" }],
    segments: [{ documentId: 2, start: 0, end: 100, originalOutletId: 1, originalOutletName: SCRIPT_NAME }],
    ratings: [
      { outletId: 1, axis: "left_right", raterId: 5, value: -2 },
      { outletId: 1, axis: "left_right", raterId: 7, value: -4 },
      { outletId: 2, axis: "left_right", raterId: 5, value: 1 },
    ],
    published: [
      { outletId: 1, publisher: "AllSides", axis: "left_right", value: -3, label: "Left", retrievedAt: "2024-01-01", url: "https://example.org/a" },
      { outletId: 2, publisher: "AllSides", axis: "left_right", value: null, label: "Center", retrievedAt: "2024-01-01", url: "https://example.org/b" },
    ],
    axes: [
      { key: "left_right", label: "Left–right", min: -6, max: 6 },
      { key: "reliability", label: "Reliability", min: 0, max: 64 },
    ],
    groups: [{ id: 1, label: "The ministers met", spanIds: [1, 6, 8] }],
  };
}
