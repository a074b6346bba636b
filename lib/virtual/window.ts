// Which rows of a long list are on screen, for lists that render only those (windowing).
// Rows may differ in height: offsets are prefix sums of each row's measured height, or an
// estimate until it is measured, so a row's top is offsets[i] and the list is offsets[count]
// tall. Pure and framework-free, so the arithmetic is unit-tested on its own.

/** offsets[i] is the top of row i; offsets[count] is the height of the whole list. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + Math.max(0, heightOf(i));
  return offsets;
}

/** The row under vertical position y (the last row for y at or past the end; 0 for an empty list). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  // Binary search for the last row whose top is at or above y.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface RowRange {
  /** First row to render. */
  readonly start: number;
  /** One past the last row to render. */
  readonly end: number;
}

/**
 * The rows that intersect [scrollTop, scrollTop + viewportHeight), plus `overscan` rows on
 * each side so a quick scroll or a keyboard step does not show blank space for a frame.
 */
export function visibleRange(offsets: Float64Array, scrollTop: number, viewportHeight: number, overscan = 4): RowRange {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = rowAt(offsets, top);
  let last = rowAt(offsets, top + Math.max(0, viewportHeight));
  // A row that starts exactly at the bottom edge is not visible.
  if (last > first && offsets[last]! >= top + viewportHeight) last--;
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) };
}

/**
 * The scroll position that brings row `index` fully into view while moving as little as
 * possible: unchanged if it already is, else aligned to the nearer edge (a row taller than
 * the viewport is aligned to the top).
 */
export function scrollToReveal(offsets: Float64Array, index: number, scrollTop: number, viewportHeight: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  const i = Math.min(Math.max(index, 0), count - 1);
  const top = offsets[i]!;
  const bottom = offsets[i + 1]!;
  const maxScroll = Math.max(0, offsets[count]! - viewportHeight);
  if (top < scrollTop || bottom - top > viewportHeight) return Math.min(top, maxScroll);
  if (bottom > scrollTop + viewportHeight) return Math.min(bottom - viewportHeight, maxScroll);
  return scrollTop;
}

/** The index `step` rows away from `from`, kept within the list (Home/End are ±Infinity). */
export function stepIndex(from: number, step: number, count: number): number {
  if (count <= 0) return -1;
  if (step === -Infinity) return 0;
  if (step === Infinity) return count - 1;
  return Math.min(Math.max(from + step, 0), count - 1);
}
