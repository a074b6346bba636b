// A small story counted by hand. Every expected number in the tests comes from the tables in
// this comment, worked out on paper from the spans below — not from the code under test.
//
// Outlets: 10 Alpha Times, 20 Beta News, 30 Gamma Post; 40 Delta Wire only as an original
// publisher. Sources: 1 Jane Doe (person), 2 Ministry of Health (government),
// 3 Anonymous official (anonymous).
//
// Documents (words / chars / date / layer):
//   D1 Alpha report   Alpha  200 / 1000  2024-03-01  gold
//   D2 Beta story     Beta   100 /  600  2024-03-01  reviewer 7 Rita
//   D3 Beta follow-up Beta    50 /  300  2024-03-03  pooled, 2 reviewers (7 and 9)
//   D4 Gamma repost   Gamma   80 /  400  2024-02-28  gold; segments [0,100) Alpha, [100,160) Delta (adjacent)
//   D5 Leaflet        —       40 /  200  undated     reviewer 8 Sam   (no outlet, no date)
//   D6 Empty page     Gamma    0 /    0  undated     none             (zero words)
//
// Per document, by hand:
//   D1: claims 2 (certain, probable), opinions 1 (author, −1, lexical), quotes 4:
//       104 [200,300) Jane named_person direct; 105 [250,350) Jane named_person indirect (overlaps 104);
//       106 [400,420) " Former Diplomat " unnamed_person direct; 107 [410,415) source 3 (anonymous), no type, no mode.
//       quoted = |[200,350)| + |[400,420)| = 150 + 20 = 170; own 830; share 0.17.
//       per 1,000: claims 10, opinions 5, quotes 20.
//       types: named_person 2, unnamed_person 1, unset 1. named 2, unnamed 2 (106 + 107 via registry); named share 0.5.
//       top: Jane Doe 2, Anonymous official 1, Former Diplomat 1.
//   D2: claims 1 (unset), opinions 1 (quoted, 2, none), quotes 3:
//       203 [100,160) source 2, no type (government ⇒ named), indirect; 204 [200,230) "former diplomat"
//       unnamed_person direct; 205 [300,330) no speaker, unknown, mixed.
//       quoted 60+30+30 = 120; own 480; share 0.2. per 1,000: 10, 10, 30.
//       types: unset 1, unnamed_person 1, unknown 1. named 1, unnamed 1; share 0.5.
//       top: former diplomat 1, Ministry of Health 1.
//   D3 pooled. Reviewer 7: claim 301 (possible), quote 302 [30,90) Jane named_person direct,
//       opinion 303 (author, 0, informational) → quoted 60.
//       Reviewer 9: claims 311 (possible), 312 (certain); quotes 313 [30,60) Jane named_person indirect,
//       314 [40,100) "Spokesperson" unnamed_person direct → quoted |[30,100)| = 70.
//       Mean: claims 1.5, opinions 0.5, quotes 1.5; quoted 65; own 235; share 65/300 = 0.216666…
//       per 1,000: claims 30, opinions 10, quotes 30. types: named_person 1, unnamed_person 0.5.
//       named 1, unnamed 0.5; share 1/1.5 = 0.666…; top: Jane Doe 1, Spokesperson 0.5.
//       holder author 0.5; sentiment "0" 0.5; bias informational 0.5; certainty possible 1, certain 0.5.
//   D4: claim 401 [10,50) certain; quote 402 [120,150) Ministry named_org direct.
//       quoted 30; own 370; share 0.075. per 1,000: claims 12.5, opinions 0, quotes 12.5.
//       named 1, share 1. re-published 100+60 = 160, share 0.4: Alpha 100 (0.25), Delta 60 (0.15).
//   D5: claim 501 [0,30) underspecified; quote 502 [40,80) Jane named_person direct.
//       quoted 40, own 160, share 0.2. per 1,000: claims 25, opinions 0, quotes 25. named 1, share 1.
//   D6: nothing. per 1,000 null, quoted share null, named share null, re-published share null.
//
// Outlets (order: Alpha, Beta, Gamma, No outlet):
//   Alpha = D1.
//   Beta = D2 + D3: documents 2, words 150, chars 900. claims 2.5, opinions 1.5, quotes 4.5.
//       per 1,000: claims 2.5/150×1000 = 16.666…, opinions 10, quotes 30.
//       quoted 185, own 715, share 185/900 = 0.205555…
//       types: named_person 1, unnamed_person 1.5, unknown 1, unset 1. named 2, unnamed 1.5, share 2/3.5 = 0.571428…
//       top: former diplomat 1, Jane Doe 1, Ministry of Health 1, Spokesperson 0.5.
//       holder quoted 1, author 0.5; sentiment "2" 1, "0" 0.5; bias none 1, informational 0.5;
//       certainty unset 1, possible 1, certain 0.5.
//   Gamma = D4 + D6 (D4 first: dated): documents 2, words 80, chars 400; figures as D4.
//   No outlet = D5.
// Total (6 documents): words 470, chars 2500. claims 6.5, opinions 2.5, quotes 10.5.
//   per 1,000: 6.5/470×1000 = 13.8297…, 2.5/470×1000 = 5.3191…, 10.5/470×1000 = 22.3404…
//   quoted 170+185+30+40 = 425, own 2075, share 0.17.
//   types: named_person 4, unnamed_person 2.5, named_org 1, unknown 1, unset 2 (sum 10.5).
//   named 6, unnamed 3.5, share 6/9.5 = 0.631578…
//   top: Jane Doe 4, Former Diplomat 2, Ministry of Health 2, Anonymous official 1, Spokesperson 0.5.
//   holder author 1.5, quoted 1; sentiment −1: 1, 0: 0.5, 2: 1; bias lexical 1, informational 0.5, none 1.
//   certainty certain 2.5, probable 1, possible 1, underspecified 1, unset 1.
//   re-published 160, share 0.064: Alpha 100 (0.04), Delta 60 (0.024).
//
// Speakers × outlets (every reviewer's quote counts; cells Alpha, Beta, Gamma, No outlet):
//   Jane Doe           5: 2 (104 direct, 105 indirect), 2 (302 direct, 313 indirect), 0, 1 (502 direct)
//   Former Diplomat    2: 1 (106 direct), 1 (204 direct), 0, 0
//   Ministry of Health 2: 0, 1 (203 indirect), 1 (402 direct), 0
//   Anonymous official 1: 1 (107 mode unset), 0, 0, 0
//   Spokesperson       1: 0, 1 (314 direct), 0, 0
//   Unattributed       1: 0, 1 (205 mixed), 0, 0
//
// Claim groups:
//   G1 "Stock ran out" [201, 501, 101, 401, 999]: 999 is not shown. Order: 401 (02-28 Gamma, inside the
//     Alpha segment), 101 (03-01 Alpha), 201 (03-01 Beta), 501 (undated). First D4; outlets 4 (30, 10, 20, none).
//   G2 "Minister's warning" [303, 402, 203, 314]: 402 (02-28 Gamma, quote, Ministry, from Delta), 203 (03-01
//     Beta, quote, Ministry), 314 (03-03 D3 at 40, quote, Spokesperson), 303 (03-03 D3 at 100, opinion).
//     First D4; outlets 2.
//   G3 "Leaflet only" [502]: undated only → first null; outlets 1.
//
// Ratings: Alpha left_right 2, 4, 3 → n 3, mean 3, sd 1, min 2, max 4; Alpha reliability 40 → n 1,
//   mean 40, sd null, min 40, max 40. Beta left_right −2, −1 → mean −1.5, sd √0.5 = 0.7071…, min −2, max −1;
//   Beta reliability n 0, all null. Gamma: n 0 on both. Outlet 99 and axis "stance" are ignored.
//   Published: Alpha AllSides left_right 1.5 "Lean Right"; Gamma Ad Fontes reliability 30.
import type { ClaimGroup, CompareDocument, CompareInput, CompareSegment, CompareSpan, LayerShown, PublishedRating, TeamRating } from "@/lib/compare/types";

