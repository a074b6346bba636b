import { describe, expect, it } from "vitest";
import { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from "../../../lib/text";

// Offsets below were checked with Python (`s.index(...)`, `len(s)`), which counts code points.
const MIXED = "Tap 👍🏽 then “قال الوزير” — ok";

const SAMPLES: Record<string, string> = {
  "emoji with skin tone": "ok 👍🏽 done",
  "family ZWJ sequence": "a👨‍👩‍👧b",
  flag: "Iraq 🇮🇶 flag",
  "combining mark": "cafe\u0301 noir",
  CJK: "新闻报道说",
  Arabic: "قال الوزير إن",
  mixed: MIXED,
};

/** UTF-16 offsets that do not split a surrogate pair. */
function boundaryOffsets(s: string): number[] {
  const offsets = [0];
  for (const char of s) offsets.push((offsets.at(-1) as number) + char.length);
  return offsets;
}

describe("code point offsets", () => {
  it("finds the Arabic span at the code point offsets Python gives, after an emoji with a skin tone", () => {
    expect(codePointLength(MIXED)).toBe(29);
    expect(MIXED.length).toBe(31);
    expect(sliceCodePoints(MIXED, 13, 23)).toBe("قال الوزير");
    // The browser reports UTF-16 offsets [15, 25) for the same selection.
    expect(MIXED.slice(15, 25)).toBe("قال الوزير");
    expect(utf16ToCodePoint(MIXED, 15)).toBe(13);
    expect(utf16ToCodePoint(MIXED, 25)).toBe(23);
    expect(codePointToUtf16(MIXED, 13)).toBe(15);
    expect(codePointToUtf16(MIXED, 23)).toBe(25);
  });

  it("counts astral characters, flags and ZWJ parts as the code points they are made of", () => {
    expect(codePointLength("👍🏽")).toBe(2);
    expect(codePointLength("🇮🇶")).toBe(2);
    expect(codePointLength("👨‍👩‍👧")).toBe(5);
    expect(codePointLength("e\u0301")).toBe(2);
    expect(codePointLength("新闻报道")).toBe(4);
    expect(codePointLength("")).toBe(0);
  });

  for (const [name, s] of Object.entries(SAMPLES)) {
    it(`round-trips every offset between UTF-16 and code points (${name})`, () => {
      const chars = Array.from(s);
      boundaryOffsets(s).forEach((utf16, cp) => {
        expect(utf16ToCodePoint(s, utf16)).toBe(cp);
        expect(codePointToUtf16(s, cp)).toBe(utf16);
      });
      for (let start = 0; start <= chars.length; start++) {
        for (let end = start; end <= chars.length; end++) {
          expect(sliceCodePoints(s, start, end)).toBe(chars.slice(start, end).join(""));
        }
      }
      expect(sliceCodePoints(s, 2)).toBe(chars.slice(2).join(""));
    });
  }

  it("counts a lone surrogate as one code point, as Array.from does", () => {
    const s = "a\uD83Db";
    expect(codePointLength(s)).toBe(3);
    expect(utf16ToCodePoint(s, 2)).toBe(2);
    expect(sliceCodePoints(s, 1, 2)).toBe("\uD83D");
  });
});

describe("code point offset errors", () => {
  it("rejects a UTF-16 offset inside a surrogate pair", () => {
    expect(() => utf16ToCodePoint("a👍b", 2)).toThrow(RangeError);
    expect(() => utf16ToCodePoint("🇮🇶", 1)).toThrow(/inside a surrogate pair/);
    expect(() => utf16ToCodePoint("🇮🇶", 3)).toThrow(/inside a surrogate pair/);
  });

  it("rejects negative, fractional, non-number and past-the-end offsets", () => {
    for (const bad of [-1, 1.5, Number.NaN, 4, Number.POSITIVE_INFINITY]) {
      expect(() => utf16ToCodePoint("abc", bad)).toThrow(RangeError);
      expect(() => codePointToUtf16("a👍b", bad)).toThrow(RangeError);
    }
    expect(() => codePointToUtf16("a👍b", 4)).toThrow(/from 0 to 3/);
  });

  it("rejects slices that end before they start or past the end", () => {
    expect(() => sliceCodePoints("a👍b", 2, 1)).toThrow(RangeError);
    expect(() => sliceCodePoints("a👍b", 0, 4)).toThrow(RangeError);
    expect(() => sliceCodePoints("a👍b", 4, 4)).toThrow(RangeError);
    expect(sliceCodePoints("a👍b", 3, 3)).toBe("");
  });
});
