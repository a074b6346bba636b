// A fixed locale keeps stored word counts identical whatever machine imports
// the document; ICU still segments CJK and Thai by dictionary under "und".
const wordSegmenter = new Intl.Segmenter("und", { granularity: "word" });

/** Words as Unicode word segmentation (UAX #29 + ICU dictionaries) sees them. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike === true) count++;
  }
  return count;
}
