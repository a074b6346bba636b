// Comparing a story across outlets in a real browser: three small articles from three outlets on
// three dates, spans made through the API, one claim linked across all three. The comparison's
// density equals a hand count, a cell of "who speaks where" opens its quotes, the claim's
// timeline runs in date order, side-by-side reading lights linked spans in every column (by
// pointer and by keyboard), and the Stories page fits a 390 px window with a long story name.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codePointLength, countWords, utf16ToCodePoint } from "@/lib/text";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";

// 50 words by Unicode word segmentation (checked below), 2 claims: 40 claims per 1,000 words.
const NORTH = [
  "Ministers met in Baghdad on Monday to discuss the militias. Officials said the talks were long.",
  '"We agreed on a plan for the border," Ana Minister said after the meeting. Critics called the plan a reckless gamble.',
  "The ministers will meet again next month in Erbil to review the progress.",
].join("\n");
// An emoji first: every offset after it differs between code points and UTF-16 units.
const SOUTH = '😀 Baghdad talks. Ministers met on Monday, a statement said.\n"We agreed on a plan," Ana Minister told reporters. Analysts doubt it.';
const EAST = "Reports say ministers met in Baghdad this week. Nobody else commented.";
const STORY = "Baghdad talks";
const LONG_STORY = `A story whose name runs on and on ${"withoutanyspacesatallforaverylongstretch".repeat(2)} to the end`;

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId = 0;
let storyPath = "";
const docs: Record<"north" | "south" | "east", number> = { north: 0, south: 0, east: 0 };

async function createProject(name: string): Promise<number> {
  await page.goto(`${server.baseUrl}/projects/new`);
  await page.getByLabel("Project name").fill(name);
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  return Number(new URL(page.url()).pathname.split("/")[2]);
}

async function pasteDocument(title: string, text: string, outlet: string, date: string): Promise<number> {
  await page.goto(`${server.baseUrl}/projects/${projectId}/import`);
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Paste text" }) });
  await form.getByLabel("Article text").fill(text);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Outlet").fill(outlet);
  await form.getByLabel("Story").fill(STORY);
  await form.getByLabel("Publication date").fill(date);
  await form.getByRole("button", { name: "Import text" }).click();
  const link = page.getByRole("list", { name: "Imported documents" }).getByRole("link", { name: title });
  await link.waitFor();
  return Number((await link.getAttribute("href"))!.split("/").pop());
}

/** A POST from inside the page, so the browser sends the Origin header the server checks. */
async function post(path: string, body: unknown): Promise<{ status: number; json: { id?: number; error?: string } }> {
  return page.evaluate(
    async ([url, payload]) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      return { status: res.status, json: (await res.json()) as { id?: number; error?: string } };
    },
    [path, body] as const,
  );
}

/** Creates a span over the first occurrence of `needle` in the stored text (offsets in code points). */
async function span(documentId: number, needle: string, kind: "claim" | "opinion" | "quote", attributes: Record<string, unknown> = {}): Promise<number> {
  const text = await (await page.request.get(`${server.baseUrl}/projects/${projectId}/documents/${documentId}/text`)).text();
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const start = utf16ToCodePoint(text, at);
  const res = await post(`/api/projects/${projectId}/documents/${documentId}/annotations`, {
    kind,
    start,
    end: start + codePointLength(needle),
    exact: needle,
    attributes,
  });
  expect(res.status, res.json.error).toBe(201);
  return res.json.id!;
}

/** The text of one cell of a table found by its caption, by row header and column label. */
async function cell(caption: string, row: string, column: string): Promise<string> {
  return page.evaluate(
    ([cap, r, col]) => {
      const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent?.trim() === cap);
      if (!table) throw new Error(`no table “${cap}”`);
      const headers = [...table.querySelectorAll("thead th")].map((th) => th.querySelector("button")?.firstChild?.textContent?.trim() ?? "");
      const index = headers.indexOf(col);
      const tr = [...table.querySelectorAll("tbody tr")].find((x) => x.querySelector("th")?.textContent?.trim() === r);
      if (index < 0 || !tr) throw new Error(`no cell ${r} × ${col} in “${cap}” (columns: ${headers.join(", ")})`);
      return tr.children[index]!.textContent?.trim() ?? "";
    },
    [caption, row, column] as const,
  );
}

