// Indirect attributions: reported speech without quotation marks. "X said (that) …" to the
// sentence end, "According to X, …", "…, according to X." and "…, X said."
import { cueAt, type CueMatch } from "./cues";
import { sentenceAt, type Context, type Found } from "./context";
import { nameAfter, phraseBackward, phraseForward, type SpeakerPhrase } from "./speaker-phrase";
import { gap, wordIndexAfter } from "./words";

const MIN_WORDS = 4;
// Longer than this is not one sentence of reported speech but text the sentence splitter could
// not cut (no full stops); refusing it also keeps the work linear on such text.
const MAX_CONTENT = 1_000;
// Between the cue and the content: "told reporters on Tuesday that …".
const FILLERS = new Set([
  "that",
  "on",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "last",
  "week",
  "month",
  "year",
  "yesterday",
  "today",
  "earlier",
  "later",
  "this",
  "in",
  "a",
  "an",
  "statement",
  "interview",
  "recently",
  "also",
  "again",
  "previously",
]);
const TOLD_OBJECTS = new Set(["reporters", "journalists", "me", "us", "him", "her", "them", "parliament", "lawmakers", "the"]);
const QUOTE_MARK = /[“”„"«»‘’‚「」]/u;

interface Piece {
  readonly start: number;
  readonly end: number;
}

/** Content from word `k` to the sentence end, trailing punctuation dropped. */
function toSentenceEnd(ctx: Context, k: number, sentenceEnd: number): Piece | null {
  const first = ctx.words[k];
  if (first === undefined || first.start >= sentenceEnd) return null;
  const last = wordIndexAfter(ctx.words, sentenceEnd) - 1;
  if (last - k + 1 < MIN_WORDS || sentenceEnd - first.start > MAX_CONTENT) return null;
  let end = sentenceEnd;
  while (end > first.start && /[\s.!?…]/u.test(ctx.chars[end - 1]!)) end--;
  return { start: first.start, end };
}

/** Skips "reporters on Tuesday that" after a cue; returns the first content word. */
function skipFillers(ctx: Context, cue: CueMatch): number {
  let k = cue.last + 1;
  if (cue.phrase === "told" || cue.phrase === "tells") {
    while (k < ctx.words.length && k <= cue.last + 3 && (TOLD_OBJECTS.has(ctx.words[k]!.lower) || /^\p{Lu}/u.test(ctx.words[k]!.text))) k++;
  }
  for (let n = 0; n < 5 && k < ctx.words.length && FILLERS.has(ctx.words[k]!.lower); n++) k++;
  // "has said repeatedly that …", "told Okaz newspaper that …": a near "that" opens the content.
  for (let j = k; j < ctx.words.length && j <= k + 4; j++) {
    if (j > cue.last + 1 && !/^[ \u00a0]+$/u.test(gap(ctx.chars, ctx.words[j - 1]!.end, ctx.words[j]!.start))) break;
    if (ctx.words[j]!.lower === "that") return j + 1;
  }
  return k;
}

function found(piece: Piece, cue: CueMatch, speaker: SpeakerPhrase | null, rule: string): Found {
  return { ...piece, type: "indirect", cue, speaker, evidence: [rule, `cue: “${cue.phrase}”`], paragraphs: 1 };
}

/** "according to local police": up to four plain words, to the comma or the sentence end. */
function plainPhrase(ctx: Context, k: number, sentenceEnd: number): SpeakerPhrase | null {
  let last = k;
  if (ctx.words[k] === undefined || ctx.words[k]!.start >= sentenceEnd) return null;
  while (
    last + 1 < ctx.words.length &&
    last - k < 3 &&
    ctx.words[last + 1]!.start < sentenceEnd &&
    /^ +$/u.test(gap(ctx.chars, ctx.words[last]!.end, ctx.words[last + 1]!.start))
  )
    last++;
  const after = gap(ctx.chars, ctx.words[last]!.end, Math.min(sentenceEnd, ctx.words[last]!.end + 3));
  return /^[\s,.;!?]*$/u.test(after) || after.startsWith(",") ? { first: k, last, kind: "description" } : null;
}

function according(ctx: Context, cue: CueMatch, sentenceStart: number, sentenceEnd: number): Found | null {
  const lastWord = wordIndexAfter(ctx.words, sentenceEnd) - 1;
  const phrase = phraseForward(ctx.chars, ctx.words, cue.last + 1, lastWord) ?? plainPhrase(ctx, cue.last + 1, sentenceEnd);
  if (phrase === null) return null;
  const cueStart = ctx.words[cue.first]!.start;
  // Mid-sentence "according to the local MP, Graham Holt": the name is the speaker.
  const speaker = cueStart <= sentenceStart + 1 ? phrase : nameAfter(ctx.chars, ctx.words, phrase, lastWord);
  const after = gap(ctx.chars, ctx.words[speaker.last]!.end, Math.min(sentenceEnd, ctx.words[speaker.last]!.end + 12));
  if (cueStart <= sentenceStart + 1) {
    // "According to X, …": the comma ends the source; without it X is not a speaker ("according to the plan").
    if (!after.startsWith(",")) return null;
    const piece = toSentenceEnd(ctx, speaker.last + 1, sentenceEnd);
    return piece === null ? null : found(piece, cue, speaker, "“according to X, …”");
  }
  // "…, according to X." ends the sentence; "…, according to the constitution, ought to …" does not attribute.
  if (cueStart - sentenceStart > MAX_CONTENT || !/^[\s.!?…”’"»)]*$/u.test(after)) return null;
  let end = cueStart;
  while (end > sentenceStart && /[\s,;—–-]/u.test(ctx.chars[end - 1]!)) end--;
  const words = wordIndexAfter(ctx.words, end) - wordIndexAfter(ctx.words, sentenceStart);
  return words < MIN_WORDS ? null : found({ start: sentenceStart, end }, cue, speaker, "“…, according to X”");
}

function reportingVerb(ctx: Context, cue: CueMatch, sentenceStart: number, sentenceEnd: number): Found | null {
  const speaker = phraseBackward(ctx.chars, ctx.words, cue.first - 1, wordIndexAfter(ctx.words, sentenceStart));
  if (speaker === null) return null;
  const speakerStart = ctx.words[speaker.first]!.start;
  const firstWord = wordIndexAfter(ctx.words, sentenceStart);
  // Only the few characters before the speaker and after the cue are read, never the whole sentence.
  const before = gap(ctx.chars, speaker.first > firstWord ? ctx.words[speaker.first - 1]!.end : sentenceStart, speakerStart);
  const endsAtCue = cue.last + 1 >= wordIndexAfter(ctx.words, sentenceEnd);
  if (speaker.first > firstWord && /,\s*$/u.test(before) && endsAtCue && speakerStart - sentenceStart <= MAX_CONTENT) {
    let end = speakerStart;
    while (end > sentenceStart && /[\s,]/u.test(ctx.chars[end - 1]!)) end--;
    const words = wordIndexAfter(ctx.words, end) - wordIndexAfter(ctx.words, sentenceStart);
    return words < MIN_WORDS ? null : found({ start: sentenceStart, end }, cue, speaker, "“…, X said”");
  }
  const opener = speaker.first === firstWord || (speaker.first === firstWord + 1 && /^(but|and|so|yet)$/iu.test(ctx.words[firstWord]!.text));
  if (!opener || /\S/u.test(gap(ctx.chars, sentenceStart, ctx.words[firstWord]!.start))) return null;
  const k = skipFillers(ctx, cue);
  const first = ctx.words[k];
  if (first === undefined || /[,:;]/u.test(gap(ctx.chars, ctx.words[cue.last]!.end, first.start))) return null;
  if (QUOTE_MARK.test(gap(ctx.chars, ctx.words[cue.last]!.end, first.start)) && ctx.words[k - 1]?.lower !== "that") return null;
  const piece = toSentenceEnd(ctx, k, sentenceEnd);
  return piece === null ? null : found(piece, cue, speaker, "“X said (that) …”");
}

/** Every indirect attribution whose cue is outside quotation marks. */
export function indirectAttributions(ctx: Context, quoted: Uint8Array): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < ctx.words.length; k++) {
    const w = ctx.words[k]!;
    if (quoted[w.start] === 1) continue;
    const sentence = sentenceAt(ctx.sentences, w.start);
    if (sentence === null) continue;
    const cue = cueAt(ctx.cues, ctx.words, k, wordIndexAfter(ctx.words, sentence.end) - 1);
    if (cue === null) continue;
    const hit = cue.phrase === "according to" ? according(ctx, cue, sentence.start, sentence.end) : reportingVerb(ctx, cue, sentence.start, sentence.end);
    if (hit !== null) out.push(hit);
    k = cue.last;
  }
  return out;
}
