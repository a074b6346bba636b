import type { CodedValue } from "../../../lib/agreement";
import { pairsTable } from "./helpers";

/** Inputs of the published vectors V1–V8 in AGREEMENT-VECTORS.md, shared by several test files. */
const _ = null;

/** V1: Wikipedia's example, 3 coders × 15 units. */
export const V1: CodedValue[][] = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

/** V2: Krippendorff 2004 p.224, binary, 2 coders × 10 units. */
export const V2 = pairsTable([
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
  [0, 0],
  [0, 1],
  [0, 0],
  [0, 1],
  [0, 0],
  [0, 0],
]);

/** V3: Krippendorff 2004 p.227, 2 coders × 12 units. */
export const V3 = pairsTable([
  ["a", "a"],
  ["a", "b"],
  ["b", "b", 4],
  ["b", "c"],
  ["c", "c", 5],
]);

/** V4: string labels with one missing value. */
export const V4: CodedValue[][] = [
  ["pos", "neg", "neu", _],
  ["pos", "neg", "neu", "pos"],
  ["pos", "neg", "pos", "pos"],
];

/** V5, first table of Artstein & Poesio 2008. */
export const V5A = pairsTable([
  ["STAT", "STAT", 20],
  ["IReq", "STAT", 20],
  ["STAT", "IReq", 10],
  ["IReq", "IReq", 50],
]);

/** V5, second table of Artstein & Poesio 2008. */
export const V5B = pairsTable([
  ["STAT", "STAT", 46],
  ["IReq", "STAT", 6],
  ["IReq", "IReq", 32],
  ["IReq", "Chck", 6],
  ["Chck", "Chck", 10],
]);

/** V6: Cohen 1960 p.45. */
export const V6 = pairsTable([
  [1, 1, 88],
  [1, 2, 14],
  [1, 3, 18],
  [2, 1, 10],
  [2, 2, 40],
  [2, 3, 10],
  [3, 1, 2],
  [3, 2, 6],
  [3, 3, 12],
]);

/** V7: Fleiss 1971 p.379, 30 items × 6 ratings, categories 1–5. */
export const V7: number[][] = (
  "444444 222555 233335 555555 222444 113333 333355 113334 114444 555555 " +
  "144444 124444 222333 144444 224445 333335 111455 111112 224444 133555 " +
  "555555 244444 224555 114444 144445 222224 111155 224444 133333 555555"
)
  .split(" ")
  .map((item) => [...item].map(Number));

/** V8: token-level binary, 24 positions. */
export const V8 = pairsTable([
  [0, 0],
  [0, 0],
  [1, 0],
  [1, 0],
  [1, 1],
  [1, 1],
  [1, 1],
  [1, 1],
  [1, 0],
  [1, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [1, 0],
  [1, 1],
  [1, 1],
  [1, 0],
  [1, 0],
  [1, 0],
  [0, 0],
  [0, 0],
  [0, 0],
  [0, 0],
]);
