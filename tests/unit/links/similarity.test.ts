// Ranking spans by text similarity, on sentences written for these tests: what should count
// (key words, figures, shared phrases, rare words) and what should not (function words).
import { describe, expect, it } from "vitest";
import { rankBySimilarity, rankTexts, SpanGroup, Vocabulary, vectorize } from "@/lib/links/similarity";
import { contentWords, terms } from "@/lib/links/tokens";

const ids = (ranked: { item: string }[]): string[] => ranked.map((r) => r.item);
const items = (texts: Record<string, string>) => Object.entries(texts).map(([item, text]) => ({ item, text }));

describe("terms", () => {
  it("lower-cases words, drops function words, keeps numbers and negations", () => {
    expect(contentWords("The Levy will NOT add $9 a month to the bill")).toEqual(["levy", "not", "add", "9", "month", "bill"]);
  });

  it("reads curly apostrophes, thousands separators and plurals alike", () => {
    expect(contentWords("the city’s 1,000 levies")).toEqual(contentWords("city's 1000 levy"));
    expect(contentWords("plants bills")).toEqual(["plant", "bill"]);
    expect(contentWords("3.5 percent")).toEqual(["3.5", "percent"]);
  });

  it("adds each pair of neighbouring content words as a bigram", () => {
    expect(terms("a state loan was refused")).toEqual(["state", "loan", "refused", "state loan", "loan refused"]);
  });

  it("keeps letters of every script", () => {
    expect(contentWords("قال الوزير إن الخطة جيدة")).toEqual(["قال", "الوزير", "إن", "الخطة", "جيدة"]);
  });
});

describe("rankTexts", () => {
  it("puts a paraphrase sharing the key words first and leaves out a sentence sharing only function words", () => {
    const ranked = rankTexts(
      "The levy will add $9 a month to a typical household water bill.",
      items({
        paraphrase: "Households will pay an extra $9 per month on their water bills under the levy.",
        glue: "It was the first time that they had been to a meeting of this kind.",
        unrelated: "Environmental groups remain divided over the brine discharge.",
      }),
    );
    expect(ids(ranked)).toEqual(["paraphrase"]);
    expect(ranked[0]!.score).toBeGreaterThan(0.3);
  });

  it("ranks the same figure above a different one", () => {
    const ranked = rankTexts(
      "The plant will cost $240 million.",
      items({ other: "The plant will cost $310 million.", same: "The plant will cost $240 million, officials said." }),
    );
    expect(ids(ranked)).toEqual(["same", "other"]);
  });

  it("ranks a shared phrase above the same words scattered", () => {
    const ranked = rankTexts(
      "Governor Hale refused a state loan.",
      items({ scattered: "The loan was refused by the state, Hale said.", phrase: "Hale has twice refused the state loan." }),
    );
    expect(ids(ranked)[0]).toBe("phrase");
  });

  it("weighs words every candidate shares less than rare ones", () => {
    const ranked = rankTexts(
      "The council approved the levy in a 5–2 vote.",
      items({
        common1: "The council levy debate goes on.",
        common2: "Council levy critics speak out.",
        common3: "A council levy hearing is planned.",
        vote: "The vote was 5 to 2.",
      }),
    );
    expect(ids(ranked)[0]).toBe("vote");
  });

  it("scores an identical text 1 and returns at most `limit`, best first", () => {
    const texts = { a: "Rationing ends in July", b: "Rationing ends", c: "Rationing is over in July", d: "July rationing ends soon" };
    const ranked = rankTexts("Rationing ends in July", items(texts), 2);
    expect(ranked).toHaveLength(2);
    expect(ranked[0]).toEqual({ item: "a", score: 1 });
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(ranked[1]!.score);
  });

  it("suggests nothing for a span made only of function words", () => {
    expect(rankTexts("it was that they said so", items({ a: "it was that they said so" }))).toEqual([]);
  });
});

describe("rankBySimilarity with a shared vocabulary", () => {
  it("ranks only the accepted candidates, across groups, and counts rarity over them alone", () => {
    const vocabulary = new Vocabulary();
    const make = (item: string, text: string) => ({ item, vector: vectorize(text, vocabulary) });
    const groups = [
      new SpanGroup([make("a1", "The plant will cost $240 million"), make("a2", "The plant will cost $240 million"), make("a3", "Rationing ends")]),
      new SpanGroup([make("b1", "Plant costs rise"), make("b2", "The plant cost")]),
    ];
    const query = vectorize("The plant will cost $240 million", vocabulary);
    const options = { limit: 5, floor: 0.15, vocabularySize: vocabulary.size };
    expect(rankBySimilarity(query, groups, options).map((r) => r.item)).toEqual(["a1", "a2", "b2", "b1"]);
    expect(rankBySimilarity(query, groups, { ...options, exclude: new Set(["a1"]) }).map((r) => r.item)).toEqual(["a2", "b2", "b1"]);
  });

  it("scores exactly as if the excluded items had never been there", () => {
    const vocabulary = new Vocabulary();
    const make = (item: string, text: string) => ({ item, vector: vectorize(text, vocabulary) });
    const query = vectorize("Governor Hale refused a state loan", vocabulary);
    const kept = [make("k1", "Hale refused the state loan twice"), make("k2", "A state loan was refused")];
    const gone = make("x", "Governor Hale, governor of the state");
    const options = { limit: 5, floor: 0, vocabularySize: vocabulary.size };
    const without = rankBySimilarity(query, [new SpanGroup(kept)], options);
    const excluded = rankBySimilarity(query, [new SpanGroup([...kept, gone])], { ...options, exclude: new Set(["x"]) });
    expect(excluded).toEqual(without);
  });

  it("gives the same ranking when the vectors were made earlier, in another order", () => {
    const vocabulary = new Vocabulary();
    const later = ["Mayor Brandt told reporters doing nothing is a decision", "Reyes said renters would pay most"];
    const candidates = later.map((text, item) => ({ item, vector: vectorize(text, vocabulary) }));
    const query = vectorize("Doing nothing is also a decision, the mayor said", vocabulary);
    const ranked = rankBySimilarity(query, [new SpanGroup(candidates)], { limit: 5, floor: 0.15, vocabularySize: vocabulary.size });
    expect(ranked.map((r) => r.item)).toEqual([0]);
  });
});
