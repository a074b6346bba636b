// Anchoring an imported span onto a document's frozen text. A file's offsets are trusted only
// when the quoted text is really there; otherwise the span is found again by its quote (W3C
// TextQuoteSelector: exact plus the prefix and suffix around it), so an export of an older copy
// of the text, or a tool that counted in UTF-16, still lands on the right words. When the quote
// is nowhere in the text the span is refused rather than guessed.
import { buildOffsetIndex, codePointLength, sliceCodePoints, type OffsetIndex } from "@/lib/text";
import { isHighSurrogate, isLowSurrogate } from "@/lib/text/code-points";

export interface QuoteAnchor {
  /** Code points, end exclusive, as the file gives them. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export type Anchored = { ok: true; start: number; end: number; how: "position" | "quote" } | { ok: false; reason: "empty" | "not_found" };

function atPosition(index: OffsetIndex, span: QuoteAnchor): boolean {
  const { start, end } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  if (start < 0 || start >= end || end > index.codePointLength) return false;
  return index.slice(start, end) === span.exact;
}

/** How many UTF-16 units at the end of `prefix` equal the text just before `at`. */
function matchingBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === prefix.charCodeAt(prefix.length - n - 1)) n++;
  return n;
}

/** How many UTF-16 units at the start of `suffix` equal the text from `at` on. */
function matchingAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

// An occurrence that starts on the second half of an emoji is not a real occurrence.
const splitsPair = (text: string, i: number): boolean => i > 0 && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));

interface Candidate {
  start: number;
  score: number;
  distance: number;
}

const better = (a: Candidate, b: Candidate | null): boolean => b === null || a.score > b.score || (a.score === b.score && a.distance < b.distance);

/**
 * Every occurrence of `exact` is a candidate; the one whose surroundings agree longest with
 * the prefix and suffix wins, and among equals the one nearest the start the file gave.
 */
function byQuote(index: OffsetIndex, span: QuoteAnchor): { start: number; end: number } | null {
  const { text } = index;
  const { exact } = span;
  const wanted = Number.isFinite(span.start) ? span.start : 0;
  let best: Candidate | null = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (splitsPair(text, at)) continue;
    const start = index.toCodePoint(at);
    const candidate = {
      start,
      score: matchingBefore(text, at, span.prefix) + matchingAfter(text, at + exact.length, span.suffix),
      distance: Math.abs(start - wanted),
    };
    if (better(candidate, best)) best = candidate;
  }
  return best === null ? null : { start: best.start, end: best.start + codePointLength(exact) };
}

/** Pass an OffsetIndex when anchoring many spans on one text. */
export function anchorSpan(source: string | OffsetIndex, span: QuoteAnchor): Anchored {
  if (span.exact === "") return { ok: false, reason: "empty" };
  const index = typeof source === "string" ? buildOffsetIndex(source) : source;
  if (atPosition(index, span)) return { ok: true, start: span.start, end: span.end, how: "position" };
  const found = byQuote(index, span);
  return found === null ? { ok: false, reason: "not_found" } : { ok: true, ...found, how: "quote" };
}

const SHOWN = 60;

/** The sentence a refused span is reported with. */
export function anchorRefusal(reason: "empty" | "not_found", exact: string, documentId: number): string {
  if (reason === "empty") return `the span has no quoted text, so it cannot be placed in document ${documentId}`;
  const shown = codePointLength(exact) > SHOWN ? `${sliceCodePoints(exact, 0, SHOWN)}…` : exact;
  return `the quoted text “${shown}” is not in document ${documentId}`;
}
