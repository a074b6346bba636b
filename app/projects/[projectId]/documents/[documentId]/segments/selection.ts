// The browser's text selection as code-point offsets into the document. Each paragraph carries
// its start (in code points) as data-start; within it, the UTF-16 length of the text before
// the selection point is converted with lib/text, the one place offsets change units.
import { utf16ToCodePoint } from "@/lib/text";

export type SelectedRegion = { ok: true; start: number; end: number } | { ok: false; message: string };

function offsetAt(container: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("p[data-start]");
  if (!paragraph || !container.contains(paragraph)) return null;
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(node, offset);
  try {
    return Number(paragraph.dataset.start) + utf16ToCodePoint(paragraph.textContent ?? "", before.toString().length);
  } catch {
    return null; // a selection edge inside a surrogate pair: not a real character boundary
  }
}

export function selectedRegion(container: HTMLElement): SelectedRegion {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return { ok: false, message: "Select the re-published text in the document first." };
  }
  const range = selection.getRangeAt(0);
  const start = offsetAt(container, range.startContainer, range.startOffset);
  const end = offsetAt(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) {
    return { ok: false, message: "Select text inside the document, starting and ending in its paragraphs." };
  }
  return { ok: true, start, end };
}
