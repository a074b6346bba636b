// The words of the text with their code-point offsets, and what lies between them: the
// suggester reasons on words ("said", "John Smith") and checks the gaps for punctuation.
import type { CodePoints } from "@/lib/text/snap";

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly lower: string;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
const JOINERS = new Set(["'", "’", "-", "‐", "."]);

/** Runs of letters and digits, keeping inner apostrophes, hyphens and dots (al-Khanjar, U.S.). */
export function toWords(chars: CodePoints): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < chars.length) {
    if (!LETTER.test(chars[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < chars.length && (LETTER.test(chars[i]!) || (JOINERS.has(chars[i]!) && LETTER.test(chars[i + 1] ?? "")))) i++;
    const text = chars.slice(start, i).join("");
    words.push({ start, end: i, text, lower: text.toLowerCase() });
  }
  return words;
}

/** Index of the first word starting at or after `at`. */
export function wordIndexAfter(words: readonly Word[], at: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The characters between two offsets, for checking what punctuation separates two words. */
export function gap(chars: CodePoints, from: number, to: number): string {
  return chars.slice(from, Math.max(from, to)).join("");
}

const SENTENCE_BREAK = /[.!?…\n“”„"«»「」]/u;

/**
 * The words after `at` in the same clause run: stops at a sentence end, a line break or a
 * quotation mark, and after `max` words. Commas are allowed (", said John Smith, the minister").
 */
export function wordsForward(chars: CodePoints, words: readonly Word[], at: number, max: number): number[] {
  const out: number[] = [];
  let k = wordIndexAfter(words, at);
  let from = at;
  while (k < words.length && out.length < max) {
    const between = gap(chars, from, words[k]!.start);
    if (SENTENCE_BREAK.test(between)) break;
    out.push(k);
    from = words[k]!.end;
    k++;
  }
  return out;
}

/** The words before `at` back to a sentence start, a line break or a quotation mark; nearest first. */
export function wordsBackward(chars: CodePoints, words: readonly Word[], at: number, max: number): number[] {
  const out: number[] = [];
  let k = wordIndexAfter(words, at) - 1;
  let to = at;
  while (k >= 0 && out.length < max) {
    const between = gap(chars, words[k]!.end, to);
    if (SENTENCE_BREAK.test(between)) break;
    out.push(k);
    to = words[k]!.start;
    k--;
  }
  return out;
}
