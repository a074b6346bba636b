// Word-aware span edges, on a text's code points (an array from Array.from(text), or a
// CodePointText, which holds no array), so offsets are the same code-point offsets the database
// stores. Used when a selection is tagged (snap to whole words, drop surrounding spaces and
// punctuation) and when the keyboard moves an edge.
import { charAt, type Chars } from "./code-point-text";

const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]/u;
const JOINERS = new Set(["'", "’", "-", "‐", "."]);
// Spaces and punctuation are dropped at the edges of a span; symbols such as $ or % stay.
const TRIM = /[\s\p{P}]/u;
const BLANK = /\s/u;

export type CodePoints = readonly string[];
export type { Chars };

export function toCodePoints(text: string): string[] {
  return Array.from(text);
}

function isWord(chars: Chars, i: number): boolean {
  const ch = charAt(chars, i);
  if (ch === undefined) return false;
  if (WORD.test(ch)) return true;
  // An apostrophe, hyphen or dot between two word characters belongs to the word (don't, 5.5, ex-minister).
  return JOINERS.has(ch) && WORD.test(charAt(chars, i - 1) ?? "") && WORD.test(charAt(chars, i + 1) ?? "");
}

/** Widens [start, end) to whole words, then trims spaces and punctuation. Null if nothing is left. */
export function snapToWords(chars: Chars, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(chars.length, Math.max(start, end));
  while (s > 0 && isWord(chars, s) && isWord(chars, s - 1)) s--;
  while (e < chars.length && isWord(chars, e - 1) && isWord(chars, e)) e++;
  return trimEdges(chars, s, e);
}

/** Drops spaces and punctuation at both ends. */
export function trimEdges(chars: Chars, start: number, end: number): { start: number; end: number } | null {
  return trimWhile(chars, start, end, TRIM);
}

/**
 * What an Alt selection keeps: the selection exactly as made, minus blanks at either end. The
 * reviewer held Alt to keep what snapping would drop, such as a sentence's closing full stop.
 */
export function trimBlanks(chars: Chars, start: number, end: number): { start: number; end: number } | null {
  return trimWhile(chars, Math.max(0, Math.min(start, end)), Math.min(chars.length, Math.max(start, end)), BLANK);
}

function trimWhile(chars: Chars, start: number, end: number, drop: RegExp): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && drop.test(charAt(chars, s)!)) s++;
  while (e > s && drop.test(charAt(chars, e - 1)!)) e--;
  return s < e ? { start: s, end: e } : null;
}

/** The word at or after `offset`: [start, end). Null past the last word. */
export function wordAtOrAfter(chars: Chars, offset: number): { start: number; end: number } | null {
  let s = offset;
  while (s > 0 && isWord(chars, s - 1) && isWord(chars, s)) s--;
  while (s < chars.length && !isWord(chars, s)) s++;
  if (s >= chars.length) return null;
  let e = s;
  while (e < chars.length && isWord(chars, e)) e++;
  return { start: s, end: e };
}

/** The last word that ends at or before `offset`. Null before the first word. */
export function wordBefore(chars: Chars, offset: number): { start: number; end: number } | null {
  let e = offset;
  while (e > 0 && !isWord(chars, e - 1)) e--;
  if (e === 0) return null;
  let s = e;
  while (s > 0 && isWord(chars, s - 1)) s--;
  return { start: s, end: e };
}

export type Edge = "start" | "end";
export type Direction = "widen" | "narrow";

/**
 * Moves one edge of [start, end) by a word. The span never becomes empty: a move that
 * would cross the other edge leaves the span as it is.
 */
export function moveEdge(chars: Chars, span: { start: number; end: number }, edge: Edge, direction: Direction): { start: number; end: number } {
  const { start, end } = span;
  if (edge === "end") {
    if (direction === "widen") {
      const next = wordAtOrAfter(chars, end);
      return next === null ? span : { start, end: next.end };
    }
    const last = wordBefore(chars, end);
    const previous = last === null ? null : wordBefore(chars, last.start);
    return previous === null || previous.end <= start ? span : { start, end: previous.end };
  }
  if (direction === "widen") {
    const previous = wordBefore(chars, start);
    return previous === null ? span : { start: previous.start, end };
  }
  const first = wordAtOrAfter(chars, start);
  const next = first === null ? null : wordAtOrAfter(chars, first.end);
  return next === null || next.start >= end ? span : { start: next.start, end };
}
