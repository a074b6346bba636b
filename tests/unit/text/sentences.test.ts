import { describe, expect, it } from "vitest";
import { nextUntaggedSentence, sentenceRanges, type TextRange } from "@/lib/text/sentences";
import { toCodePoints } from "@/lib/text/snap";

const cut = (text: string, r: TextRange | null): string | null => (r === null ? null : toCodePoints(text).slice(r.start, r.end).join(""));
const sentencesOf = (text: string): string[] => sentenceRanges(toCodePoints(text)).map((r) => cut(text, r)!);

describe("finding sentences", () => {
  it("ends a sentence at . ! ? and keeps closing quotation marks with it", () => {
    expect(sentencesOf("Odierno was right. Was he? “Iraq is on the path to disintegration.” He left!")).toEqual([
      "Odierno was right.",
      "Was he?",
      "“Iraq is on the path to disintegration.”",
      "He left!",
    ]);
  });

  it("does not end a sentence at abbreviations, initials, decimals or before a lower-case word", () => {
    expect(sentencesOf("Mr. Abadi, a U.S. ally, met Gen. Odierno and J. Smith at 5.5 p.m. today. Then he left.")).toEqual([
      "Mr. Abadi, a U.S. ally, met Gen. Odierno and J. Smith at 5.5 p.m. today.",
      "Then he left.",
    ]);
  });

  it("ends every sentence at a line break, with or without a full stop", () => {
    expect(sentencesOf("A title without a stop\nFirst line. Second\n\n  Third.")).toEqual(["A title without a stop", "First line.", "Second", "Third."]);
  });

  it("splits unspaced Chinese sentences and counts astral characters as one code point", () => {
    const text = "他说。👍🏽 好！";
    const ranges = sentenceRanges(toCodePoints(text));
    expect(ranges.map((r) => cut(text, r))).toEqual(["他说。", "👍🏽 好！"]);
    // Python: len("他说。") == 3 and len("👍🏽 好！") == 5 (the thumb and its skin tone are two code points).
    expect(ranges[1]).toEqual({ start: 3, end: 8 });
  });
});

describe("the next untagged sentence", () => {
  const text = "One is here. “Two is quoted,” he said. Three has a claim. Four is last.";
  const chars = toCodePoints(text);
  const sentences = sentenceRanges(chars);
  const at = (needle: string): TextRange => {
    const start = toCodePoints(text.slice(0, text.indexOf(needle))).length;
    return { start, end: start + toCodePoints(needle).length };
  };

  it("selects the first sentence from the top, as whole words without quotes or full stop", () => {
    expect(cut(text, nextUntaggedSentence(chars, sentences, { cursor: null, caret: 0 }, []))).toBe("One is here");
  });

  it("skips sentences that any span touches, and the sentence the cursor already selects", () => {
    const spans = [at("Two is"), at("claim")];
    const first = nextUntaggedSentence(chars, sentences, { cursor: at("One is here"), caret: 0 }, spans);
    expect(cut(text, first)).toBe("Four is last");
  });

  it("takes a sentence whose first word is under the cursor, even behind an opening quote", () => {
    expect(cut(text, nextUntaggedSentence(chars, sentences, { cursor: at("Two"), caret: 0 }, []))).toBe("Two is quoted,” he said");
  });

  it("skips the sentence the cursor is inside and starts from the caret without a cursor", () => {
    expect(cut(text, nextUntaggedSentence(chars, sentences, { cursor: at("here"), caret: 0 }, []))).toBe("Two is quoted,” he said");
    expect(cut(text, nextUntaggedSentence(chars, sentences, { cursor: null, caret: at("has").start }, []))).toBe("Four is last");
  });

  it("returns null when every later sentence is tagged", () => {
    expect(nextUntaggedSentence(chars, sentences, { cursor: at("Three"), caret: 0 }, [at("Three has"), at("Four is last.")])).toBeNull();
  });
});
