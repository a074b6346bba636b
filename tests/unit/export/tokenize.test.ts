import { describe, expect, it } from "vitest";
import { tokenize } from "@/lib/export/tokenize";
import { sliceCodePoints } from "@/lib/text";

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("splits words, numbers, punctuation and emoji, keeping joined words whole", () => {
    expect(texts("Don't pay 5.5% to the ex-minister, U.S. said!")).toEqual([
      "Don't",
      "pay",
      "5.5",
      "%",
      "to",
      "the",
      "ex-minister",
      ",",
      "U.S",
      ".",
      "said",
      "!",
    ]);
    expect(texts("Hi 👩🏽‍💻🇬🇧 1️⃣x")).toEqual(["Hi", "👩🏽‍💻", "🇬🇧", "1️⃣x"]);
    expect(texts("«المياه ملك للجميع»")).toEqual(["«", "المياه", "ملك", "للجميع", "»"]);
  });

  it("gives code point offsets that slice back to each token, after astral characters too", () => {
    const text = "🌊 Port\u00a0Calder\u001cvotes 🐟 today.";
    for (const token of tokenize(text)) expect(sliceCodePoints(text, token.start, token.end)).toBe(token.text);
    expect(tokenize(text).find((t) => t.text === "today")!.start).toBe(22);
  });

  it("never yields an empty token or one holding anything Python's split() treats as whitespace", () => {
    const text = "a\u00a0b\u2009c\u001cd\u001fe\u0085f\u2028g\u3000h\u200bi \u200d j\t\n";
    const tokens = texts(text);
    expect(tokens).toEqual(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
  });

  it("ends sentences after final punctuation (with its closing quotes) and at line breaks", () => {
    const tokens = tokenize("He said “stop.” Then left\nNew line? Yes");
    const ends = tokens.filter((t) => t.sentenceEnd).map((t) => t.text);
    expect(ends).toEqual(["”", "left", "?", "Yes"]);
  });
});
