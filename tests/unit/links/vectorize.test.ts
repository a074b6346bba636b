// vectorize interns raw words and bigram pairs instead of building term strings: it must still
// count exactly the terms lib/links/tokens names, with the same weights, and keep a bigram's
// order (so "state loan" and "loan state" are different terms).
import { describe, expect, it } from "vitest";
import { Vocabulary, vectorize } from "@/lib/links/similarity";
import { terms } from "@/lib/links/tokens";

const TEXTS = [
  "The levy will NOT add $9 a month to the bill, the levy's critics said.",
  "Levies, levies and more levies: the city’s 1,000 plants.",
  "قال الوزير إن الخطة جيدة",
  "a state loan was refused; the state loan was refused",
  "",
];

/** term → weight, from the string terms. */
function expected(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
  return new Map([...tf].map(([t, n]) => [t, 1 + Math.log(n)]));
}

describe("vectorize", () => {
  it("holds one entry per distinct term of terms(), weighted 1 + ln tf", () => {
    const vocabulary = new Vocabulary();
    for (const text of TEXTS) {
      const vector = vectorize(text, vocabulary);
      const want = expected(text);
      expect(vector.ids.length).toBe(want.size);
      expect([...vector.weights].sort()).toEqual([...Float32Array.from(want.values())].sort());
    }
  });

  it("gives the same term the same id across texts, and a reversed bigram another", () => {
    const vocabulary = new Vocabulary();
    const a = vectorize("state loan", vocabulary); // state, loan, "state loan"
    const b = vectorize("the State loans", vocabulary);
    const c = vectorize("loan state", vocabulary);
    expect([...b.ids]).toEqual([...a.ids]);
    expect(c.ids.slice(0, 2).sort()).toEqual(a.ids.slice(0, 2).sort());
    expect(c.ids[2]).not.toBe(a.ids[2]);
    expect(vocabulary.size).toBe(4);
  });
});
