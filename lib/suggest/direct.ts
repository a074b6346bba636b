// Direct quotes: the quoted spans that are attributed speech, with the cue and speaker beside
// them. Scare quotes ("liberated" towns), quoted titles and empty quotes are left out.
import { cueAt, type CueMatch } from "./cues";
import type { Context, Found } from "./context";
import type { QuotedSpan } from "./quote-marks";
import { phraseBackward, phraseForward, type SpeakerPhrase } from "./speaker-phrase";
import { wordIndexAfter, wordsBackward, wordsForward } from "./words";

const TITLE_CUES = new Set([
  "titled",
  "entitled",
  "headlined",
  "book",
  "film",
  "report",
  "novel",
  "article",
  "album",
  "song",
  "headline",
  "documentary",
  "series",
  "play",
  "essay",
  "paper",
  "column",
  "programme",
  "program",
  "memoir",
  "poem",
  "called",
  "dubbed",
  "so-called",
  "named",
]);
const SCARE_WORDS = 3;

interface Attribution {
  readonly cue: CueMatch;
  readonly speaker: SpeakerPhrase | null;
  readonly side: "after" | "before";
}

/** "…,” Smith said" / "…,” said Smith, the minister" / "…,” she told Reuters". */
function attributionAfter(ctx: Context, close: number): Attribution | null {
  const run = wordsForward(ctx.chars, ctx.words, close + 1, 10);
  for (let j = 0; j < run.length && j <= 6; j++) {
    const cue = cueAt(ctx.cues, ctx.words, run[j]!, run[run.length - 1]!);
    if (cue === null) continue;
    let speaker = j > 0 ? phraseBackward(ctx.chars, ctx.words, cue.first - 1, run[0]!) : null;
    if (speaker !== null && speaker.first !== run[0]) speaker = null;
    if (speaker === null && cue.invertible) speaker = phraseForward(ctx.chars, ctx.words, cue.last + 1, run[run.length - 1]!);
    if (j > 0 && speaker === null) return null;
    return { cue, speaker, side: "after" };
  }
  return null;
}

/** "Smith said: “…”" / "According to Smith, “…”" / "…,” she said, “…”" (the second half). */
function attributionBefore(ctx: Context, open: number): Attribution | null {
  const run = wordsBackward(ctx.chars, ctx.words, open, 14);
  for (let j = 0; j < run.length && j <= 6; j++) {
    const cue = cueAt(ctx.cues, ctx.words, run[j]!, run[0]!);
    if (cue === null) continue;
    const earliest = run[run.length - 1]!;
    let speaker = phraseBackward(ctx.chars, ctx.words, cue.first - 1, earliest);
    if (speaker === null && cue.invertible) speaker = phraseForward(ctx.chars, ctx.words, cue.last + 1, run[0]!);
    return { cue, speaker, side: "before" };
  }
  return null;
}

function contentWords(ctx: Context, span: QuotedSpan): number {
  return wordIndexAfter(ctx.words, span.close) - wordIndexAfter(ctx.words, span.open + 1);
}

function isTitle(ctx: Context, span: QuotedSpan): boolean {
  const before = wordsBackward(ctx.chars, ctx.words, span.open, 3);
  const cued = before.some((k) => TITLE_CUES.has(ctx.words[k]!.lower));
  if (!cued) return false;
  const first = wordIndexAfter(ctx.words, span.open + 1);
  const last = wordIndexAfter(ctx.words, span.close);
  const long = ctx.words.slice(first, last).filter((w) => w.text.length > 3);
  const capitals = long.filter((w) => /^\p{Lu}/u.test(w.text)).length;
  const titleCase = long.length > 0 && capitals / long.length >= 0.6;
  const plainly = before.some((k) => ["titled", "entitled", "headlined", "so-called"].includes(ctx.words[k]!.lower));
  return titleCase || plainly;
}

/** The quoted span as a direct quote, or the reason it is not one. */
export function directQuote(ctx: Context, span: QuotedSpan): Found | string {
  const words = contentWords(ctx, span);
  if (words === 0) return "no content";
  if (isTitle(ctx, span)) return "a quoted title";
  const attribution = attributionAfter(ctx, span.close) ?? attributionBefore(ctx, span.open);
  if (attribution === null && words <= SCARE_WORDS) return "scare quotes: short, no cue";
  // "argued that “old formations” that had …": a few quoted words inside a sentence that goes on.
  const ended = /[,.!?…:;]\s*$/u.test(ctx.chars.slice(Math.max(span.open + 1, span.close - 3), span.close).join(""));
  if (attribution?.side === "before" && words <= SCARE_WORDS && !ended) return "a few quoted words inside a sentence";
  const evidence = [span.style];
  if (span.paragraphs > 1) evidence.push(`runs over ${span.paragraphs} paragraphs`);
  if (attribution !== null) evidence.push(`cue ${attribution.side} the quote: “${attribution.cue.phrase}”`);
  else evidence.push("no cue in the sentence");
  return {
    start: span.open + 1,
    end: span.close,
    type: "direct",
    cue: attribution?.cue ?? null,
    speaker: attribution?.speaker ?? null,
    evidence,
    paragraphs: span.paragraphs,
  };
}
