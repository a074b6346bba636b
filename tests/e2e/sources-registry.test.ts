// The sources registry in a real Chromium: the workspace offers the existing "Khamis
// al-Khanjar" when a reviewer types "Khanjar", and on the Sources page a manager merges a
// duplicate into it, sees its quotes follow and the merge in the history, undoes it, and
// sees everything as it was. The tests run in order on one server: the first links a quote
// to "Khamis al-Khanjar" before any "Khanjar" exists.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIds } from "./every-page";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { onServerDatabase } from "./server-database";
import { documents } from "@/db/tables";
import { apiSpans, dragSelect, waitSaved } from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId: number;
/** Two demo documents from different outlets, with their text. */
let docs: { id: number; text: string }[];
let khamis: number;

async function api(method: "POST" | "GET", path: string, data?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await page.request.fetch(`${server.baseUrl}/api/projects/${projectId}${path}`, { method, data, headers: { origin: server.baseUrl } });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}

/** Tags the first occurrence of `exact` in a document as a quote naming `sourceId`, through the API. */
async function quote(doc: { id: number; text: string }, exact: string, sourceId: number): Promise<void> {
  const start = Array.from(doc.text.slice(0, doc.text.indexOf(exact))).length;
  const made = await api("POST", `/documents/${doc.id}/annotations`, {
    kind: "quote",
    start,
    end: start + Array.from(exact).length,
    exact,
    attributes: { source_id: sourceId },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
}

/** The Quotes, Documents and Outlets cells of a source's row on the Sources page. */
async function counts(name: string): Promise<string[]> {
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
  return row.locator("td.num").allTextContents();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
  projectId = (await demoIds(server)).projectId;
  const withOutlets = await onServerDatabase(server, (db) =>
    db
      .select({ id: documents.id, text: documents.text, outletId: documents.outletId })
      .from(documents)
      .where(and(eq(documents.projectId, projectId), isNotNull(documents.outletId)))
      .orderBy(asc(documents.id)),
  );
  // The first document of each of the first two outlets.
  const outlets = [...new Set(withOutlets.map((d) => d.outletId))].slice(0, 2);
  docs = outlets.map((outletId) => withOutlets.find((d) => d.outletId === outletId)!);
  const made = await api("POST", "/sources", { name: "Khamis al-Khanjar", kind: "person", affiliation: "Sunni politician" });
  expect(made.status).toBe(201);
  khamis = (made.body.source as { id: number }).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the speaker picker", () => {
  it("offers “Khamis al-Khanjar” for “Khanjar”, before and instead of making a new source", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/documents/${docs[0]!.id}`);
    await page.getByTestId("document-text").waitFor();
    const quoted = "We have had three drought summers in five years";
    expect(docs[0]!.text).toContain(quoted);
    await dragSelect(page, quoted);
    await page.getByRole("button", { name: "Attributed quote", exact: true }).click();
    const speaker = page.getByRole("combobox", { name: "Speaker (source)" });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    await speaker.pressSequentially("Khanjar");

    // The existing source comes first and is highlighted; making a new one is the last choice.
    const options = page.getByRole("listbox", { name: "Sources" }).getByRole("option");
    await expect.poll(() => options.allTextContents()).toEqual(["Khamis al-Khanjar person · Sunni politician", "Create “Khanjar” as a new source"]);
    expect(await options.first().getAttribute("aria-selected")).toBe("true");

    // Asked to create "Khanjar" anyway, the picker first offers the existing speaker, focused.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const use = page.getByRole("group", { name: "New source" }).getByRole("button", { name: "Use Khamis al-Khanjar (Sunni politician)" });
    await expect.poll(() => use.evaluate((el) => el === document.activeElement)).toBe(true);
    await snapshot(page, "sources-picker-near-match");
    await page.keyboard.press("Enter");

    await expect.poll(() => speaker.inputValue()).toBe("Khamis al-Khanjar");
    await waitSaved(page);
    const [span] = await apiSpans(page);
    expect(span!.attributes).toMatchObject({ source_id: khamis });
    const all = await api("GET", "/sources?q=");
    expect((all.body.sources as { name: string }[]).map((s) => s.name)).toEqual(["Khamis al-Khanjar"]);
  });
});

describe("the Sources page", () => {
  it("merges a duplicate: its quotes follow, the history shows it, and undo restores it", async () => {
    const made = await api("POST", "/sources", { name: "Khanjar", kind: "person" });
    const khanjar = (made.body.source as { id: number }).id;
    await quote(docs[0]!, "Kessler Point", khanjar);
    await quote(docs[1]!, "Kessler Point", khanjar);

    await page.goto(`${server.baseUrl}/projects/${projectId}`);
    await page.getByRole("navigation", { name: "Project pages" }).getByRole("link", { name: "Sources" }).click();
    await page.getByRole("heading", { name: "Sources", level: 1 }).waitFor();
    expect(await counts("Khanjar")).toEqual(["2", "2", "2"]);
    expect(await counts("Khamis al-Khanjar")).toEqual(["1", "1", "1"]);

    await page.getByLabel("Duplicate to merge away").selectOption({ label: "Khanjar" });
    await page.getByLabel("Source to keep").selectOption({ label: "Khamis al-Khanjar (Sunni politician)" });
    await page.getByText("2 quotes in 2 documents will follow to “Khamis al-Khanjar”").waitFor();
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Merged “Khanjar” into “Khamis al-Khanjar”: 2 spans moved." }).waitFor();

    await expect.poll(() => counts("Khamis al-Khanjar")).toEqual(["3", "2", "2"]);
    expect(await page.getByRole("rowheader", { name: "Khanjar", exact: true }).count()).toBe(0);
    const keptRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Khamis al-Khanjar" }) });
    expect(await keptRow.locator("td.aliases").textContent()).toBe("Khanjar");
    const history = page.getByRole("list", { name: "Registry history" }).getByRole("listitem");
    await expect.poll(() => history.first().textContent()).toContain("Merged “Khanjar” into “Khamis al-Khanjar”: 2 spans moved.");
    await snapshot(page, "sources-merged-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await snapshot(page, "sources-merged-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    // The filter narrows the table by name or alias.
    await page.getByLabel("Find a source").fill("Brandt");
    await page.getByRole("status").filter({ hasText: "0 of 1 source" }).waitFor();
    await page.getByLabel("Find a source").fill("khanjar");
    await page
      .getByRole("status")
      .filter({ hasText: /^1 source$/ })
      .waitFor();
    expect(await page.getByRole("rowheader").allTextContents()).toEqual(["Khamis al-Khanjar"]);

    await history.first().getByRole("button", { name: "Undo merge" }).click();
    await page.getByRole("status").filter({ hasText: "Restored “Khanjar”; 2 moved back." }).waitFor();
    await expect.poll(() => counts("Khanjar")).toEqual(["2", "2", "2"]);
    expect(await counts("Khamis al-Khanjar")).toEqual(["1", "1", "1"]);
    expect(await keptRow.locator("td.aliases").textContent()).toBe("");
    await expect.poll(() => history.first().textContent()).toContain("Undid the merge of “Khanjar” into “Khamis al-Khanjar”: 2 spans moved back.");
    expect(await history.nth(1).getByRole("button", { name: "Undo merge" }).count()).toBe(0);
    const spans = await api("GET", `/documents/${docs[1]!.id}/annotations`);
    expect((spans.body.annotations as { attributes: { source_id?: number } }[]).map((a) => a.attributes.source_id)).toEqual([khanjar]);
    await snapshot(page, "sources-undone-1280");
  });

  it("edits a source and its aliases from the keyboard, refusing a duplicate alias with a reason", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/sources`);
    await page.getByRole("button", { name: "Edit Khamis al-Khanjar" }).click();
    const editor = page.getByRole("region", { name: "Edit “Khamis al-Khanjar”" });
    await expect.poll(() => editor.getByRole("textbox", { name: "Name" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await editor.getByRole("textbox", { name: "Affiliation" }).fill("Al-Azm alliance");
    await editor.getByRole("textbox", { name: "Affiliation" }).press("Enter");
    await editor.getByRole("status").filter({ hasText: "Saved." }).waitFor();

    await editor.getByLabel("New alias").fill("Sheikh Khamis");
    await editor.getByLabel("New alias").press("Enter");
    await editor.getByRole("status").filter({ hasText: "Added the alias “Sheikh Khamis”." }).waitFor();
    await editor.getByLabel("New alias").fill("sheikh khamis");
    await editor.getByLabel("New alias").press("Enter");
    await editor.getByRole("alert").filter({ hasText: "“sheikh khamis” is already an alias of “Khamis al-Khanjar”." }).waitFor();
    expect(await editor.getByLabel("New alias").inputValue()).toBe("sheikh khamis");

    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Khamis al-Khanjar" }) });
    await expect.poll(() => row.locator("td").allTextContents()).toEqual(["person", "1", "1", "1", "Al-Azm alliance", "Sheikh Khamis", "Edit"]);
    await snapshot(page, "sources-editor-1280");
    await editor.getByRole("button", { name: "Remove the alias Sheikh Khamis" }).click();
    await expect.poll(() => row.locator("td.aliases").textContent()).toBe("");
    await page.getByRole("list", { name: "Registry history" }).getByText("Edited “Khamis al-Khanjar”: alias “Sheikh Khamis” removed.").waitFor();
  });
});
