// People named in the text ("Sara Lindqvist spent eleven years…"), so a later "she said" can be
// tied to the nearest one and a later "Brandt said" to the full name used earlier.
import { nameTokens } from "@/lib/sources/near-match";
import type { CodePoints } from "@/lib/text/snap";
import { guessKind, stripHonorifics } from "./registry";
import { isNamePart, nameForward } from "./speaker-phrase";
import type { Word } from "./words";

export interface Mention {
  readonly start: number;
  readonly end: number;
  /** The name without titles: "Lena Brandt" for "Professor Lena Brandt". */
  readonly name: string;
  readonly lastToken: string;
}

/** Runs of two or more capitalised words that read as a person's name, in text order. */
export function personMentions(chars: CodePoints, words: readonly Word[]): Mention[] {
  const out: Mention[] = [];
  let k = 0;
  while (k < words.length) {
    if (!isNamePart(words[k]!)) {
      k++;
      continue;
    }
    const end = nameForward(chars, words, k, words.length - 1);
    const text = chars
      .slice(words[k]!.start, words[end]!.end)
      .join("")
      .replace(/['’]s$/u, "");
    const name = stripHonorifics(text);
    const tokens = nameTokens(name);
    const afterThe = k > 0 && words[k - 1]!.lower === "the";
    // "U.S. Army", "ISIS fighters": acronyms are not people.
    const acronym = words.slice(k, end + 1).some((w) => /^[\p{Lu}.]+$/u.test(w.text));
    if (end > k && tokens.length >= 2 && !afterThe && !acronym && guessKind(text, false) === "person") {
      out.push({ start: words[k]!.start, end: words[end]!.end, name, lastToken: tokens[tokens.length - 1]! });
    }
    k = end + 1;
  }
  return out;
}

/** The last mention that ends before `at` and no further back than `reach`. */
export function mentionBefore(mentions: readonly Mention[], at: number, reach: number, lastToken?: string): Mention | null {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const m = mentions[i]!;
    if (at - m.end > reach) return null;
    if (lastToken === undefined || m.lastToken === lastToken) return m;
  }
  return null;
}
