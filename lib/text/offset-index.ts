import { assertOffset, isHighSurrogate, isLowSurrogate, splitsSurrogatePair } from "./code-points";

/**
 * Precomputed conversions for one text, for when many offsets are converted
 * against the same document (a 30,000-word article with thousands of spans).
 * Only astral characters (surrogate pairs) make the two units differ, so we
 * record where they are and binary-search: O(log k) per lookup, k = number of
 * astral characters, and O(1) for the common text that has none.
 */
export interface OffsetIndex {
  readonly text: string;
  readonly utf16Length: number;
  readonly codePointLength: number;
  toCodePoint(utf16Offset: number): number;
  toUtf16(cpOffset: number): number;
  /** Code point offsets, end exclusive. */
  slice(start: number, end: number): string;
}

/** Number of entries in the ascending `sorted` that are < `value`. */
function countBelow(sorted: Uint32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Most texts (and most paragraphs) have no astral character: they share one empty table.
const NONE = new Uint32Array(0);

/**
 * One object per text with its methods on the prototype: the workspace builds one per
 * paragraph (hundreds), so closures and typed arrays of their own would add up.
 */
class TextOffsets implements OffsetIndex {
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(
    readonly text: string,
    private readonly astralUtf16: Uint32Array,
    private readonly astralCp: Uint32Array,
  ) {
    this.utf16Length = text.length;
    this.codePointLength = text.length - astralUtf16.length;
  }

  toCodePoint(utf16Offset: number): number {
    assertOffset(utf16Offset, this.utf16Length, "UTF-16 offset");
    if (splitsSurrogatePair(this.text, utf16Offset)) {
      throw new RangeError(`UTF-16 offset ${utf16Offset} falls inside a surrogate pair`);
    }
    // Every astral character that ends at or before the offset took 2 units for 1 code point.
    return utf16Offset - countBelow(this.astralUtf16, utf16Offset - 1);
  }

  toUtf16(cpOffset: number): number {
    assertOffset(cpOffset, this.codePointLength, "code point offset");
    return cpOffset + countBelow(this.astralCp, cpOffset);
  }

  slice(start: number, end: number): string {
    if (end < start) throw new RangeError(`end ${end} must not be less than start ${start}`);
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }
}

export function buildOffsetIndex(text: string): OffsetIndex {
  // Positions of each astral character, in both units.
  const utf16Starts: number[] = [];
  const cpStarts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
      cpStarts.push(i - utf16Starts.length);
      utf16Starts.push(i);
      i++;
    }
  }
  if (utf16Starts.length === 0) return new TextOffsets(text, NONE, NONE);
  return new TextOffsets(text, Uint32Array.from(utf16Starts), Uint32Array.from(cpStarts));
}
