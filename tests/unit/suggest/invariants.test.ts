// Whatever the text, suggestions stay inside it, sorted, unique and non-overlapping.
import { describe, expect, it } from "vitest";
import { suggest } from "@/lib/suggest";

const PIECES = [
  "“",
  "”",
  "„",
  "‘",
  "’",
  '"',
  "'",
  "«",
  "»",
  "「",
  "」",
  " said ",
  " told ",
  " according to ",
  "Ana Ruiz",
  " she ",
  ", ",
  ". ",
  "\n",
  "😀",
  "word",
  " that ",
  "قال",
  "the minister",
];

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("suggester invariants on arbitrary text", () => {
  it("never throws and keeps every suggestion inside the text, sorted and non-overlapping", () => {
    const random = lcg(14);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 80) }, () => PIECES[Math.floor(random() * PIECES.length)]!).join("");
      const length = Array.from(text).length;
      const out = suggest(text, { sources: [{ id: 1, name: "Ana Ruiz", aliases: [] }], extraCues: ["briefed"] });
      for (const [i, s] of out.entries()) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(length);
        expect(s.end).toBeGreaterThan(s.start);
        expect(s.key).toBe(`${s.start}:${s.end}`);
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
        if (s.speaker !== null) expect(s.speaker.end).toBeLessThanOrEqual(length);
      }
    }
  });
});
