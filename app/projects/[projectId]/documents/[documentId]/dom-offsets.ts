// The one bridge between the rendered text and stored offsets. Each paragraph is a <p> with
// data-start/data-end (code points) holding exactly one text node; the browser speaks UTF-16
// inside it, and lib/text converts. Nothing else in the client touches UTF-16 offsets.
import { buildOffsetIndex, type OffsetIndex } from "@/lib/text";

export interface ParagraphBox {
  start: number;
  end: number;
  element: HTMLElement;
  index: OffsetIndex;
}

export function collectParagraphs(root: HTMLElement): ParagraphBox[] {
  return [...root.querySelectorAll<HTMLElement>("p[data-start]")].map((element) => ({
    start: Number(element.dataset.start),
    end: Number(element.dataset.end),
    element,
    index: buildOffsetIndex(element.textContent ?? ""),
  }));
}

/** Binary search: the last paragraph starting at or before `offset`. */
export function paragraphIndexAt(paragraphs: ParagraphBox[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/**
 * A static range for code points [start, end), for the CSS highlights. Offsets between
 * paragraphs snap inward. Static, not a live Range: the text's nodes never change, and Chromium
 * updates every live Range in the document on each DOM change until the garbage collector frees
 * it; after a scroll through a long text has made and dropped thousands of them, each node the
 * panel inserts or removes cost 13 times as much (bench/RESULTS.md).
 */
export function rangeFor(paragraphs: ParagraphBox[], start: number, end: number): StaticRange | null {
  if (paragraphs.length === 0 || end <= start) return null;
  let first = paragraphIndexAt(paragraphs, start);
  if (start >= paragraphs[first]!.end && first + 1 < paragraphs.length) first++;
  const last = paragraphIndexAt(paragraphs, end - 1);
  // Only the blank between two paragraphs: nothing to draw (a static range may not run backwards).
  if (first > last) return null;
  const a = paragraphs[first]!;
  const b = paragraphs[last]!;
  const aNode = a.element.firstChild;
  const bNode = b.element.firstChild;
  if (aNode === null || bNode === null) return null;
  return new StaticRange({
    startContainer: aNode,
    startOffset: a.index.toUtf16(Math.min(Math.max(start - a.start, 0), a.end - a.start)),
    endContainer: bNode,
    endOffset: b.index.toUtf16(Math.min(Math.max(end - b.start, 0), b.end - b.start)),
  });
}

/** The code-point offset of a DOM position inside the text, or null outside it. */
export function offsetOf(paragraphs: ParagraphBox[], node: Node, offset: number): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const p = element?.closest<HTMLElement>("p[data-start]");
  if (p) {
    const box = paragraphs.find((b) => b.element === p);
    if (!box) return null;
    if (node.nodeType !== Node.TEXT_NODE) return offset === 0 ? box.start : box.end;
    // A position inside a surrogate pair (possible with some input methods) moves to its start.
    const text = box.index.text;
    let utf16 = Math.min(offset, text.length);
    const code = text.charCodeAt(utf16);
    if (utf16 > 0 && code >= 0xdc00 && code <= 0xdfff) utf16 -= 1;
    return box.start + box.index.toCodePoint(utf16);
  }
  // A boundary in the container itself (a selection that ends between paragraphs).
  const children = [...(element?.children ?? [])].filter((c) => c instanceof HTMLElement && c.dataset.start !== undefined) as HTMLElement[];
  if (children.length === 0) return null;
  const next = children[offset];
  return next ? Number(next.dataset.start) : Number(children[children.length - 1]!.dataset.end);
}

/** The code point under the mouse, for hover and click. */
export function offsetAtPoint(paragraphs: ParagraphBox[], x: number, y: number): number | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return offsetOf(paragraphs, position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? offsetOf(paragraphs, range.startContainer, range.startOffset) : null;
}
