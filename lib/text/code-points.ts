/**
 * Offset conversion between UTF-16 code units (what browsers and JS string
 * indices use) and Unicode code points (what we store, what Python and the W3C
 * Web Annotation model use). These simple versions walk the string, O(n) per
 * call; for many lookups on one text use `buildOffsetIndex`.
 *
 * A lone surrogate counts as one code point, as `for…of` and `Array.from` do.
 */

export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when index `i` sits between the two halves of a surrogate pair. */
export function splitsSurrogatePair(s: string, i: number): boolean {
  return i > 0 && i < s.length && isHighSurrogate(s.charCodeAt(i - 1)) && isLowSurrogate(s.charCodeAt(i));
}

export function assertOffset(offset: number, max: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${what} ${offset} is out of range: expected an integer from 0 to ${max}`);
  }
}

export function codePointLength(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    if (isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

export function utf16ToCodePoint(s: string, utf16Offset: number): number {
  assertOffset(utf16Offset, s.length, "UTF-16 offset");
  if (splitsSurrogatePair(s, utf16Offset)) {
    throw new RangeError(`UTF-16 offset ${utf16Offset} falls inside a surrogate pair`);
  }
  return codePointLength(s.slice(0, utf16Offset));
}

/**
 * Walks `count` code points forward from UTF-16 index `from`; returns the
 * UTF-16 index reached, or -1 when the string ends first.
 */
function advanceCodePoints(s: string, from: number, count: number): number {
  let i = from;
  for (let cp = 0; cp < count; cp++) {
    if (i >= s.length) return -1;
    if (isHighSurrogate(s.charCodeAt(i)) && isLowSurrogate(s.charCodeAt(i + 1))) i++;
    i++;
  }
  return i;
}

export function codePointToUtf16(s: string, cpOffset: number): number {
  const i = Number.isInteger(cpOffset) && cpOffset >= 0 ? advanceCodePoints(s, 0, cpOffset) : -1;
  if (i < 0) assertOffset(cpOffset, codePointLength(s), "code point offset");
  return i;
}

/** `s[start:end]` in Python terms: code point offsets, end exclusive. */
export function sliceCodePoints(s: string, start: number, end?: number): string {
  const from = codePointToUtf16(s, start);
  if (end === undefined) return s.slice(from);
  if (!Number.isInteger(end) || end < start) {
    throw new RangeError(`end ${end} must be an integer not less than start ${start}`);
  }
  // Continue from `from` so the string is walked once.
  const to = advanceCodePoints(s, from, end - start);
  if (to < 0) assertOffset(end, codePointLength(s), "end");
  return s.slice(from, to);
}
