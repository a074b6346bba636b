// A text read by code point without an array of them: `Array.from(text)` holds a pointer per
// character (800 KB for a 30,000-word article, for as long as the page is open), where this
// keeps the text and the positions of its astral characters, usually none or a few.
import { isHighSurrogate, isLowSurrogate } from "./code-points";
import { buildOffsetIndex, type OffsetIndex } from "./offset-index";

/**
 * What the word, sentence and cursor functions read of a text: its code points by offset. An
 * array from `Array.from(text)` is one; `CodePointText` is another.
 */
export interface Chars {
  readonly length: number;
  /** The code point at a non-negative offset; undefined past the end. */
  at(offset: number): string | undefined;
  /** Code points [start, end), as Array.prototype.slice takes them. */
  slice(start?: number, end?: number): string[];
}

/** As Array.prototype.slice reads a start or an end: negative from the end, clamped to [0, length]. */
function clampOffset(offset: number | undefined, length: number, missing: number): number {
  if (offset === undefined) return missing;
  const n = Math.trunc(offset) || 0;
  return n < 0 ? Math.max(0, length + n) : Math.min(n, length);
}

export class CodePointText implements Chars {
  private readonly index: OffsetIndex;

  constructor(readonly text: string) {
    this.index = buildOffsetIndex(text);
  }

  get length(): number {
    return this.index.codePointLength;
  }

  at(offset: number): string | undefined {
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.length) return undefined;
    const u = this.index.toUtf16(offset);
    return isHighSurrogate(this.text.charCodeAt(u)) && isLowSurrogate(this.text.charCodeAt(u + 1)) ? this.text.slice(u, u + 2) : this.text[u];
  }

  slice(start?: number, end?: number): string[] {
    const s = clampOffset(start, this.length, 0);
    const e = clampOffset(end, this.length, this.length);
    return e <= s ? [] : Array.from(this.index.slice(s, e));
  }
}

/** `chars[offset]` for either kind of `Chars` (an array's `at` counts a negative offset from the end). */
export function charAt(chars: Chars, offset: number): string | undefined {
  return offset < 0 ? undefined : chars.at(offset);
}
