// Browser-safe: client components import this for offset conversion at the
// edge. `sha256Hex` lives in ./hash (node:crypto) and is imported from there.
export { normalizeText } from "./normalize";
export { codePointLength, sliceCodePoints, utf16ToCodePoint, codePointToUtf16 } from "./code-points";
export { buildOffsetIndex, type OffsetIndex } from "./offset-index";
export { textQuoteSelector, DEFAULT_QUOTE_CONTEXT, type TextQuote } from "./selector";
export { countWords } from "./words";
export { splitParagraphs, type Paragraph } from "./paragraphs";