const quote = (speaker: string) => ({ speaker_text: speaker, speaker_type: "named_person", mode: "direct" });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
  projectId = await createProject("Coverage compared");
  docs.north = await pasteDocument("Ministers meet in Baghdad", NORTH, "Northern Ledger", "2024-03-01");
  docs.south = await pasteDocument("Talks in Baghdad", SOUTH, "Southern Wire", "2024-03-02");
  docs.east = await pasteDocument("A week of meetings", EAST, "Eastern Post", "2024-03-03");

  const claimNorth = await span(docs.north, "Ministers met in Baghdad on Monday", "claim", { certainty: "certain" });
  await span(docs.north, "The ministers will meet again next month in Erbil", "claim", { certainty: "probable" });
  await span(docs.north, "a reckless gamble", "opinion", { holder: "author", sentiment: -2 });
  await span(docs.north, "We agreed on a plan for the border", "quote", quote("Ana Minister"));
  const claimSouth = await span(docs.south, "Ministers met on Monday", "claim", { certainty: "certain" });
  await span(docs.south, "We agreed on a plan", "quote", quote("Ana Minister"));
  const claimEast = await span(docs.east, "ministers met in Baghdad this week", "claim", { certainty: "possible" });
  for (const other of [claimSouth, claimEast]) {
    const res = await post(`/api/projects/${projectId}/claim-links`, { annotationId: claimNorth, otherAnnotationId: other });
    expect(res.status, res.json.error).toBe(200);
  }
  await page.goto(`${server.baseUrl}/projects/${projectId}/stories`);
  const story = page.getByRole("region", { name: STORY });
  await story.getByRole("link", { name: "Compare", exact: true }).click();
  await page.getByRole("heading", { name: STORY, level: 1 }).waitFor();
  storyPath = new URL(page.url()).pathname;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the comparison of a story", () => {
  it("shows each outlet's density as counted by hand, and says which layer each document is in", async () => {
    expect(countWords(NORTH)).toBe(50);
    await page.goto(`${server.baseUrl}${storyPath}`);
    expect(await cell("Spans per outlet and per 1,000 words", "Northern Ledger", "Claims per 1,000 words")).toBe("40");
    expect(await cell("Spans per outlet and per 1,000 words", "Northern Ledger", "Words")).toBe("50");
    expect(await cell("Spans per outlet and per 1,000 words", "Southern Wire", "Claims")).toBe("1");
    // One reviewer (the admin) annotated, nothing is settled: each document shows that reviewer pooled.
    await expect(page.getByText("Layer shown:").textContent()).resolves.toContain("Mean of 1 reviewer in 3 documents");
    expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(5);
    await snapshot(page, "compare-story");
  });

  it("sorts a table from its column header and says so with aria-sort", async () => {
    await page.goto(`${server.baseUrl}${storyPath}`);
    const table = page.getByRole("region", { name: "Spans per outlet and per 1,000 words" });
    const header = table.locator("thead th", { hasText: /^Words/ });
    await header.getByRole("button").click();
    await expect(header.getAttribute("aria-sort")).resolves.toBe("ascending");
    await header.getByRole("button").press("Enter");
    await expect(header.getAttribute("aria-sort")).resolves.toBe("descending");
    const outlets = await table.locator("tbody th[scope=row]").allTextContents();
    expect(outlets[0]).toBe("Northern Ledger"); // the longest text first
  });

  it("opens a cell of who speaks where and lists the quotes behind it", async () => {
    await page.goto(`${server.baseUrl}${storyPath}`);
    expect(await cell("Attributed quotes per speaker and outlet", "Ana Minister", "Quotes in Northern Ledger")).toMatch(/^1/);
    const matrix = page.getByRole("region", { name: "Attributed quotes per speaker and outlet" });
    const row = matrix.locator("tbody tr", { has: page.locator("th", { hasText: "Ana Minister" }) });
    const first = row.getByRole("link").first(); // outlets by name: Eastern Post never quotes her
    expect(await first.textContent()).toBe("1");
    await first.click();
    await page.getByRole("heading", { name: "Ana Minister in Northern Ledger" }).waitFor();
    const quotes = page.getByRole("list", { name: "Quotes" }).locator("blockquote");
    expect(await quotes.allTextContents()).toEqual(["We agreed on a plan for the border"]);
    expect(new URL(page.url()).pathname).toBe(`${storyPath}/quotes`);
  });

  it("lists the linked claim's outlets in order of publication, the first appearance marked", async () => {
    await page.goto(`${server.baseUrl}${storyPath}`);
    const claims = page.getByRole("region", { name: "Claims across outlets" });
    const table = claims.locator("table").first();
    const headers = await table.locator("thead th").allTextContents();
    const outletColumn = headers.findIndex((h) => h.startsWith("Outlet"));
    const outlets = await table.locator(`tbody tr > :nth-child(${outletColumn + 1})`).allTextContents();
    expect(outlets).toEqual(["Northern Ledger", "Southern Wire", "Eastern Post"]);
    expect(await claims.locator("g[aria-description='first appearance'] circle").count()).toBe(1);
  });

  it("shows the same figures over the whole project from the Compare tab", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/stories`);
    await page.getByRole("navigation", { name: "Project pages" }).getByRole("link", { name: "Compare", exact: true }).click();
    await page.getByRole("heading", { name: "Compare outlets", level: 1 }).waitFor();
    expect(await cell("Spans per outlet and per 1,000 words", "Northern Ledger", "Claims per 1,000 words")).toBe("40");
  });

  it("answers 404 for a story that does not exist", async () => {
    const response = await page.goto(`${server.baseUrl}/projects/${projectId}/stories/999999`);
    expect(response?.status()).toBe(404);
  });
});

describe("side-by-side reading", () => {
  it("lights a shared speaker and a linked claim in every column, and moves between them with the keyboard", async () => {
    await page.goto(`${server.baseUrl}${storyPath}`);
    expect(await page.getByRole("link", { name: "Read side by side" }).first().getAttribute("href")).toContain(`${storyPath}/read?docs=`);
    await page.goto(`${server.baseUrl}${storyPath}/read?docs=${docs.north},${docs.south},${docs.east}`);
    await page.getByRole("heading", { name: "Read side by side", level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".read-column").count()).toBe(3);
    const column = (n: number) => page.getByTestId(`reading-text-${n}`);
    const northQuote = column(1).locator("mark.rd-quote[data-keys]").first();
    // Hover until the page has hydrated and the light follows the pointer.
    await expect
      .poll(async () => {
        await page.mouse.move(0, 0);
        await northQuote.hover();
        return column(2).locator("mark.rd-quote.lit").count();
      })
      .toBeGreaterThan(0);
    expect(await column(2).locator("mark.lit").allTextContents()).toEqual(["We agreed on a plan"]);

    await column(1).locator("mark.rd-claim[tabindex]").first().focus();
    expect(await column(3).locator("mark.lit").allTextContents()).toEqual(["ministers met in Baghdad this week"]);
    await page.keyboard.press("n");
    expect(await page.evaluate(() => document.activeElement?.closest("[data-column]")?.getAttribute("data-column"))).toBe("2");
    await page.keyboard.press("n");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("ministers met in Baghdad this week");
    await page.keyboard.press("p");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ministers met on Monday");
    await snapshot(page, "compare-read");
  });
});

describe("the Stories page at phone and desktop widths", () => {
  it("never scrolls sideways, even with a very long story name in every Move menu", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/stories`);
    await page.getByText("New story", { exact: true }).click();
    const form = page.getByRole("form", { name: "New story" });
    await form.getByLabel("Story name").fill(LONG_STORY);
    await form.getByRole("button", { name: "Create story" }).click();
    await page.getByRole("heading", { name: LONG_STORY, level: 2 }).waitFor();
    for (const width of [390, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.baseUrl}/projects/${projectId}/stories`);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(scroll, `at ${width} px`).toBeLessThanOrEqual(inner);
      await snapshot(page, `compare-stories-${width}`);
    }
  });
});
