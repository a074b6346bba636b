// What every rule reads: the text as code points, its words, sentences and cue table, and the
// shape of a found attribution before it becomes a Suggestion.
import { sentenceRanges, type TextRange } from "@/lib/text/sentences";
import type { CodePoints } from "@/lib/text/snap";
import { buildCues, type CueMatch, type CueTable } from "./cues";
import { personMentions, type Mention } from "./mentions";
import type { SpeakerPhrase } from "./speaker-phrase";
import type { KnownSource, SuggestionType } from "./types";
import { toWords, type Word } from "./words";

export interface Context {
  readonly chars: CodePoints;
  readonly words: readonly Word[];
  readonly sentences: readonly TextRange[];
  readonly cues: CueTable;
  readonly sources: readonly KnownSource[];
  readonly mentions: readonly Mention[];
}

/** A found attribution: content offsets, its cue and speaker phrase as word indices. */
export interface Found {
  readonly start: number;
  readonly end: number;
  readonly type: SuggestionType;
  readonly cue: CueMatch | null;
  readonly speaker: SpeakerPhrase | null;
  readonly evidence: string[];
  readonly paragraphs: number;
}

export function buildContext(chars: CodePoints, sources: readonly KnownSource[], extraCues: readonly string[]): Context {
  const words = toWords(chars);
  return { chars, words, sentences: sentenceRanges(chars), cues: buildCues(extraCues), sources, mentions: personMentions(chars, words) };
}

/** The sentence holding offset `at` (binary search), or null in the blanks between sentences. */
export function sentenceAt(sentences: readonly TextRange[], at: number): TextRange | null {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

export function phraseText(ctx: Context, phrase: { first: number; last: number }): string {
  return ctx.chars.slice(ctx.words[phrase.first]!.start, ctx.words[phrase.last]!.end).join("");
}
