import { buildOffsetIndex, type OffsetIndex } from "./offset-index";

/** W3C TextQuoteSelector, in code points: lets a span be re-found if offsets drift. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export const DEFAULT_QUOTE_CONTEXT = 32;

/**
 * Pass an `OffsetIndex` instead of the text when building selectors for many
 * spans of one document, so each call costs O(log n) rather than O(n).
 */
export function textQuoteSelector(source: string | OffsetIndex, start: number, end: number, context: number = DEFAULT_QUOTE_CONTEXT): TextQuote {
  const index = typeof source === "string" ? buildOffsetIndex(source) : source;
  if (!Number.isInteger(context) || context < 0) {
    throw new RangeError(`context ${context} must be a non-negative integer`);
  }
  const exact = index.slice(start, end);
  const prefix = index.slice(Math.max(0, start - context), start);
  const suffix = index.slice(end, Math.min(index.codePointLength, end + context));
  return { exact, prefix, suffix };
}