const GOLD: LayerShown = { kind: "gold" };

function doc(
  id: number,
  title: string,
  outlet: [number, string] | null,
  publishedAt: string | null,
  wordCount: number,
  charCount: number,
  layer: LayerShown,
): CompareDocument {
  return { id, title, outletId: outlet?.[0] ?? null, outletName: outlet?.[1] ?? null, publishedAt, url: null, wordCount, charCount, layer };
}

const ALPHA: [number, string] = [10, "Alpha Times"];
const BETA: [number, string] = [20, "Beta News"];
const GAMMA: [number, string] = [30, "Gamma Post"];

// Listed out of display order on purpose: the comparison must order them itself.
export const documents: CompareDocument[] = [
  doc(5, "Leaflet", null, null, 40, 200, { kind: "reviewer", reviewerId: 8, reviewerName: "Sam" }),
  doc(3, "Beta follow-up", BETA, "2024-03-03", 50, 300, { kind: "pooled", reviewers: 2 }),
  doc(1, "Alpha report", ALPHA, "2024-03-01", 200, 1000, GOLD),
  doc(6, "Empty page", GAMMA, null, 0, 0, { kind: "none" }),
  doc(2, "Beta story", BETA, "2024-03-01", 100, 600, { kind: "reviewer", reviewerId: 7, reviewerName: "Rita" }),
  doc(4, "Gamma repost", GAMMA, "2024-02-28", 80, 400, GOLD),
];

function span(
  id: number,
  documentId: number,
  annotatorId: number | null,
  kind: CompareSpan["kind"],
  start: number,
  end: number,
  attrs: Partial<CompareSpan> = {},
): CompareSpan {
  return { id, documentId, annotatorId, kind, start, end, exact: `span ${id}`, ...attrs };
}

