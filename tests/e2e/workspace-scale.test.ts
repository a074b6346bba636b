// The workspace with 3,000 spans in a real Chromium: j walks a keyboard user through every span
// in reading order, the kind counts follow each tag and delete (running totals), the page stays
// under 5,000 DOM nodes, the page sends each span once (its words are not repeated beside the
// text), and a keyboard tag forces no layout between frames and makes neither the text nor the
// shortcut table again (page-work.ts).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSpans } from "../../lib/spans";
import { launchBrowser, setUpFirstAdmin, signIn, startServer, type TestServer } from "./harness";
import { forcedLayoutsDuring, installRenderCounter, remadeElementsDuring } from "./page-work";
import { REVIEWER_PASSWORD, seedDocument, seedProject, seedSpans, userNamed, useServerDatabase } from "./review-seed";
import {
  apiSpans,
  dragSelect,
  highlightTexts,
  waitSaved,
  SCALE_CLOSING as CLOSING,
  SCALE_KINDS as KINDS,
  SCALE_SPANS as SPANS,
  SCALE_TEXT as TEXT,
  scaleItem as item,
} from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let page: Page;
let url = "";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  const admin = await browser.newPage();
  await setUpFirstAdmin(admin, server.baseUrl);
  await admin.close();
  useServerDatabase(server);
  const projectId = await seedProject(await userNamed("ada"), "Scale", [{ username: "rhea", displayName: "Rhea Reviewer" }]);
  const documentId = await seedDocument(projectId, "Three thousand items", TEXT);
  const spans = Array.from({ length: SPANS }, (_, i) => ({ kind: KINDS[i % 3]!, exact: item(i + 1) }));
  await seedSpans(await userNamed("rhea"), projectId, documentId, TEXT, spans);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, server.baseUrl, "rhea", REVIEWER_PASSWORD);
  url = `${server.baseUrl}/projects/${projectId}/documents/${documentId}`;
  await page.goto(url);
  await page.getByTestId("document-text").waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const activeKey = (p: Page): Promise<string | null> => p.evaluate(() => document.querySelector<HTMLElement>(".span-list li.active")?.dataset.spanKey ?? null);
const kindCount = (p: Page, label: string): Promise<string | null> =>
  p.getByRole("group", { name: "Show kinds" }).locator("label", { hasText: label }).locator(".meta").textContent();

