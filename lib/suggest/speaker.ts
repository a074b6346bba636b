// Turns a speaker phrase into the suggestion's speaker: a registry source, or a proposed new
// source with a guessed kind; "he"/"she" become the nearest person named before them.
import { nameTokens } from "@/lib/sources/near-match";
import type { SpeakerEvidence } from "./confidence";
import { phraseText, type Context, type Found } from "./context";
import { mentionBefore } from "./mentions";
import { guessKind, matchSource, stripHonorifics } from "./registry";
import type { SuggestedSpeaker, TextPiece } from "./types";

// How far back (code points) "he said" or "Smith said" may look for the person meant.
const REACH = 2500;

export interface Resolved {
  readonly speaker: SuggestedSpeaker | null;
  readonly evidence: SpeakerEvidence;
  readonly note: string;
}

/** The last named person who spoke, carried from one suggestion to the next. */
export interface LastPerson {
  readonly at: number;
  readonly speaker: SuggestedSpeaker;
}

function named(ctx: Context, piece: TextPiece, name: string): Resolved {
  const sourceId = matchSource(name, ctx.sources);
  if (sourceId !== null)
    return { speaker: { ...piece, sourceId, proposed: null }, evidence: "registry", note: `speaker “${piece.text}” is in the sources registry` };
  const kind = guessKind(name, false);
  const proposedName = kind === "organisation" ? name : stripHonorifics(name.replace(/^the\s+/iu, ""));
  return {
    speaker: { ...piece, sourceId: null, proposed: { name: proposedName, kind } },
    evidence: "name",
    note: `speaker “${piece.text}” proposed as a new ${kind} source`,
  };
}

function pronoun(ctx: Context, f: Found, piece: TextPiece, last: LastPerson | null): Resolved {
  const lower = piece.text.toLowerCase();
  const none: Resolved = { speaker: null, evidence: "none", note: `pronoun “${piece.text}” with no named person close before` };
  if (lower !== "he" && lower !== "she") return none;
  const mention = mentionBefore(ctx.mentions, Math.min(f.start, piece.start), REACH);
  const fromLast = last !== null && piece.start - last.at <= REACH ? last : null;
  if (fromLast !== null && (mention === null || fromLast.at >= mention.end)) {
    const { sourceId, proposed } = fromLast.speaker;
    return { speaker: { ...piece, sourceId, proposed }, evidence: "pronoun", note: `“${piece.text}” taken as ${fromLast.speaker.text}, who spoke just before` };
  }
  if (mention === null) return none;
  const r = named(ctx, piece, mention.name);
  return { ...r, evidence: "pronoun", note: `“${piece.text}” taken as ${mention.name}, named just before` };
}

export function resolveSpeaker(ctx: Context, f: Found, last: LastPerson | null): Resolved {
  if (f.speaker === null) return { speaker: null, evidence: "none", note: "no speaker in sight" };
  const text = phraseText(ctx, f.speaker);
  const piece = { start: ctx.words[f.speaker.first]!.start, end: ctx.words[f.speaker.last]!.end, text };
  if (f.speaker.kind === "pronoun") return pronoun(ctx, f, piece, last);
  if (f.speaker.kind === "description") {
    const sourceId = matchSource(text, ctx.sources);
    if (sourceId !== null)
      return { speaker: { ...piece, sourceId, proposed: null }, evidence: "registry", note: `speaker “${text}” is in the sources registry` };
    const kind = guessKind(text, true);
    return {
      speaker: { ...piece, sourceId: null, proposed: { name: text, kind } },
      evidence: "description",
      note: `speaker “${text}” proposed as a new ${kind} source`,
    };
  }
  const tokens = nameTokens(stripHonorifics(text));
  // "Brandt said", after "Professor Lena Brandt" was introduced: the full name, unless the registry knows it.
  if (tokens.length === 1 && matchSource(text, ctx.sources) === null) {
    const full = mentionBefore(ctx.mentions, piece.start, REACH * 4, tokens[0]);
    if (full !== null) return named(ctx, piece, full.name);
  }
  return named(ctx, piece, text);
}
