// Attribution suggestions in a real Chromium on a real server: a reviewer goes through them
// with Tab, accepts two with `a` (each becomes their attributed quote with the speaker linked in
// the sources registry) and rejects one with `r`; after a reload the rejected one stays gone and
// the accepted ones are spans. With the project's setting off, nothing is fetched or drawn.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIds } from "./every-page";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { importAndOpen } from "./keyboard-helpers";
import { apiSpans, dragSelect, highlightTexts, waitSaved } from "./workspace-helpers";

const ARTICLE = [
  "Harbor council votes on the flood levy",
  "“The levy is fair and the river will pay for itself,” Mayor Rana Haddad said on Tuesday.",
  "Critics were unconvinced. “This plan is reckless and nobody has costed it,” said Tom Okafor, a councillor for the eastern ward.",
  "“We have waited ten years for a decision,” a spokesperson for the harbour authority told reporters.",
].join("\n\n");

// The sample interview, read from ../shared at run time (third-party text: never copied here).
const SAMPLE = path.resolve(process.cwd(), "..", "shared", "corpus", "000_bc5b35d7452cbeee.txt");

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId: number;
let haddad: number;

interface Listed {
  key: string;
  exact: string;
  confidence: number;
}

async function api(method: "GET" | "POST", path: string, data?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await page.request.fetch(`${server.baseUrl}/api/projects/${projectId}${path}`, { method, data, headers: { origin: server.baseUrl } });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** What the server still offers on the open document. */
async function offered(): Promise<Listed[]> {
  const documentId = new URL(page.url()).pathname.split("/")[4];
  const listed = await api("GET", `/documents/${documentId}/suggestions`);
  expect(listed.status).toBe(200);
  return listed.body.suggestions as Listed[];
}

const active = async (): Promise<string> => (await highlightTexts(page, "pd-suggestion-active"))[0] ?? "";
const announced = async (): Promise<string> => (await page.locator(".workspace-text-wrap [aria-live=polite]").textContent()) ?? "";

/** Tab to the next suggestion; it must be the one holding `words`. */
async function tabTo(words: string): Promise<void> {
  await page.keyboard.press("Tab");
  await expect.poll(active).toContain(words);
  await expect.poll(announced).toContain(words);
  expect(await page.getByTestId("document-text").evaluate((el) => el === document.activeElement)).toBe(true);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
  projectId = (await demoIds(server)).projectId;
  const made = await api("POST", "/sources", { name: "Rana Haddad", kind: "person", affiliation: "Mayor of Harbor" });
  expect(made.status).toBe(201);
  haddad = (made.body.source as { id: number }).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("suggestions in the workspace", () => {
  it("accepts two with a, rejects one with r, and after a reload the rejected one stays gone", async () => {
    await importAndOpen(page, server.baseUrl, "Levy vote with quotes", ARTICLE);
    const panel = page.getByTestId("suggestions");
    await expect.poll(() => panel.getByRole("listitem").count()).toBeGreaterThanOrEqual(3);
    await expect.poll(async () => (await highlightTexts(page, "pd-suggestion")).length).toBeGreaterThanOrEqual(3);
    const before = await offered();
    expect(before).toHaveLength(3);
    const text = page.getByTestId("document-text");
    await text.focus();

    // Tab goes through the three in reading order, then leaves the text as usual (no trap);
    // back in the text, the next round starts from the first.
    await tabTo("levy is fair");
    await tabTo("plan is reckless");
    await tabTo("waited ten years");
    await page.keyboard.press("Tab");
    expect(await text.evaluate((el) => el === document.activeElement)).toBe(false);
    await text.focus();

    await tabTo("levy is fair");
    expect(await panel.locator("li.suggestion-row.active").innerText()).toContain("Rana Haddad");
    await snapshot(page, "suggestions-active-1280");
    await page.keyboard.press("a");
    await expect.poll(async () => (await apiSpans(page)).length).toBe(1);
    const [first] = await apiSpans(page);
    expect(first).toMatchObject({ kind: "quote", attributes: { source_id: haddad, speaker_type: "named_person" } });
    expect(first!.exact).toContain("levy is fair");
    await expect.poll(announced).toContain("Accepted as your attributed quote by Rana Haddad");

    await tabTo("plan is reckless");
    await page.keyboard.press("a");
    await expect.poll(async () => (await apiSpans(page)).length).toBe(2);
    const okafor = (await apiSpans(page)).find((s) => s.exact.includes("plan is reckless"))!;
    expect(okafor.kind).toBe("quote");
    const sources = await api("GET", "/sources?q=Okafor");
    const registered = (sources.body.sources as { id: number; name: string }[])[0]!;
    expect(registered.name).toBe("Tom Okafor");
    expect(okafor.attributes.source_id).toBe(registered.id);
    await expect.poll(announced).toContain("Tom Okafor (added to the sources)");

    await tabTo("waited ten years");
    const rejected = before.find((s) => s.exact.includes("waited ten years"))!;
    await page.keyboard.press("r");
    await expect.poll(async () => (await offered()).map((s) => s.key)).not.toContain(rejected.key);
    await expect.poll(announced).toContain("Suggestion rejected");
    expect((await apiSpans(page)).length).toBe(2);
    await snapshot(page, "suggestions-decided-1280");

    await page.reload();
    await page.getByTestId("document-text").waitFor();
    await expect.poll(() => panel.getByRole("heading", { name: /Suggestions/ }).innerText()).not.toContain("…");
    const shown = await panel.getByRole("listitem").allInnerTexts();
    expect(shown.some((t) => t.includes("waited ten years"))).toBe(false);
    expect(shown.some((t) => t.includes("levy is fair") || t.includes("plan is reckless"))).toBe(false);
    expect((await highlightTexts(page, "pd-suggestion")).some((t) => t.includes("waited ten years"))).toBe(false);
    const quotes = await highlightTexts(page, "pd-quote");
    expect(quotes.some((t) => t.includes("levy is fair"))).toBe(true);
    expect(quotes.some((t) => t.includes("plan is reckless"))).toBe(true);
    expect((await apiSpans(page)).map((s) => s.kind)).toEqual(["quote", "quote"]);
    await snapshot(page, "suggestions-reloaded-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, "suggestions-reloaded-390");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it.skipIf(!existsSync(SAMPLE))(
    "on the sample interview: two accepted with a share one registry speaker, one rejected with r stays gone after a reload",
    async () => {
      await importAndOpen(page, server.baseUrl, "Sample interview, suggested", readFileSync(SAMPLE, "utf8"));
      const panel = page.getByTestId("suggestions");
      await expect.poll(() => panel.getByRole("listitem").count()).toBeGreaterThan(3);
      const before = await offered();
      const keyOf = (words: string): string => before.find((s) => s.exact === words || s.exact.includes(words) || words.includes(s.exact))!.key;
      await page.getByTestId("document-text").focus();
      const settled: { key: string; words: string }[] = [];
      for (const decision of ["a", "a", "r"]) {
        await page.keyboard.press("Tab");
        await expect.poll(active).not.toBe("");
        const words = await active();
        settled.push({ key: keyOf(words), words });
        await page.keyboard.press(decision);
        await expect.poll(async () => (await offered()).map((s) => s.key)).not.toContain(settled.at(-1)!.key);
      }
      const spans = await apiSpans(page);
      expect(spans).toHaveLength(2);
      const registry = (await api("GET", "/sources")).body.sources as { id: number; name: string }[];
      for (const span of spans) {
        expect(span.kind).toBe("quote");
        expect(registry.map((r) => r.id)).toContain(span.attributes.source_id);
      }
      // The interview's first two quotes are Khanjar's: the second accept finds the source the first one made.
      expect(new Set(spans.map((s) => s.attributes.source_id)).size).toBe(1);

      await page.reload();
      await page.getByTestId("document-text").waitFor();
      await expect.poll(() => panel.getByRole("heading", { name: /Suggestions/ }).innerText()).not.toContain("…");
      const stillOffered = (await offered()).map((s) => s.key);
      for (const { key } of settled) expect(stillOffered).not.toContain(key);
      const rejected = settled[2]!.words;
      expect((await highlightTexts(page, "pd-suggestion")).some((t) => t === rejected)).toBe(false);
      expect((await panel.getByRole("listitem").allInnerTexts()).some((t) => t.includes(rejected))).toBe(false);
      expect((await apiSpans(page)).map((s) => s.kind)).toEqual(["quote", "quote"]);
      await snapshot(page, "suggestions-sample-interview");
    },
  );

  it("with the project's setting off, fetches and draws none", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/settings`);
    await page.getByText("Blind annotation studies may want them off").waitFor();
    await page.getByRole("checkbox", { name: "Suggest attributed quotes and their speakers" }).uncheck();
    await page.getByRole("button", { name: "Save suggestion settings" }).click();
    await page.getByRole("status").filter({ hasText: "Suggestions are off." }).waitFor();
    await snapshot(page, "suggestions-settings-1280");

    const asked: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/suggestions")) asked.push(r.url());
    });
    await importAndOpen(page, server.baseUrl, "Levy vote, suggestions off", `${ARTICLE}\n\nA second telling.`);
    await page.getByTestId("document-text").focus();
    await page.keyboard.press("Tab");
    expect(await page.getByTestId("document-text").evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await page.getByTestId("suggestions").count()).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.has("pd-suggestion"))).toBe(false);
    expect(asked).toEqual([]);
  });

  it("accepts every suggestion at or above the chosen confidence with one button", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/settings`);
    await page.getByRole("checkbox", { name: "Suggest attributed quotes and their speakers" }).check();
    await page.getByRole("button", { name: "Save suggestion settings" }).click();
    await page.getByRole("status").filter({ hasText: "Suggestions are on." }).waitFor();
    await importAndOpen(page, server.baseUrl, "Levy vote, accepted at once", `${ARTICLE}\n\nA third telling.`);
    const panel = page.getByTestId("suggestions");
    await expect.poll(() => panel.getByRole("listitem").count()).toBe(3);
    const offeredNow = await offered();
    await panel.getByLabel("Accept all ≥").selectOption({ label: "90%" });
    const expected = offeredNow.filter((s) => s.confidence >= 0.9).length;
    expect(expected).toBeGreaterThan(0);
    await panel.getByRole("button", { name: `Accept ${expected} suggestion` }).click();
    await expect.poll(async () => (await apiSpans(page)).length).toBe(expected);
    await expect.poll(() => panel.getByRole("listitem").count()).toBe(3 - expected);
    await panel
      .getByRole("status")
      .filter({ hasText: `Accepted ${expected}` })
      .waitFor();
    expect((await apiSpans(page)).every((s) => s.kind === "quote" && typeof s.attributes.source_id === "number")).toBe(true);
  });

  it("stops offering a suggestion under the reviewer's own new span, and offers it again once that span is deleted", async () => {
    await importAndOpen(page, server.baseUrl, "Levy vote, tagged over", `${ARTICLE}\n\nA fourth telling.`);
    const panel = page.getByTestId("suggestions");
    await expect.poll(() => panel.getByRole("listitem").count()).toBe(3);
    const drawn = (): Promise<string[]> => highlightTexts(page, "pd-suggestion");
    await expect.poll(async () => (await drawn()).some((t) => t.includes("nobody has costed it"))).toBe(true);
    // A claim over a few words inside Okafor's quote overlaps that suggestion.
    await dragSelect(page, "nobody has costed");
    await page.getByRole("toolbar", { name: "Tag the selected text" }).getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    await expect.poll(() => panel.getByRole("listitem").count()).toBe(2);
    await expect.poll(async () => (await drawn()).some((t) => t.includes("nobody has costed it"))).toBe(false);
    expect(await drawn()).toHaveLength(2);
    await page.getByRole("button", { name: "Delete span" }).click();
    await waitSaved(page);
    await expect.poll(() => panel.getByRole("listitem").count()).toBe(3);
    await expect.poll(async () => (await drawn()).some((t) => t.includes("nobody has costed it"))).toBe(true);
  });
});