describe("the workspace with 3,000 spans", () => {
  it("lets a keyboard user reach every span in reading order with j", async () => {
    const expected = (await apiSpans(page)).sort(compareSpans).map((s) => String(s.id));
    // After each key press (at its keyup, once React has rendered), note the active span.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenKeys: string[] }).seenKeys = seen;
      document.addEventListener("keyup", (e) => {
        if (e.key === "j") seen.push(document.querySelector<HTMLElement>(".span-list li.active")?.dataset.spanKey ?? "");
      });
    });
    await page.getByTestId("document-text").focus();
    for (let i = 0; i < SPANS; i++) await page.keyboard.press("j");
    const seen = await page.evaluate(() => (window as unknown as { seenKeys: string[] }).seenKeys);
    expect(seen).toEqual(expected);
    // The active row is in the (windowed) list, and j wraps round to the first span.
    await page.keyboard.press("j");
    await expect.poll(() => activeKey(page)).toBe(expected[0]);
    await expect.poll(() => page.locator("[aria-live=polite]").first().textContent()).toContain("Item 0001 reports");
  }, 600_000);

  it("highlights the spans near the screen, and the last ones once scrolled to", async () => {
    const claims = (): Promise<string[]> => highlightTexts(page, "pd-claim");
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(async () => (await claims()).includes(item(1))).toBe(true);
    // Far fewer than the 1,000 claims are registered: the rest wait as offsets.
    const near = (await claims()).length;
    expect(near).toBeGreaterThan(0);
    expect(near).toBeLessThan(SPANS / 3 / 2);
    expect(await claims()).not.toContain(item(2998));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await claims()).includes(item(2998))).toBe(true);
    expect(await claims()).not.toContain(item(1));
  });

  it("draws with static ranges, which DOM changes elsewhere in the page do not have to update", async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await highlightTexts(page, "pd-claim")).includes(item(2998))).toBe(true);
    const kinds = await page.evaluate(() =>
      [...(CSS.highlights as unknown as Map<string, Set<AbstractRange>>).values()].flatMap((h) => [...h].map((r) => r.constructor.name)),
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["StaticRange"]));
  });

  it("keeps the page under 5,000 DOM nodes", async () => {
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    expect(nodes).toBeLessThan(5000);
  });

  it("updates the kind counts with each tag and delete", async () => {
    await expect(kindCount(page, "Claim")).resolves.toBe("1000");
    await dragSelect(page, CLOSING);
    await page.getByRole("toolbar", { name: "Tag the selected text" }).getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    await expect.poll(() => kindCount(page, "Claim")).toBe("1001");
    await page.getByRole("heading", { name: "Spans (3001)" }).waitFor();
    await page.getByRole("button", { name: "Delete span" }).click();
    await waitSaved(page);
    await expect.poll(() => kindCount(page, "Claim")).toBe("1000");
    await expect(kindCount(page, "Opinion")).resolves.toBe("1000");
    await page.getByRole("heading", { name: "Spans (3000)" }).waitFor();
  });

  it("shows a span tagged far below the fold in the list, and its kind filter counts and hides it", async () => {
    const list = page.getByRole("list", { name: "Spans in reading order" });
    await page.evaluate(() => window.scrollTo(0, 0));
    // Key "2" tags the selection at the end of the text as an opinion.
    await dragSelect(page, CLOSING);
    await page.keyboard.press("2");
    await waitSaved(page);
    // The row is the last of 3,001, far below what the windowed list drew before: it is drawn,
    // current, and on screen in the list.
    const row = list.locator("li", { hasText: CLOSING });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator("[aria-current=true]").count()).toBe(1);
    await expect.poll(() => row.isVisible()).toBe(true);
    await expect.poll(() => kindCount(page, "Opinion")).toBe("1001");

    const filter = (label: string): ReturnType<Page["getByLabel"]> => page.getByRole("group", { name: "Show kinds" }).getByLabel(label, { exact: false });
    await filter("Opinion").uncheck();
    await page.getByText("2000 of 3001 shown.").waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(await list.locator("li", { hasText: "opinion" }).count()).toBe(0);
    // The counts are the document's, whichever kinds are shown.
    await expect(kindCount(page, "Opinion")).resolves.toBe("1001");
    await filter("Claim").uncheck();
    await page.getByText("1000 of 3001 shown.").waitFor();
    await filter("Opinion").check();
    await filter("Claim").check();
    await expect.poll(() => page.getByText(/of 3001 shown/).count()).toBe(0);

    // Back to 3,000 spans for the tests that follow.
    await row.getByRole("button").first().click();
    await page.getByRole("button", { name: "Delete span" }).click();
    await waitSaved(page);
    await page.getByRole("heading", { name: "Spans (3000)" }).waitFor();
  });

  it("leaves the highlight alone when a save or an attribute edit does not move the span", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const first = item(1);
    await expect.poll(async () => (await highlightTexts(page, "pd-claim")).includes(first)).toBe(true);
    // Keep the range object that draws the first claim (a highlight lists its ranges in a stable order).
    const at = (await highlightTexts(page, "pd-claim")).indexOf(first);
    await page.evaluate((i) => {
      const range = [...(CSS.highlights.get("pd-claim") as unknown as Set<AbstractRange>)][i];
      (window as unknown as { kept: AbstractRange | undefined }).kept = range;
    }, at);
    // A click on the text's first words makes the span under them (item 1) current.
    await page
      .getByTestId("document-text")
      .locator("p")
      .first()
      .click({ position: { x: 4, y: 8 } });
    await expect.poll(() => page.locator("#active-span-heading").textContent()).toContain(first.slice(0, 40));
    await page.getByRole("combobox", { name: "Check-worthy" }).selectOption("yes");
    await waitSaved(page);
    await expect.poll(() => apiSpans(page).then((spans) => spans.find((s) => s.exact === first)?.attributes.checkworthy)).toBe("yes");
    // Chromium repaints every highlighted range on screen when a highlight changes: the edit
    // and its save left the same Range in place.
    const kept = await page.evaluate(() => {
      const range = (window as unknown as { kept: AbstractRange | undefined }).kept;
      return range !== undefined && (CSS.highlights.get("pd-claim") as unknown as Set<AbstractRange>).has(range);
    });
    expect(kept).toBe(true);
  });

  it("lays the page out only to draw a frame while a keyboard user moves the cursor and tags, and the list follows the new row", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId("document-text").focus();
    const outside = await forcedLayoutsDuring(browser, page, async () => {
      for (const key of ["ArrowRight", "ArrowRight", "1"]) await page.keyboard.press(key);
      await waitSaved(page);
      await page.getByRole("heading", { name: "Spans (3001)" }).waitFor();
      // The list measures the rows it drew in the frames that follow: let a few pass.
      for (let i = 0; i < 5; i++) await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    });
    expect(outside, "layouts forced between frames, by the script under each").toEqual([]);
    // The new row is in the list, current and on screen.
    const row = page.getByRole("list", { name: "Spans in reading order" }).locator("li.active");
    await expect.poll(() => row.isVisible()).toBe(true);
    await page.getByRole("button", { name: "Delete span" }).click();
    await waitSaved(page);
    await page.getByRole("heading", { name: "Spans (3000)" }).waitFor();
  });

  it("makes none of the text's paragraphs or the shortcut table's rows again when a span is tagged", async () => {
    await installRenderCounter(page);
    await page.getByRole("heading", { name: "Spans (3000)" }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId("document-text").focus();
    const made = await remadeElementsDuring(page, async () => {
      for (const key of ["ArrowRight", "ArrowRight", "1"]) await page.keyboard.press(key);
      await waitSaved(page);
      await page.getByRole("heading", { name: "Spans (3001)" }).waitFor();
    });
    // The list shows the new row, so React did work: the counter sees it.
    expect(made.list).toBeGreaterThan(0);
    expect({ text: made.text ?? 0, shortcuts: made.shortcuts ?? 0 }).toEqual({ text: 0, shortcuts: 0 });
    await page.getByRole("button", { name: "Delete span" }).click();
    await waitSaved(page);
    await page.getByRole("heading", { name: "Spans (3000)" }).waitFor();
  });

  it("fetches no other page ahead while the reviewer reads: the tabs, the review and the top bar are loaded when followed", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(await page.context().cookies());
    const reader = await context.newPage();
    const ahead: string[] = [];
    reader.on("request", (r) => {
      if (r.headers()["next-router-prefetch"] !== undefined || r.url().includes("_rsc=")) ahead.push(r.url());
    });
    await reader.goto(url);
    await reader.getByTestId("document-text").waitFor();
    // The links leave the screen and come back, as they do when a reviewer scrolls down and up.
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await reader.evaluate(() => window.scrollTo(0, 0));
    await reader.waitForLoadState("networkidle");
    expect(ahead).toEqual([]);
    // Following a tab still works (it is fetched when clicked).
    await reader.getByRole("navigation", { name: "Document pages" }).getByRole("link", { name: "Plain text", exact: true }).click();
    await reader.waitForURL(/\/text$/);
    expect(ahead.length).toBeGreaterThan(0);
    await context.close();
  });

  it("sends each span's words once: the page holds an item's text no more often than the text itself does", async () => {
    const html = await (await page.request.get(url)).text();
    const count = (needle: string): number => html.split(needle).length - 1;
    // The words appear in the rendered paragraph and in the text the workspace receives; a
    // span's exact/prefix/suffix copies (the old payload) would add more.
    expect(count("Item 1500 reports")).toBeLessThanOrEqual(2);
    expect(html).not.toMatch(/\\?"prefix\\?"/);
  });
});
