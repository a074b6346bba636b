// Reads the speaker phrase beside a cue: a name ("John Smith", "the Interior Ministry"), a
// pronoun ("she"), or a description ("a former western diplomat", "officials").
import type { CodePoints } from "@/lib/text/snap";
import { AUXILIARIES, DETERMINERS, NOT_NAMES, PARTICLES, PLURAL_SOURCES, PRONOUNS, STOPS } from "./phrase-words";
import { gap, type Word } from "./words";

export type PhraseKind = "name" | "pronoun" | "description";

export interface SpeakerPhrase {
  readonly first: number;
  readonly last: number;
  readonly kind: PhraseKind;
}

const isCapital = (w: Word): boolean => /^\p{Lu}/u.test(w.text) && !NOT_NAMES.has(w.lower);
export const isNamePart = (w: Word): boolean => isCapital(w) || /^(al|el|bin|ibn|abu)-\p{Lu}/u.test(w.text);
const joined = (chars: CodePoints, a: Word, b: Word): boolean => /^[ \u00a0]+$/u.test(gap(chars, a.end, b.start));

/** A run of capitalised words from `k` forward ("John Smith", "the Interior Ministry"). */
export function nameForward(chars: CodePoints, words: readonly Word[], k: number, last: number): number {
  let end = k;
  while (end + 1 <= last && joined(chars, words[end]!, words[end + 1]!)) {
    const next = words[end + 1]!;
    if (isNamePart(next)) end++;
    else if (PARTICLES.has(next.lower) && end + 2 <= last && isNamePart(words[end + 2]!) && joined(chars, next, words[end + 2]!)) end += 2;
    else break;
  }
  return end;
}

/** "Iranian opposition leader Maryam Rajavi": past up to three lower-case title words to the name. */
function titledName(chars: CodePoints, words: readonly Word[], end: number, last: number): SpeakerPhrase | null {
  let k = end + 1;
  while (
    k <= last &&
    k - end <= 3 &&
    /^\p{Ll}/u.test(words[k]!.text) &&
    !STOPS.has(words[k]!.lower) &&
    !PARTICLES.has(words[k]!.lower) &&
    joined(chars, words[k - 1]!, words[k]!)
  )
    k++;
  if (k === end + 1 || k > last || !isNamePart(words[k]!) || !joined(chars, words[k - 1]!, words[k]!)) return null;
  const nameEnd = nameForward(chars, words, k, last);
  return nameEnd > k ? { first: k, last: nameEnd, kind: "name" } : null;
}

/** The speaker phrase starting at word `k` (after an inverted cue: "said John Smith"). */
export function phraseForward(chars: CodePoints, words: readonly Word[], k: number, last: number): SpeakerPhrase | null {
  if (k > last) return null;
  const w = words[k]!;
  if (PRONOUNS.has(w.lower)) return { first: k, last: k, kind: "pronoun" };
  // "said opposition leader Maryam Rajavi": lower-case title words, then the name.
  if (k > 0 && /^\p{Ll}/u.test(w.text) && !DETERMINERS.has(w.lower) && !PLURAL_SOURCES.has(w.lower)) {
    const titled = titledName(chars, words, k - 1, last);
    if (titled !== null) return titled;
  }
  if (w.lower === "the" && k + 1 <= last && isNamePart(words[k + 1]!)) {
    const end = nameForward(chars, words, k + 1, last);
    const next = words[end + 1];
    // "the Norwegian envoy" describes; "the Interior Ministry" names.
    const describes = next !== undefined && end + 1 <= last && joined(chars, words[end]!, next) && /^\p{Ll}/u.test(next.text) && !STOPS.has(next.lower);
    if (!describes) return { first: k, last: end, kind: "name" };
  }
  if (DETERMINERS.has(w.lower) || PLURAL_SOURCES.has(w.lower)) {
    let end = k;
    while (end + 1 <= last && end - k < 6 && joined(chars, words[end]!, words[end + 1]!) && !STOPS.has(words[end + 1]!.lower)) end++;
    return end > k || PLURAL_SOURCES.has(w.lower) ? { first: k, last: end, kind: "description" } : null;
  }
  if (isNamePart(w)) {
    const end = nameForward(chars, words, k, last);
    const titled = titledName(chars, words, end, last);
    if (titled !== null) return titled;
    // "Iraq’s electoral commission": a possessive names whose it is, not who spoke.
    return /['’]s$/u.test(words[end]!.text) ? null : { first: k, last: end, kind: "name" };
  }
  return null;
}

/**
 * The speaker phrase ending at word `k` (before a cue: "John Smith said", "a senior official
 * said", "Smith, the minister, said"); `first` is the earliest word the clause allows.
 */
export function phraseBackward(chars: CodePoints, words: readonly Word[], cueBefore: number, first: number): SpeakerPhrase | null {
  let k = cueBefore;
  // "Ankara has warned", "the ministry also said": auxiliaries and adverbs stand between speaker and cue.
  while (k > first && AUXILIARIES.has(words[k]!.lower) && joined(chars, words[k - 1]!, words[k]!)) k--;
  if (k < first) return null;
  const w = words[k]!;
  if (PRONOUNS.has(w.lower)) return { first: k, last: k, kind: "pronoun" };
  let start = k;
  while (start - 1 >= first && joined(chars, words[start - 1]!, words[start]!) && start > k - 7) {
    const prev = words[start - 1]!;
    if (STOPS.has(prev.lower) && prev.lower !== "the") break;
    start--;
  }
  // Take the longest tail of [start..k] that reads as a phrase.
  for (let s = start; s <= k; s++) {
    const phrase = phraseForward(chars, words, s, k);
    if (phrase !== null && phrase.last === k) return appositive(chars, words, phrase, first);
  }
  // A bare plural noun phrase opening the sentence: "Shipping agents warned …".
  if (start === first && k - start < 4 && /\p{Ll}s$/u.test(w.text) && words.slice(start + 1, k + 1).every((x) => /^\p{Ll}/u.test(x.text))) {
    return { first: start, last: k, kind: "description" };
  }
  return null;
}

/** "the local MP, Graham Holt": the name after a description, set off by a comma. */
export function nameAfter(chars: CodePoints, words: readonly Word[], phrase: SpeakerPhrase, last: number): SpeakerPhrase {
  const k = phrase.last + 1;
  if (phrase.kind !== "description" || k > last || !/^\s*,\s*$/u.test(gap(chars, words[phrase.last]!.end, words[k]!.start))) return phrase;
  if (!isNamePart(words[k]!)) return phrase;
  const end = nameForward(chars, words, k, last);
  return end > k ? { first: k, last: end, kind: "name" } : phrase;
}

/** "John Smith, the minister, said": the name before the description is the speaker. */
function appositive(chars: CodePoints, words: readonly Word[], phrase: SpeakerPhrase, first: number): SpeakerPhrase {
  if (phrase.kind !== "description" || words[phrase.first]!.lower !== "the") return phrase;
  const before = phrase.first - 1;
  if (before < first || !/^\s*,\s*$/u.test(gap(chars, words[before]!.end, words[phrase.first]!.start))) return phrase;
  if (!isNamePart(words[before]!)) return phrase;
  let s = before;
  while (s - 1 >= first && isNamePart(words[s - 1]!) && joined(chars, words[s - 1]!, words[s]!)) s--;
  return { first: s, last: before, kind: "name" };
}
