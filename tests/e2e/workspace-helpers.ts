// Browser helpers for the annotation workspace tests.
import type { Page } from "playwright-core";

/** Drags the real mouse across the first occurrence of `needle` in the document text. */
export async function dragSelect(page: Page, needle: string): Promise<void> {
  const box = await page.evaluate((n) => {
    const ps = [...document.querySelectorAll<HTMLElement>("[data-testid=document-text] p")];
    const p = ps.find((el) => (el.textContent ?? "").includes(n));
    if (!p || !p.firstChild) throw new Error(`text not found: ${n}`);
    const at = p.textContent!.indexOf(n);
    const range = document.createRange();
    range.setStart(p.firstChild, at);
    range.setEnd(p.firstChild, at + n.length);
    p.scrollIntoView({ block: "center" });
    const rects = [...range.getClientRects()];
    const first = rects[0]!;
    const last = rects[rects.length - 1]!;
    return { x1: first.left + 2, y1: first.top + first.height / 2, x2: last.right - 2, y2: last.top + last.height / 2 };
  }, needle);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

/** The text under each range of a CSS highlight (the workspace paints static ranges, which have no toString). */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (n) =>
      [...((CSS.highlights.get(n) as Set<AbstractRange> | undefined) ?? [])].map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      }),
    name,
  );
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator(".save-status[data-state=saved]").waitFor();
}

export interface ApiSpan {
  id: number;
  kind: string;
  start: number;
  end: number;
  exact: string;
  version: number;
  attributes: Record<string, unknown>;
  note: string;
}

export async function apiSpans(page: Page): Promise<ApiSpan[]> {
  const [, , projectId, , documentId] = new URL(page.url()).pathname.split("/");
  const response = await page.request.get(new URL(`/api/projects/${projectId}/documents/${documentId}/annotations`, page.url()).toString());
  const body = (await response.json()) as { annotations: ApiSpan[] };
  return body.annotations;
}

/** The long article of the scale tests: 3,000 one-sentence items, ten a paragraph, then a closing paragraph nobody tags. */
export const SCALE_SPANS = 3000;
export const SCALE_KINDS = ["claim", "opinion", "quote"] as const;
export const scaleItem = (i: number): string => `Item ${String(i).padStart(4, "0")} reports that the levy is fair.`;
export const SCALE_CLOSING = "the harbour reopens in spring";
export const SCALE_TEXT =
  Array.from({ length: SCALE_SPANS / 10 }, (_, p) => Array.from({ length: 10 }, (_, k) => scaleItem(p * 10 + k + 1)).join(" ")).join("\n\n") +
  `\n\nClosing note: ${SCALE_CLOSING}.`;
