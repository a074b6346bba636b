// The annotation workspace in a real Chromium: tag by mouse and by keyboard, reload and find
// the span where it was; code-point offsets on mixed-script text; two tabs on one span.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES, DEMO_PROJECT } from "@/db/seed/demo";
import { launchBrowser, snapshot, startServer, type TestServer } from "./harness";
import { apiSpans, dragSelect, highlightTexts, waitSaved } from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let page: Page;
let cookie: { name: string; value: string; url: string }[] = [];

async function setupAdmin(p: Page): Promise<void> {
  await p.goto(`${server.baseUrl}/setup`);
  await p.getByLabel("Username").fill("ada");
  await p.getByLabel("Display name").fill("Ada Admin");
  await p.getByLabel("Password", { exact: true }).fill("a long admin password");
  await p.getByLabel("Confirm password").fill("a long admin password");
  await p.getByRole("button", { name: "Create administrator" }).click();
  await p.getByRole("heading", { name: "Projects" }).waitFor();
}

async function openDemoArticle(p: Page, index: number): Promise<void> {
  await p.goto(server.baseUrl);
  await p.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await p.getByRole("link", { name: DEMO_ARTICLES[index]!.title, exact: true }).click();
  await p.getByTestId("document-text").waitFor();
  await p.waitForFunction(() => CSS.highlights.has("pd-quote"));
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await setupAdmin(page);
  cookie = (await page.context().cookies()).map((c) => ({ name: c.name, value: c.value, url: server.baseUrl }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("annotation workspace", () => {
  it("tags a mouse selection as an attributed quote with a new speaker and finds it after a reload", async () => {
    await openDemoArticle(page, 0);
    const quote = "We have had three drought summers in five years. Doing nothing is also a decision";
    await dragSelect(page, `“${quote},”`);
    await page.getByRole("toolbar", { name: "Tag the selected text" }).waitFor();
    await page.getByRole("button", { name: "Attributed quote", exact: true }).click();

    const speaker = page.getByRole("combobox", { name: "Speaker (source)" });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    await speaker.pressSequentially("Ilse Brandt");
    await page.getByRole("option", { name: "Create “Ilse Brandt” as a new source" }).click();
    await page.getByRole("group", { name: "New source" }).getByLabel("Affiliation").fill("Mayor of Port Calder");
    await page.getByRole("button", { name: "Create source" }).click();
    await page.getByRole("button", { name: "Unlink speaker" }).waitFor();
    await page.getByLabel("Mode").selectOption("direct");
    await page.getByLabel("Cue (said, told, according to…)").fill("told");
    await page.getByLabel("Addressee").fill("reporters");
    await page.getByLabel("Addressee").blur();
    await waitSaved(page);
    await snapshot(page, "workspace-quote");

    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get("pd-quote") as Set<Range> | undefined)?.size === 1);
    expect(await highlightTexts(page, "pd-quote")).toEqual([quote]);
    const [span] = await apiSpans(page);
    const text = DEMO_ARTICLES[0]!.text;
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    expect(span).toMatchObject({ kind: "quote", start, end: start + Array.from(quote).length, exact: quote });
    expect(span!.attributes).toMatchObject({ speaker_text: "Ilse Brandt", mode: "direct", cue: "told", addressee: "reporters" });
    await page.getByRole("list", { name: "Spans in reading order" }).getByRole("button").first().click();
    await expect.poll(() => page.getByRole("combobox", { name: "Speaker (source)" }).inputValue()).toBe("Ilse Brandt");
  });

  it("does the same with the keyboard only", async () => {
    await openDemoArticle(page, 0);
    const text = page.getByTestId("document-text");
    await text.focus();
    await page.keyboard.press("ArrowRight"); // word cursor on the first word
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown"); // fourth paragraph: "Councillor Tomas Reyes, …"
    for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight"); // "the"
    for (let i = 0; i < 6; i++) await page.keyboard.press("Shift+ArrowRight"); // … "renters"
    expect(await highlightTexts(page, "pd-cursor")).toEqual(["the levy would fall hardest on renters"]);
    await page.keyboard.press("3");
    // Focus stays in the text after a keyboard tag (the cursor moves on); Enter goes to the speaker.
    await page.keyboard.press("Enter");
    const speaker = page.getByRole("combobox", { name: "Speaker (source)" });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("Tomas Reyes");
    await page.getByRole("option", { name: "Create “Tomas Reyes” as a new source" }).waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab"); // from the name to the type
    await page.keyboard.press("Tab"); // affiliation
    await page.keyboard.type("Port Calder council");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // Create source
    // The speaker is linked (not just typed) once the source exists: then "Unlink speaker" appears.
    await page.getByRole("button", { name: "Unlink speaker" }).waitFor();
    await waitSaved(page);

    await page.reload();
    await page.waitForFunction(() => (CSS.highlights.get("pd-quote") as Set<Range> | undefined)?.size === 2);
    expect((await highlightTexts(page, "pd-quote")).sort()).toEqual(
      ["We have had three drought summers in five years. Doing nothing is also a decision", "the levy would fall hardest on renters"].sort(),
    );
    await page.getByTestId("document-text").focus();
    const activeHeading = page.locator("#active-span-heading");
    await page.keyboard.press("j");
    await expect.poll(() => activeHeading.textContent()).toContain("We have had three drought summers");
    await page.keyboard.press("j");
    await expect.poll(() => activeHeading.textContent()).toContain("the levy would fall hardest on renters");
    await expect.poll(() => page.getByRole("combobox", { name: "Speaker (source)" }).inputValue()).toBe("Tomas Reyes");
    await snapshot(page, "workspace-keyboard");
  });

  it("stores code-point offsets for Arabic words after an emoji, as Python's str slicing gives", async () => {
    await page.goto(server.baseUrl);
    await page.getByRole("link", { name: DEMO_PROJECT.name }).click();
    await page.getByRole("link", { name: "Add documents" }).click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Paste text" }) });
    await form.getByLabel("Article text").fill("Tap 👍🏽 then “قال الوزير” — ok");
    await form.getByLabel("Title").fill("Mixed scripts");
    await form.getByRole("button", { name: "Import text" }).click();
    await form.getByRole("link", { name: "Mixed scripts" }).click();
    await page.getByTestId("document-text").waitFor();
    await page.waitForFunction(() => CSS.highlights.has("pd-claim"));
    await dragSelect(page, "قال الوزير");
    await page.getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    const [span] = await apiSpans(page);
    // python3 -c 't="Tap 👍🏽 then “قال الوزير” — ok"; s=t.index("قال"); print(s, s+len("قال الوزير"))' → 13 23
    expect(span).toMatchObject({ start: 13, end: 23, exact: "قال الوزير" });
  });

  it("refuses the second of two tabs saving one span, with a message, and keeps its text", async () => {
    await openDemoArticle(page, 0);
    const tabA = page;
    const contextB = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await contextB.addCookies(cookie);
    const tabB = await contextB.newPage();
    await tabB.goto(tabA.url());
    await tabB.waitForFunction(() => CSS.highlights.has("pd-quote"));
    for (const tab of [tabA, tabB]) await tab.getByRole("list", { name: "Spans in reading order" }).getByRole("button").first().click();

    await tabA.getByLabel("Note").fill("Tab A's note");
    await tabA.getByLabel("Note").blur();
    await waitSaved(tabA);
    await tabB.getByLabel("Note").fill("Tab B's note");
    await tabB.getByLabel("Note").blur();
    const alert = tabB.getByRole("alert").filter({ hasText: "another tab" });
    await alert.waitFor();
    await expect(tabB.getByLabel("Note").inputValue()).resolves.toBe("Tab B's note");
    await expect(tabB.locator(".save-status").textContent()).resolves.toContain("not saved: changed elsewhere");
    await snapshot(tabB, "workspace-conflict");
    const spans = await apiSpans(tabA);
    expect(spans.find((s) => s.note !== "")?.note).toBe("Tab A's note");
    // Tab B may then choose, explicitly, to put its version on top of A's.
    await tabB.getByRole("button", { name: "Keep my version" }).click();
    await waitSaved(tabB);
    expect((await apiSpans(tabA)).find((s) => s.note !== "")?.note).toBe("Tab B's note");
    await contextB.close();
  });

  it("deletes a span with the Delete key and restores it from the deleted list", async () => {
    await openDemoArticle(page, 0);
    const before = await apiSpans(page);
    await page.getByTestId("document-text").focus();
    await page.keyboard.press("j");
    await page.keyboard.press("Delete");
    await waitSaved(page);
    expect(await apiSpans(page)).toHaveLength(before.length - 1);
    await page.getByRole("button", { name: "Show deleted spans" }).click();
    await page.getByRole("region", { name: "Deleted spans" }).getByRole("button", { name: "Restore" }).first().click();
    await expect.poll(async () => (await apiSpans(page)).length).toBe(before.length);
  });

  it("snaps a selection to whole words, and keeps it exact while Alt is held", async () => {
    await openDemoArticle(page, 1);
    await dragSelect(page, "rationing noti"); // ends inside "notices"
    await page.getByRole("button", { name: "Opinion", exact: true }).click();
    await waitSaved(page);
    await page.keyboard.down("Alt");
    await dragSelect(page, "lawns, Port Cal");
    await page.keyboard.up("Alt");
    await page.getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    const exacts = (await apiSpans(page)).map((s) => s.exact).sort();
    expect(exacts).toEqual(["lawns, Port Cal", "rationing notices"]);
  });

  it("retries a failed save, then offers a retry that saves it once the server is back", async () => {
    await openDemoArticle(page, 2);
    let blocked = 0;
    await page.route("**/annotations", (route) => {
      if (route.request().method() !== "POST") return route.continue();
      blocked += 1;
      return route.abort("connectionrefused");
    });
    await dragSelect(page, "another bill");
    await page.getByRole("button", { name: "Claim", exact: true }).click();
    const status = page.locator(".save-status.failed");
    await status.waitFor();
    expect(blocked).toBe(3); // the first try and two automatic retries
    await expect(status.textContent()).resolves.toContain("1 change not saved");
    expect(await highlightTexts(page, "pd-claim")).toContain("another bill"); // the work stays on screen
    await page.unroute("**/annotations");
    await status.getByRole("button", { name: "Retry" }).click();
    await waitSaved(page);
    expect((await apiSpans(page)).map((s) => s.exact)).toContain("another bill");
  });
});
