// Turning a span's text into the terms its similarity is measured on: lower-cased words with
// the grammatical glue dropped, numbers kept (in news claims "$9" against "$12" is the whole
// difference), and each pair of neighbouring words as one more term, so a shared phrase
// counts for more than the same words scattered.

// Function words that two unrelated sentences share by accident. Negations ("not", "no")
// stay: they flip a claim.
const STOP_WORDS = new Set(
  (
    "a an the and or but if then so as of at by for from in into on onto to with without about over under " +
    "this that these those there here it its it's is are was were be been being am do does did doing done " +
    "has have had having will would shall should can could may might must i me my we us our you your he him " +
    "his she her they them their what which who whom whose when where why how than too very just also only " +
    "such some any each every all both either neither other another more most much many few own same up out " +
    "off again further once s t said says say according told"
  ).split(" "),
);

// A word: letters and digits, with inner apostrophes, dots or commas ("don't", "3.5", "1,000").
const WORD = /[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu;

const DIGIT = /\p{N}/u;
const ASCII = /^[\x00-\x7f]*$/;

/** A light English plural folding: "levies" → "levy", "plants" → "plant"; numbers untouched. */
function fold(word: string): string {
  if (DIGIT.test(word)) return word.includes(",") ? word.replace(/(?<=\d),(?=\d{3})/g, "") : word;
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The words of `text` as written, lower-cased and normalized, stop words included, in order. */
export function rawWords(text: string): string[] {
  // NFKC only where it can change something: spans are mostly ASCII, and this runs per span.
  const normalized = (ASCII.test(text) ? text : text.normalize("NFKC").replace(/[’‘`]/g, "'")).toLowerCase();
  return normalized.match(WORD) ?? [];
}

/** The content word a raw word (from rawWords) counts as, or null for glue. */
export function contentWord(raw: string): string | null {
  const word = fold(raw);
  return word.length > 0 && !STOP_WORDS.has(word) ? word : null;
}

/** The content words of `text`, in order. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of rawWords(text)) {
    const word = contentWord(raw);
    if (word !== null) words.push(word);
  }
  return words;
}

/** Unigrams and bigrams of the content words; a bigram joins two neighbours with a space. */
export function terms(text: string): string[] {
  const words = contentWords(text);
  const out = [...words];
  for (let i = 1; i < words.length; i++) out.push(`${words[i - 1]} ${words[i]}`);
  return out;
}
