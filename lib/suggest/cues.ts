// Reporting cues: the verbs and phrases that tie content to a speaker (PARC's "cue").
import type { Word } from "./words";

const BUILT_IN = [
  "said",
  "says",
  "say",
  "told",
  "tells",
  "added",
  "adds",
  "argued",
  "argues",
  "wrote",
  "writes",
  "tweeted",
  "posted",
  "stated",
  "states",
  "claimed",
  "claims",
  "insisted",
  "insists",
  "warned",
  "warns",
  "explained",
  "explains",
  "noted",
  "notes",
  "asked",
  "asks",
  "replied",
  "answered",
  "recalled",
  "recalls",
  "admitted",
  "admits",
  "acknowledged",
  "announced",
  "announces",
  "declared",
  "continued",
  "concluded",
  "observed",
  "commented",
  "suggested",
  "stressed",
  "emphasised",
  "emphasized",
  "maintained",
  "conceded",
  "predicted",
  "confirmed",
  "denied",
  "urged",
  "concedes",
  "conceded",
  "according to",
  "pointed out",
  "went on",
  "told reporters",
];

// Cues after which the speaker may follow the verb ("…,” said John Smith). After "told" the
// next name is the listener ("she told Reuters"), so it is not here.
const INVERTIBLE = new Set([
  "said",
  "says",
  "added",
  "adds",
  "wrote",
  "writes",
  "argued",
  "explained",
  "noted",
  "insisted",
  "warned",
  "continued",
  "asked",
  "replied",
  "answered",
  "claimed",
  "stated",
  "recalled",
  "observed",
  "concluded",
  "declared",
  "according to",
  "went on",
  "tweeted",
  "posted",
  "admitted",
  "stressed",
  "notes",
  "argues",
  "explains",
  "insists",
  "warns",
  "asks",
  "recalls",
  "claims",
  "states",
]);

export interface CueMatch {
  /** Index of the cue's first and last word. */
  readonly first: number;
  readonly last: number;
  readonly phrase: string;
  readonly invertible: boolean;
}

export type CueTable = ReadonlyMap<string, readonly string[][]>;

/** The cue phrases indexed by their first word, longest first. */
export function buildCues(extra: readonly string[] = []): CueTable {
  const table = new Map<string, string[][]>();
  for (const phrase of [...BUILT_IN, ...extra]) {
    const parts = phrase
      .toLowerCase()
      .trim()
      .split(/\s+/u)
      .filter((p) => p !== "");
    if (parts.length === 0) continue;
    const list = table.get(parts[0]!) ?? [];
    list.push(parts);
    list.sort((a, b) => b.length - a.length);
    table.set(parts[0]!, list);
  }
  return table;
}

/** The cue that starts at word `k`, if any (only words in `allowed`, the same clause run). */
export function cueAt(table: CueTable, words: readonly Word[], k: number, lastAllowed: number): CueMatch | null {
  // A capitalised "States" or "Says" is a name ("United States"), except a sentence-opening "According".
  if (/^\p{Lu}/u.test(words[k]!.text) && words[k]!.lower !== "according") return null;
  const candidates = table.get(words[k]!.lower);
  if (candidates === undefined) return null;
  for (const parts of candidates) {
    if (k + parts.length - 1 > lastAllowed) continue;
    if (parts.every((p, j) => words[k + j]!.lower === p)) {
      const phrase = parts.join(" ");
      return { first: k, last: k + parts.length - 1, phrase, invertible: INVERTIBLE.has(phrase) || INVERTIBLE.has(parts[0]!) };
    }
  }
  return null;
}
