// A region of a document named by the phrase it starts with and the phrase it ends with, as a
// reviewer types or pastes them, turned into code-point offsets (end exclusive).
import { codePointLength } from "@/lib/text";

export type PhraseRegion = { ok: true; start: number; end: number } | { ok: false; message: string };

/**
 * The region from the first occurrence of `startPhrase` to the end of the first occurrence of
 * `endPhrase` that begins at or after it (the two may be the same phrase, or overlap). Phrases
 * are matched exactly, after trimming the spaces a paste tends to bring along.
 */
export function findPhraseRegion(text: string, startPhrase: string, endPhrase: string): PhraseRegion {
  const first = startPhrase.trim();
  const last = endPhrase.trim();
  if (first === "" || last === "") return { ok: false, message: "Type or paste both the phrase the region starts with and the one it ends with." };
  const from = text.indexOf(first);
  if (from < 0) return { ok: false, message: `The text does not contain “${first}”.` };
  const at = text.indexOf(last, from);
  if (at < 0) return { ok: false, message: `The text does not contain “${last}” after “${first}”.` };
  const to = Math.max(at + last.length, from + first.length);
  const start = codePointLength(text.slice(0, from));
  return { ok: true, start, end: start + codePointLength(text.slice(from, to)) };
}
