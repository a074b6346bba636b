// 3,000 spans in a real Chromium: the workspace's span list and the review page's differences
// render only what is on screen, yet a keyboard user reaches the last one, the kind filters
// count right, and a span added far below the fold is in the list when scrolled to.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, setUpFirstAdmin, signIn, snapshot, startServer, type TestServer } from "./harness";
import { REVIEWER_PASSWORD, seedDocument, seedProject, seedSpans, userNamed, useServerDatabase } from "./review-seed";
import {
  dragSelect,
  waitSaved,
  SCALE_CLOSING as CLOSING,
  SCALE_KINDS as KINDS,
  SCALE_SPANS as SPANS,
  SCALE_TEXT as TEXT,
  scaleItem as item,
} from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let rhea: Page;
let projectId = 0;
let documentId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  const admin = await browser.newPage();
  await setUpFirstAdmin(admin, server.baseUrl);
  await admin.close();
  useServerDatabase(server);
  projectId = await seedProject(await userNamed("ada"), "Scale", [{ username: "rhea", displayName: "Rhea Reviewer" }]);
  documentId = await seedDocument(projectId, "Three thousand items", TEXT);
  await seedSpans(
    await userNamed("rhea"),
    projectId,
    documentId,
    TEXT,
    Array.from({ length: SPANS }, (_, i) => ({ kind: KINDS[i % 3]!, exact: item(i + 1) })),
  );
  rhea = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(rhea, server.baseUrl, "rhea", REVIEWER_PASSWORD);
  await rhea.goto(`${server.baseUrl}/projects/${projectId}/documents/${documentId}`);
  await rhea.getByTestId("document-text").waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const spanList = (page: Page): Locator => page.getByRole("list", { name: "Spans in reading order" });
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const li = document.activeElement?.closest("li");
    return { position: li?.getAttribute("aria-posinset"), of: li?.getAttribute("aria-setsize"), text: li?.textContent ?? "" };
  });

describe("a document with 3,000 spans", () => {
  it("keeps far fewer rows in the DOM than spans, and a keyboard user reaches the last span", async () => {
    const list = spanList(rhea);
    await list.locator("li").first().waitFor();
    const rendered = await list.locator("li").count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    await expect(list.locator("li").first().getAttribute("aria-setsize")).resolves.toBe(String(SPANS));

    await list.getByRole("button").first().focus();
    await rhea.keyboard.press("End");
    await expect.poll(() => focusedRow(rhea)).toMatchObject({ position: "3000", of: "3000", text: expect.stringContaining("Item 3000 reports") });
    await rhea.keyboard.press("ArrowUp");
    await expect.poll(() => focusedRow(rhea)).toMatchObject({ position: "2999", text: expect.stringContaining("Item 2999 reports") });
    await rhea.keyboard.press("j");
    await expect.poll(() => focusedRow(rhea)).toMatchObject({ position: "3000" });
    await rhea.keyboard.press("Enter");
    await expect.poll(() => rhea.locator("#active-span-heading").textContent()).toContain("Item 3000 reports");
    expect(await list.locator("li").count()).toBeLessThan(60);
    await snapshot(rhea, "span-list-3000-1280");
    await rhea.screenshot({ path: "tests/.artifacts/span-list-3000-1280-viewport.png" });
  });

  it("counts each kind in its filter, and a filter leaves only that kind in the list", async () => {
    const filters = rhea.getByRole("group", { name: "Show kinds" });
    for (const label of ["Claim", "Opinion", "Attributed quote"]) {
      await expect(filters.locator("label", { hasText: label }).textContent()).resolves.toBe(`${label} 1000`);
    }
    await filters.getByRole("checkbox", { name: /Opinion/ }).uncheck();
    await filters.getByRole("checkbox", { name: /Attributed quote/ }).uncheck();
    const list = spanList(rhea);
    await expect.poll(() => list.locator("li").first().getAttribute("aria-setsize")).toBe("1000");
    await rhea.getByText("1000 of 3000 shown.").waitFor();
    const kinds = await list.locator("li").evaluateAll((rows) => [...new Set(rows.map((r) => [...r.classList].find((c) => c.startsWith("kind-"))))]);
    expect(kinds).toEqual(["kind-claim"]);
    await filters.getByRole("checkbox", { name: /Opinion/ }).check();
    await filters.getByRole("checkbox", { name: /Attributed quote/ }).check();
    await expect.poll(() => list.locator("li").first().getAttribute("aria-setsize")).toBe("3000");
  });

  it("shows a span added far below the fold when the list is scrolled to it", async () => {
    await dragSelect(rhea, CLOSING);
    await rhea.getByRole("toolbar", { name: "Tag the selected text" }).getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(rhea);
    await rhea.getByRole("heading", { name: "Spans (3001)" }).waitFor();
    const list = spanList(rhea);
    const viewport = rhea.locator(".span-list-viewport");
    const closingRow = list.locator("li", { hasText: CLOSING });
    // Make another span the active one (the new span is kept on screen while it is active).
    await viewport.evaluate((el) => (el.scrollTop = 0));
    await list.getByRole("button").first().click();
    await expect.poll(() => rhea.locator("#active-span-heading").textContent()).toContain("Item 0001 reports");
    await expect.poll(() => closingRow.count()).toBe(0);
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => closingRow.count()).toBe(1);
    await expect(closingRow.getAttribute("aria-posinset")).resolves.toBe("3001");
    await rhea.setViewportSize({ width: 390, height: 844 });
    await snapshot(rhea, "span-list-3000-390");
    await rhea.locator(".span-list-viewport").scrollIntoViewIfNeeded();
    await rhea.screenshot({ path: "tests/.artifacts/span-list-3000-390-viewport.png" });
    await rhea.setViewportSize({ width: 1280, height: 900 });
  });

  it("renders only the review cards on screen, and p takes a keyboard user to the last of 3,001 differences", async () => {
    const ada = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(ada, server.baseUrl, "ada", "a long admin password");
    await ada.goto(`${server.baseUrl}/projects/${projectId}/review`);
    await expect(ada.getByTestId("review-status").textContent()).resolves.toBe("3001 of 3001 still to decide");
    await ada.goto(`${server.baseUrl}/projects/${projectId}/review/${documentId}`);
    await expect(ada.getByTestId("review-status").textContent()).resolves.toBe("3001 of 3001 still to decide");
    await ada.getByTestId("difference").first().waitFor();
    expect(await ada.getByTestId("difference").count()).toBeLessThan(30);
    await ada.keyboard.press("p");
    await expect.poll(() => ada.getByTestId("review-announcer").textContent()).toMatch(/^Difference 3001 of 3001/);
    await expect.poll(() => ada.evaluate(() => document.activeElement?.querySelector("mark")?.textContent)).toBe(CLOSING);
    await ada.keyboard.press("k");
    await expect.poll(() => ada.evaluate(() => document.activeElement?.querySelector("mark")?.textContent)).toBe(item(3000));
    expect(await ada.getByTestId("difference").count()).toBeLessThan(30);
    await snapshot(ada, "review-3000-1280");
    await ada.screenshot({ path: "tests/.artifacts/review-3000-1280-viewport.png" });
    await ada.close();
  });
});
