// Sentences of the frozen text, on code points, for the keyboard's "next untagged sentence".
// A rule of our own rather than Intl.Segmenter: the server, the tests and every browser must
// agree on where a sentence ends, and ICU's rules differ between engines and versions.
import { charAt, type Chars } from "./code-point-text";
import { snapToWords } from "./snap";

export interface TextRange {
  start: number;
  end: number;
}

const TERMINAL = new Set([".", "!", "?", "…", "。", "！", "？"]);
// Full-width terminals end a sentence with no space after them (Chinese and Japanese text).
const UNSPACED = new Set(["。", "！", "？"]);
// Closing quotation marks and brackets stay with the sentence they close.
const CLOSER = /[\p{Pf}\p{Pe}"'’”»]/u;
const BLANK = /\s/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
// A full stop after these is part of the word, not the end of a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "st",
  "jr",
  "sr",
  "gen",
  "lt",
  "col",
  "sgt",
  "capt",
  "sen",
  "rep",
  "gov",
  "pres",
  "vs",
  "etc",
  "no",
  "inc",
  "ltd",
  "co",
  "corp",
  "approx",
  "e.g",
  "i.e",
]);

/** The word (letters and inner dots) that ends just before `at`, lower-cased. */
function wordBefore(chars: Chars, at: number): string {
  let s = at;
  while (s > 0 && (LETTER.test(charAt(chars, s - 1)!) || (charAt(chars, s - 1) === "." && LETTER.test(charAt(chars, s - 2) ?? "")))) s--;
  return chars.slice(s, at).join("").toLowerCase();
}

/** Whether the terminal at `at`, followed by blanks up to `next`, really ends the sentence. */
function endsSentence(chars: Chars, at: number, next: number): boolean {
  if (UNSPACED.has(charAt(chars, at)!)) return true;
  if (next >= chars.length || charAt(chars, next) === "\n") return true;
  if (!BLANK.test(charAt(chars, next)!)) return false; // "5.5", "U.S.", "example.com"
  let after = next;
  while (after < chars.length && charAt(chars, after) !== "\n" && BLANK.test(charAt(chars, after)!)) after++;
  if (LOWER.test(charAt(chars, after) ?? "")) return false; // "the U.S. ally", "e.g. this"
  if (charAt(chars, at) !== ".") return true;
  const word = wordBefore(chars, at);
  // A single letter is an initial ("J. Smith", "U.S. President").
  return !(ABBREVIATIONS.has(word) || (word.length === 1 && LETTER.test(word)) || /^(\p{L}\.)+\p{L}$/u.test(word));
}

/**
 * Every sentence, in order: from its first non-blank character to its terminal punctuation and
 * closing quotes. A line break always ends a sentence (each line is a paragraph).
 */
export function sentenceRanges(chars: Chars): TextRange[] {
  const out: TextRange[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && BLANK.test(charAt(chars, i)!)) i++;
    if (i >= chars.length) break;
    const start = i;
    let end = chars.length;
    for (let j = i; j < chars.length; j++) {
      if (charAt(chars, j) === "\n") {
        end = j;
        break;
      }
      if (!TERMINAL.has(charAt(chars, j)!)) continue;
      let k = j + 1;
      while (k < chars.length && TERMINAL.has(charAt(chars, k)!)) k++;
      while (k < chars.length && CLOSER.test(charAt(chars, k)!)) k++;
      if (endsSentence(chars, j, k)) {
        end = k;
        break;
      }
      j = k - 1;
    }
    let e = end;
    while (e > start && BLANK.test(charAt(chars, e - 1)!)) e--;
    out.push({ start, end: e });
    i = end;
  }
  return out;
}

/**
 * The next sentence after the cursor that none of `spans` overlaps, as whole words (the quotes
 * and full stop around it dropped, as any keyboard selection is). A sentence that starts at the
 * cursor counts as after it, unless the cursor already selects exactly that sentence, so pressing
 * the key again moves on. Null when every later sentence is tagged.
 */
export function nextUntaggedSentence(
  chars: Chars,
  sentences: readonly TextRange[],
  from: { cursor: TextRange | null; caret: number },
  spans: readonly TextRange[],
): TextRange | null {
  const after = from.cursor?.start ?? from.caret;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let k = 0;
  let maxEnd = -1;
  for (const sentence of sentences) {
    if (sentence.end <= after) continue;
    // Compared by its first word: a sentence opening with a quotation mark starts at the mark.
    const words = snapToWords(chars, sentence.start, sentence.end);
    if (words === null || words.start < after) continue;
    // Sentences come in order, so one sweep over the spans finds any that reach into this one.
    while (k < sorted.length && sorted[k]!.start < words.end) maxEnd = Math.max(maxEnd, sorted[k++]!.end);
    if (maxEnd > words.start) continue;
    if (from.cursor !== null && from.cursor.start === words.start && from.cursor.end === words.end) continue;
    return words;
  }
  return null;
}
