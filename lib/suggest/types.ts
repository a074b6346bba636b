// The contract between the attribution suggester (lib/suggest) and the places that show and
// settle its suggestions (the workspace, the server). Offsets are Unicode code points into the
// document's stored text, end exclusive, like every span (DESIGN.md, offsets rule).

export type SuggestionType = "direct" | "indirect" | "mixed";

export type GuessedSourceKind = "person" | "organisation" | "anonymous";

/** A stretch of the text: code-point offsets and the text they hold. */
export interface TextPiece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Who said it: the words in the text, resolved to the registry when a source matches. */
export interface SuggestedSpeaker extends TextPiece {
  /** The registry source whose name or alias matches, or null when none does. */
  readonly sourceId: number | null;
  /** When no source matches: the name to create and a guessed kind. */
  readonly proposed: { readonly name: string; readonly kind: GuessedSourceKind } | null;
}

export interface Suggestion {
  /** Stable for the same text and rules, so a decision on it can be remembered: `${start}:${end}`. */
  readonly key: string;
  /** The quoted or reported content: what becomes the attributed-quote span. */
  readonly start: number;
  readonly end: number;
  readonly type: SuggestionType;
  readonly cue: TextPiece | null;
  readonly speaker: SuggestedSpeaker | null;
  /** 0..1; lower without a speaker in sight. */
  readonly confidence: number;
  /** Which rules fired, in words a reviewer can read ("curly double quotes", "cue: said"). */
  readonly evidence: readonly string[];
}

/** A registry source as the suggester matches it. */
export interface KnownSource {
  readonly id: number;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface SuggestOptions {
  readonly sources?: readonly KnownSource[];
  /** Extra reporting cues the project adds to the built-in list ("briefed", "posted"). */
  readonly extraCues?: readonly string[];
}

/** The suggester's signature: pure, synchronous, no I/O. Implemented in lib/suggest/index.ts. */
export type Suggester = (text: string, options?: SuggestOptions) => Suggestion[];
