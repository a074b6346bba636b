// Lengths of regions of a text, in code points, end exclusive. Spans and segments may overlap or
// nest (a quote inside a quote), and a character counts once however many regions cover it.

export interface Interval {
  start: number;
  end: number;
}

/** Orders regions by where they start, in place; callers sort once per document. */
export function sortByStart<T extends Interval>(items: T[]): T[] {
  return items.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The number of positions covered by at least one region. `sorted` must be ordered by start
 * (sortByStart); one pass, no copies. Empty or inverted regions cover nothing.
 */
export function unionLength(sorted: readonly Interval[]): number {
  let total = 0;
  let runStart = 0;
  let runEnd = -1;
  for (const { start, end } of sorted) {
    if (end <= start) continue;
    if (start > runEnd) {
      if (runEnd > runStart) total += runEnd - runStart;
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) {
      runEnd = end;
    }
  }
  if (runEnd > runStart) total += runEnd - runStart;
  return total;
}

/** The region containing `position` (start <= position < end), or null; `sorted` by start. */
export function regionAt<T extends Interval>(sorted: readonly T[], position: number): T | null {
  // Segments of one document never overlap, so the last one starting at or before the position
  // is the only candidate. Binary search keeps a long page with many segments cheap.
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= position) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return null;
  const region = sorted[found]!;
  return position < region.end ? region : null;
}
