import { describe, expect, it } from "vitest";
import { buildOffsetIndex, codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from "../../../lib/text";

const PIECES = ["a", " ", "é", "e\u0301", "新", "قال", "👍🏽", "🇮🇶", "👨‍👩‍👧", "\n", "—", "𝔸"];

/** Deterministic pseudo-random text, so failures reproduce. */
function mixedText(length: number, seed = 7): string {
  let state = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    out += PIECES[state % PIECES.length];
  }
  return out;
}

describe("buildOffsetIndex", () => {
  it("agrees with the simple conversions at every offset of a mixed text", () => {
    const text = mixedText(400);
    const index = buildOffsetIndex(text);
    expect(index.codePointLength).toBe(codePointLength(text));
    expect(index.utf16Length).toBe(text.length);
    let utf16 = 0;
    for (let cp = 0; cp <= index.codePointLength; cp++) {
      expect(index.toUtf16(cp)).toBe(codePointToUtf16(text, cp));
      expect(index.toUtf16(cp)).toBe(utf16);
      expect(index.toCodePoint(utf16)).toBe(utf16ToCodePoint(text, utf16));
      utf16 += (text.codePointAt(utf16) ?? 0) > 0xffff ? 2 : 1;
    }
  });

  it("slices by code points like sliceCodePoints", () => {
    const text = "Tap 👍🏽 then “قال الوزير” — ok";
    const index = buildOffsetIndex(text);
    expect(index.slice(13, 23)).toBe("قال الوزير");
    expect(index.slice(4, 6)).toBe("👍🏽");
    expect(index.slice(0, index.codePointLength)).toBe(text);
    expect(index.slice(9, 20)).toBe(sliceCodePoints(text, 9, 20));
  });

  it("maps offsets one to one in text without astral characters", () => {
    const index = buildOffsetIndex("قال الوزير 新闻 cafe\u0301");
    expect(index.toCodePoint(7)).toBe(7);
    expect(index.toUtf16(index.codePointLength)).toBe(index.utf16Length);
  });

  it("handles the empty text", () => {
    const index = buildOffsetIndex("");
    expect(index.toCodePoint(0)).toBe(0);
    expect(index.toUtf16(0)).toBe(0);
    expect(() => index.toUtf16(1)).toThrow(RangeError);
  });

  it("rejects offsets out of range or inside a surrogate pair", () => {
    const index = buildOffsetIndex("a🇮🇶b");
    expect(() => index.toCodePoint(2)).toThrow(/inside a surrogate pair/);
    expect(() => index.toCodePoint(7)).toThrow(RangeError);
    expect(() => index.toCodePoint(-1)).toThrow(RangeError);
    expect(() => index.toUtf16(5)).toThrow(RangeError);
    expect(() => index.toUtf16(0.5)).toThrow(RangeError);
    expect(() => index.slice(3, 2)).toThrow(RangeError);
  });

  it("converts thousands of spans in a 30,000-word document quickly", () => {
    const words = Array.from({ length: 30_000 }, (_, i) => (i % 50 === 0 ? "👍🏽" : `word${i}`));
    const text = words.join(" ");
    const started = performance.now();
    const index = buildOffsetIndex(text);
    let checksum = 0;
    for (let i = 0; i < 3_000; i++) {
      const utf16 = index.toUtf16(Math.floor((i / 3_000) * index.codePointLength));
      checksum += index.toCodePoint(utf16);
    }
    const elapsed = performance.now() - started;
    expect(checksum).toBeGreaterThan(0);
    // Linear conversions would walk ~250k units 6,000 times; the index does it in milliseconds.
    expect(elapsed).toBeLessThan(500);
  });
});
