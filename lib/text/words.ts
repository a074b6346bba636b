import { isLowSurrogate } from "./code-points";

// A fixed locale keeps stored word counts identical whatever machine imports
// the document; ICU still segments CJK and Thai by dictionary under "und".
const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

// Node 20's V8 makes each step of a segment iterator cost O(length of the
// input) (crbug.com/326176949, fixed in later V8), so a 5 MB text would take
// hours. Segmenting ~1 KB chunks keeps the whole count linear.
const CHUNK_UTF16 = 1024;

// Word segmentation always breaks before whitespace; failing that, before
// CJK sentence punctuation, so cutting there never splits a word.
const SAFE_BEFORE = /[\s\u3001\u3002\uff01\uff0c\uff1a\uff1b\uff1f]/;

function chunkEnd(text: string, start: number): number {
  const limit = start + CHUNK_UTF16;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > start; i--) {
    if (SAFE_BEFORE.test(text.charAt(i))) return i;
  }
  // No safe point (a long run of unspaced text): cut anyway, but never
  // inside a surrogate pair. At worst one word per chunk is counted twice.
  return isLowSurrogate(text.charCodeAt(limit)) ? limit - 1 : limit;
}

/** Words as Unicode word segmentation (UAX #29 + ICU dictionaries) sees them. */
export function countWords(text: string): number {
  let count = 0;
  for (let start = 0; start < text.length;) {
    const end = chunkEnd(text, start);
    for (const segment of wordSegmenter.segment(text.slice(start, end))) {
      if (segment.isWordLike === true) count++;
    }
    start = end;
  }
  return count;
}
