// Browser helpers for the keyboard tests: a fresh document per test, exact mouse drags, and
// what the word cursor and the stored spans say.
import type { Page } from "playwright-core";
import { DEMO_PROJECT } from "@/db/seed/demo";
import { highlightTexts } from "./workspace-helpers";

/** Pastes `text` as a new document of the demo project and opens its workspace. */
export async function importAndOpen(page: Page, baseUrl: string, title: string, text: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await page.getByRole("link", { name: "Add documents" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Paste text" }) });
  await form.getByLabel("Article text").fill(text);
  await form.getByLabel("Title").fill(title);
  await form.getByRole("button", { name: "Import text" }).click();
  await form.getByRole("link", { name: title }).click();
  await page.getByTestId("document-text").waitFor();
  await page.waitForFunction(() => CSS.highlights.has("pd-cursor"));
}

/** The text under the keyboard's word cursor ("" when there is none). */
export async function cursorText(page: Page): Promise<string> {
  return (await highlightTexts(page, "pd-cursor"))[0] ?? "";
}

/** The stored document text, exactly as every offset counts it. */
export async function storedText(page: Page): Promise<string> {
  const response = await page.request.get(new URL(`${new URL(page.url()).pathname}/text`, page.url()).toString());
  return response.text();
}

export interface DragPoints {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Where to press and release the mouse to select code points [start, end) of the document: just
 * inside the first character's left edge and the last character's right edge, so the browser's
 * caret lands on exactly those boundaries. `endInSpace` releases over the middle of the character
 * after the range instead (a selection that ends on a space).
 */
export async function dragPoints(page: Page, start: number, end: number, endInSpace = false): Promise<DragPoints> {
  return page.evaluate(
    ({ start, end, endInSpace }) => {
      const ps = [...document.querySelectorAll<HTMLElement>("[data-testid=document-text] p[data-start]")];
      const charRect = (offset: number): DOMRect => {
        const p = ps.find((el) => Number(el.dataset.start) <= offset && offset < Number(el.dataset.end))!;
        const node = p.firstChild!;
        const text = node.textContent!;
        // Code points to UTF-16 inside the paragraph.
        const utf16 = Array.from(text)
          .slice(0, offset - Number(p.dataset.start))
          .join("").length;
        const width = text.codePointAt(utf16)! > 0xffff ? 2 : 1;
        const range = document.createRange();
        range.setStart(node, utf16);
        range.setEnd(node, utf16 + width);
        return range.getBoundingClientRect();
      };
      const first = ps.find((el) => Number(el.dataset.start) <= start && start < Number(el.dataset.end))!;
      first.scrollIntoView({ block: "center" });
      const a = charRect(start);
      const b = charRect(endInSpace ? end : end - 1);
      const x2 = endInSpace ? b.left + b.width / 2 : b.right - 1;
      return { x1: a.left + 1, y1: a.top + a.height / 2, x2, y2: b.top + b.height / 2 };
    },
    { start, end, endInSpace },
  );
}

export async function drag(page: Page, points: DragPoints): Promise<void> {
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
}

/** Code-point offsets of the first `needle` in `text`. */
export function offsetsOf(text: string, needle: string, from = 0): { start: number; end: number } {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length };
}
