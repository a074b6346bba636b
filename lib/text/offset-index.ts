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
  const astralUtf16 = Uint32Array.from(utf16Starts);
  const astralCp = Uint32Array.from(cpStarts);
  const utf16Length = text.length;
  const cpLength = utf16Length - astralUtf16.length;

  function toCodePoint(utf16Offset: number): number {
    assertOffset(utf16Offset, utf16Length, "UTF-16 offset");
    if (splitsSurrogatePair(text, utf16Offset)) {
      throw new RangeError(`UTF-16 offset ${utf16Offset} falls inside a surrogate pair`);
    }
    // Every astral character that ends at or before the offset took 2 units for 1 code point.
    return utf16Offset - countBelow(astralUtf16, utf16Offset - 1);
  }

  function toUtf16(cpOffset: number): number {
    assertOffset(cpOffset, cpLength, "code point offset");
    return cpOffset + countBelow(astralCp, cpOffset);
  }

  function slice(start: number, end: number): string {
    if (end < start) throw new RangeError(`end ${end} must not be less than start ${start}`);
    return text.slice(toUtf16(start), toUtf16(end));
  }

  return { text, utf16Length, codePointLength: cpLength, toCodePoint, toUtf16, slice };
}
