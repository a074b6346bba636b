import { describe, expect, it } from "vitest";
import { anchorRefusal, anchorSpan, type QuoteAnchor } from "@/lib/export/anchor";
import { buildOffsetIndex, codePointLength, sliceCodePoints, textQuoteSelector } from "@/lib/text";

// Emoji (astral, two UTF-16 units each) before the spans, and Arabic, so UTF-16 and code
// point offsets differ, and the same quote more than once so the context has to decide.
const TEXT =
  "🌊🌊 The levy is unfair, said the mayor. Later: “The levy is unfair,” said Haddad 🐟. " + "قال الوزير إن الضريبة ظالمة. Again, قال الوزير إن الضريبة ظالمة.";

/** The code point range of the n-th (0-based) occurrence of `needle`. */
function nth(needle: string, n = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) at = TEXT.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`no ${needle}`);
  const start = codePointLength(TEXT.slice(0, at));
  return { start, end: start + codePointLength(needle) };
}

function quoteAt(range: { start: number; end: number }, context = 32): QuoteAnchor {
  return { ...range, ...textQuoteSelector(TEXT, range.start, range.end, context) };
}

describe("anchorSpan", () => {
  it("keeps the file's offsets when the quoted text is there, after emoji and in Arabic", () => {
    for (const range of [nth("The levy is unfair", 1), nth("قال الوزير", 1), nth("🐟")]) {
      const result = anchorSpan(TEXT, quoteAt(range));
      expect(result).toEqual({ ok: true, ...range, how: "position" });
      if (result.ok) expect(sliceCodePoints(TEXT, result.start, result.end)).toBe(sliceCodePoints(TEXT, range.start, range.end));
    }
  });

  it("re-anchors UTF-16 offsets (what a browser tool writes) onto the code points of the same words", () => {
    const range = nth("said Haddad");
    const utf16Start = TEXT.indexOf("said Haddad");
    const wrong = { ...quoteAt(range), start: utf16Start, end: utf16Start + "said Haddad".length };
    expect(wrong.start).not.toBe(range.start);
    expect(anchorSpan(TEXT, wrong)).toEqual({ ok: true, ...range, how: "quote" });
  });

  it("picks the occurrence whose prefix and suffix match, not the nearest one", () => {
    const second = nth("The levy is unfair", 1);
    // Offsets point at the first occurrence but with the wrong length; the context says the second.
    const span = { ...quoteAt(second), start: nth("The levy is unfair", 0).start, end: 3 };
    expect(anchorSpan(TEXT, span)).toEqual({ ok: true, ...second, how: "quote" });
  });

  it("picks the occurrence whose context matches in Arabic text too", () => {
    const first = nth("قال الوزير إن الضريبة ظالمة", 0);
    const second = nth("قال الوزير إن الضريبة ظالمة", 1);
    const span = { ...quoteAt(second, 8), start: first.start + 1000, end: first.end + 1000 };
    expect(anchorSpan(TEXT, span)).toEqual({ ok: true, ...second, how: "quote" });
  });

  it("breaks a tie in context by the distance to the start the file gave", () => {
    const first = nth("قال الوزير", 0);
    const second = nth("قال الوزير", 1);
    const noContext = { exact: "قال الوزير", prefix: "", suffix: "" };
    expect(anchorSpan(TEXT, { ...noContext, start: second.start - 2, end: second.start - 1 })).toMatchObject({ start: second.start, how: "quote" });
    expect(anchorSpan(TEXT, { ...noContext, start: first.start + 3, end: first.start + 4 })).toMatchObject({ start: first.start, how: "quote" });
  });

  it("re-anchors offsets that fall outside the text", () => {
    const range = nth("🐟");
    expect(anchorSpan(TEXT, { ...quoteAt(range), start: 5000, end: 5001 })).toEqual({ ok: true, ...range, how: "quote" });
  });

  it("never matches on half of an emoji", () => {
    const text = "a🌊b";
    const lowHalf = "🌊".slice(1) + "b";
    expect(anchorSpan(text, { start: 0, end: 1, exact: lowHalf, prefix: "", suffix: "" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("refuses a quote that is not in the text, and an empty one", () => {
    expect(anchorSpan(TEXT, { start: 0, end: 4, exact: "The levy is fair", prefix: "", suffix: "" })).toEqual({ ok: false, reason: "not_found" });
    expect(anchorSpan(TEXT, { start: 0, end: 0, exact: "", prefix: "", suffix: "" })).toEqual({ ok: false, reason: "empty" });
  });

  it("gives the same answers from a prebuilt offset index", () => {
    const index = buildOffsetIndex(TEXT);
    const span = { ...quoteAt(nth("قال الوزير", 1)), start: 2 };
    expect(anchorSpan(index, span)).toEqual(anchorSpan(TEXT, span));
  });
});

describe("anchorRefusal", () => {
  it("names the quoted text and the document, shortening long quotes", () => {
    expect(anchorRefusal("not_found", "The levy is fair", 12)).toBe("the quoted text “The levy is fair” is not in document 12");
    const long = "ب".repeat(80);
    expect(anchorRefusal("not_found", long, 3)).toBe(`the quoted text “${"ب".repeat(60)}…” is not in document 3`);
  });
});
