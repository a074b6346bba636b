// Text generators for the fuzz properties: the Unicode that breaks offset code in practice,
// mixed with plain ASCII words and the whitespace and punctuation that snapping and
// normalization look at. Built from pieces so a shrunk counterexample stays readable.
import fc from "fast-check";

/** Characters outside the BMP: two UTF-16 units, one code point each (or several, joined). */
export const ASTRAL = ["😀", "𝒳", "𠜎", "🇫🇷", "🇯🇵", "👍🏽", "👩‍👩‍👧", "🏳️‍🌈", "🧑🏿‍🚀", "𓀀"];
/** Combining marks, alone (attached to whatever precedes) and in decomposed letters. */
export const COMBINING = ["\u0301", "\u0323\u0302", "e\u0301", "A\u030a", "n\u0303", "\u0915\u094d\u0937", "\u05d1\u05bc", "a\u20dd"];
/** Right-to-left words and the marks and overrides that come with them. */
export const RTL = ["مرحبا", "الحكومة", "שלום", "ירושלים", "\u200f", "\u200e", "\u202e", "\u2067", "ـ"];
/** Joiners, zero-width characters, a BOM, non-breaking and other Unicode spaces. */
export const INVISIBLE = ["\u200d", "\u200c", "\u200b", "\ufeff", "\u00a0", "\u2009", "\u3000", "\u2028"];
export const WORDS = ["a", "the", "mayor", "said", "5.5", "don't", "ex-minister", "Ölfeld", "中文", "ภาษาไทย", "Ⅻ", "x_y"];
export const SPACES = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", " \n", "\t\r\n"];
export const PUNCTUATION = [".", ",", "'", "’", "-", "‐", "—", '"', "«", "»", "(", ")", "!", "?", "…", "$", "%", "#", "@"];

/** A lone high or low surrogate: not well-formed, but a JS string (and a browser) can hold one. */
export const loneSurrogate: fc.Arbitrary<string> = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...ASTRAL) },
  { weight: 2, arbitrary: fc.constantFrom(...COMBINING) },
  { weight: 2, arbitrary: fc.constantFrom(...RTL) },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLE) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 3 }) },
);

/** Well-formed text (no lone surrogates), as a document can hold after import. */
export const wellFormedText: fc.Arbitrary<string> = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

/** Any JS string a browser could hand over, lone surrogates included. */
export const anyText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 9, arbitrary: piece }, { weight: 1, arbitrary: loneSurrogate }), { maxLength: 40 })
  .map((parts) => parts.join(""));

/** A text with a code-point range [start, end) inside it. */
export const textWithRange: fc.Arbitrary<{ text: string; start: number; end: number }> = anyText.chain((text) => {
  const length = Array.from(text).length;
  return fc
    .tuple(fc.integer({ min: 0, max: length }), fc.integer({ min: 0, max: length }))
    .map(([a, b]) => ({ text, start: Math.min(a, b), end: Math.max(a, b) }));
});

/** The oracle for code points, independent of lib/text: what for…of and Array.from see. */
export const codePointsOf = (s: string): string[] => Array.from(s);

/** True when UTF-16 index `i` falls between the two halves of a surrogate pair. */
export function insidePair(s: string, i: number): boolean {
  return /[\uD800-\uDBFF]/.test(s.charAt(i - 1)) && /[\uDC00-\uDFFF]/.test(s.charAt(i)) && i > 0;
}