export const spans: CompareSpan[] = [
  // D1, gold
  span(101, 1, null, "claim", 0, 50, { certainty: "certain" }),
  span(102, 1, null, "claim", 60, 90, { certainty: "probable" }),
  span(103, 1, null, "opinion", 100, 140, { holder: "author", sentiment: -1, bias: "lexical" }),
  span(104, 1, null, "quote", 200, 300, { sourceId: 1, speakerType: "named_person", mode: "direct" }),
  span(105, 1, null, "quote", 250, 350, { sourceId: 1, speakerType: "named_person", mode: "indirect" }),
  span(106, 1, null, "quote", 400, 420, { speakerText: " Former Diplomat ", speakerType: "unnamed_person", mode: "direct" }),
  span(107, 1, null, "quote", 410, 415, { sourceId: 3 }),
  // D2, reviewer 7
  span(201, 2, 7, "claim", 0, 40),
  span(202, 2, 7, "opinion", 50, 80, { holder: "quoted", sentiment: 2, bias: "none" }),
  span(203, 2, 7, "quote", 100, 160, { sourceId: 2, mode: "indirect" }),
  span(204, 2, 7, "quote", 200, 230, { speakerText: "former diplomat", speakerType: "unnamed_person", mode: "direct" }),
  span(205, 2, 7, "quote", 300, 330, { speakerType: "unknown", mode: "mixed" }),
  // D3, pooled: reviewers 7 and 9
  span(301, 3, 7, "claim", 0, 20, { certainty: "possible" }),
  span(302, 3, 7, "quote", 30, 90, { sourceId: 1, speakerType: "named_person", mode: "direct" }),
  span(303, 3, 7, "opinion", 100, 120, { holder: "author", sentiment: 0, bias: "informational" }),
  span(311, 3, 9, "claim", 0, 20, { certainty: "possible" }),
  span(312, 3, 9, "claim", 25, 28, { certainty: "certain" }),
  span(313, 3, 9, "quote", 30, 60, { sourceId: 1, speakerType: "named_person", mode: "indirect" }),
  span(314, 3, 9, "quote", 40, 100, { speakerText: "Spokesperson", speakerType: "unnamed_person", mode: "direct" }),
  // D4, gold
  span(401, 4, null, "claim", 10, 50, { certainty: "certain" }),
  span(402, 4, null, "quote", 120, 150, { sourceId: 2, speakerType: "named_org", mode: "direct" }),
  // D5, reviewer 8
  span(501, 5, 8, "claim", 0, 30, { certainty: "underspecified" }),
  span(502, 5, 8, "quote", 40, 80, { sourceId: 1, speakerType: "named_person", mode: "direct" }),
];

export const segments: CompareSegment[] = [
  // Given out of order; adjacent, not overlapping.
  { documentId: 4, start: 100, end: 160, originalOutletId: 40, originalOutletName: "Delta Wire" },
  { documentId: 4, start: 0, end: 100, originalOutletId: 10, originalOutletName: "Alpha Times" },
];

export const ratings: TeamRating[] = [
  { outletId: 10, axis: "left_right", raterId: 1, value: 2 },
  { outletId: 10, axis: "left_right", raterId: 2, value: 4 },
  { outletId: 10, axis: "left_right", raterId: 3, value: 3 },
  { outletId: 10, axis: "reliability", raterId: 1, value: 40 },
  { outletId: 20, axis: "left_right", raterId: 1, value: -2 },
  { outletId: 20, axis: "left_right", raterId: 2, value: -1 },
  { outletId: 10, axis: "stance", raterId: 1, value: 2 },
  { outletId: 99, axis: "left_right", raterId: 1, value: 6 },
];

export const published: PublishedRating[] = [
  { outletId: 10, publisher: "AllSides", axis: "left_right", value: 1.5, label: "Lean Right", retrievedAt: "2024-01-05", url: "https://example.org/a" },
  { outletId: 30, publisher: "Ad Fontes", axis: "reliability", value: 30, label: null, retrievedAt: "2024-01-06", url: "https://example.org/g" },
  { outletId: 99, publisher: "AllSides", axis: "left_right", value: -6, label: "Left", retrievedAt: "2024-01-07", url: "https://example.org/z" },
];

export const groups: ClaimGroup[] = [
  { id: 1, label: "Stock ran out", spanIds: [201, 501, 101, 401, 999] },
  { id: 2, label: "Minister's warning", spanIds: [303, 402, 203, 314] },
  { id: 3, label: "Leaflet only", spanIds: [502] },
];

export function fixture(): CompareInput {
  return {
    documents,
    spans,
    sources: [
      { id: 1, name: "Jane Doe", kind: "person" },
      { id: 2, name: "Ministry of Health", kind: "government" },
      { id: 3, name: "Anonymous official", kind: "anonymous" },
    ],
    segments,
    ratings,
    published,
    axes: [
      { key: "left_right", label: "Left–right", min: -6, max: 6 },
      { key: "reliability", label: "Reliability", min: 0, max: 64 },
    ],
    groups,
  };
}
