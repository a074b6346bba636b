// Where the keyboard's word cursor goes. Pure, so the browser tests can plan key presses with
// the same rules the workspace follows.
import { wordAtOrAfter, wordBefore, type Chars } from "@/lib/text/snap";

export interface Range2 {
  start: number;
  end: number;
}

/**
 * Where cursor keys start from: the cursor, else the current span's start, else the caret (the
 * last place the reviewer worked: where a cancelled selection or a tagged span was, or a click).
 */
export function cursorBase(cursor: Range2 | null, active: Range2 | null, caret: number): Range2 {
  return cursor ?? (active ? { start: active.start, end: active.start } : { start: caret, end: caret });
}

/** → and ←: the next or previous word. Null at either end of the text (the cursor stays). */
export function wordStep(chars: Chars, base: Range2, direction: 1 | -1): Range2 | null {
  if (direction === 1) return base.start === base.end ? wordAtOrAfter(chars, base.start) : wordAtOrAfter(chars, base.end);
  return base.start === base.end ? (wordBefore(chars, base.start) ?? wordAtOrAfter(chars, base.start)) : wordBefore(chars, base.start);
}

/**
 * ↓ and ↑: the first word of the next or previous paragraph. From a bare caret (no cursor yet)
 * both give the first word at the caret, so the keys work from the very start.
 */
export function paragraphStep(chars: Chars, paragraphStarts: readonly number[], base: Range2, bare: boolean, direction: 1 | -1): Range2 | null {
  if (bare) return wordAtOrAfter(chars, base.start);
  let current = 0;
  while (current + 1 < paragraphStarts.length && paragraphStarts[current + 1]! <= base.start) current++;
  const target = paragraphStarts[current + direction];
  return target === undefined ? null : wordAtOrAfter(chars, target);
}

/**
 * j and k from a cursor: the first span starting at or after it, or the last one starting
 * before it, wrapping round at the ends. `sorted` is in reading order.
 */
export function spanFromCursor<T extends Range2>(sorted: readonly T[], cursor: Range2, direction: 1 | -1): T | null {
  if (sorted.length === 0) return null;
  if (direction === 1) return sorted.find((s) => s.start >= cursor.start) ?? sorted[0]!;
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]!.start < cursor.start) return sorted[i]!;
  return sorted[sorted.length - 1]!;
}

/** After tagging: the first word after the new span, or null when the span ends the text. */
export function cursorAfter(chars: Chars, span: Range2): Range2 | null {
  return wordAtOrAfter(chars, span.end);
}
