// Where the review page's disagreement strip draws its marks, in pixels. Each mark is a button
// that jumps to its difference, so each must be a touch target of at least 24 × 24 px (WCAG 2.2
// target size, 2.5.8) that no other mark overlaps. A mark sits where its difference starts in
// the text unless a neighbour is closer than that, in which case the marks are pushed apart just
// enough, keeping their order: a cluster still reads as a cluster.
import type { StripMark } from "./review";

export interface PlacedMark {
  readonly key: string;
  /** Pixels from the top of the strip. */
  readonly top: number;
  readonly height: number;
}

/** The strip height that holds `count` marks of `minSize` px without overlap. */
export function stripMinHeight(count: number, minSize: number): number {
  return count * minSize;
}

/**
 * Places the marks on a strip `stripHeight` px tall (grown to `stripMinHeight` if shorter), in
 * the order given. Every mark is at least `minSize` px tall, none overlaps the next, and all lie
 * inside the strip.
 */
export function placeStripMarks(marks: readonly StripMark[], stripHeight: number, minSize: number): PlacedMark[] {
  const height = Math.max(stripHeight, stripMinHeight(marks.length, minSize));
  const order = marks.map((_, i) => i).sort((a, b) => marks[a]!.top - marks[b]!.top || a - b);
  const tops = order.map((i) => marks[i]!.top * height);
  // Down the strip: no mark starts before the one above it ends.
  for (let i = 1; i < tops.length; i++) tops[i] = Math.max(tops[i]!, tops[i - 1]! + minSize);
  // Up the strip: the marks pushed past the bottom come back inside, as far as needed.
  for (let i = tops.length - 1; i >= 0; i--) {
    const limit = i === tops.length - 1 ? height - minSize : tops[i + 1]! - minSize;
    tops[i] = Math.min(tops[i]!, limit);
  }
  const placed: PlacedMark[] = new Array<PlacedMark>(marks.length);
  order.forEach((markIndex, i) => {
    const room = (i === order.length - 1 ? height : tops[i + 1]!) - tops[i]!;
    const wanted = Math.max(minSize, marks[markIndex]!.height * height);
    placed[markIndex] = { key: marks[markIndex]!.key, top: tops[i]!, height: Math.min(wanted, room) };
  });
  return placed;
}
