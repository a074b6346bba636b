// The workspace's keyboard model in a real Chromium: tagging moves the cursor on, Esc keeps it,
// ↑/↓ work from the start, edge keys on a selection and on a saved span, `n` for the next
// untagged sentence, the `?` dialog, and mouse selections with and without Alt.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chordKeys, SHORTCUTS } from "@/lib/workspace/shortcuts";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { cursorText, drag, dragPoints, importAndOpen, offsetsOf, storedText } from "./keyboard-helpers";
import { apiSpans, waitSaved } from "./workspace-helpers";

// Each document gets its own title line: the importer refuses a text already in the project.
const textFor = (n: number): string =>
  [
    `Harbour report ${n}`,
    "The ferry left at dawn. Fog covered the bay all morning. The captain said the radar had failed twice.",
    "Nobody was hurt. Repairs will cost the port about $40,000, officials said.",
    "“We will not sail blind again,” the captain told the harbour board.",
  ].join("\n");

let server: TestServer;
let browser: Browser;
let page: Page;
let docs = 0;

async function freshDocument(text?: string): Promise<void> {
  docs += 1;
  await importAndOpen(page, server.baseUrl, `Keyboard document ${docs}`, text ?? textFor(docs));
  await page.getByTestId("document-text").focus();
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

const spansByText = async (): Promise<Record<string, string>> => Object.fromEntries((await apiSpans(page)).map((s) => [s.exact, s.kind]));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("keyboard tagging", () => {
  it("moves the cursor past each new span, so three taggings make three spans", async () => {
    await freshDocument();
    await press("ArrowDown", "ArrowDown"); // "Harbour", then "The"
    await press("Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight");
    expect(await cursorText(page)).toBe("The ferry left at dawn");
    await press("1");
    expect(await cursorText(page)).toBe("Fog");
    await press("Shift+ArrowRight", "Shift+ArrowRight", "2");
    expect(await cursorText(page)).toBe("bay");
    await press("Shift+ArrowRight", "3");
    expect(await cursorText(page)).toBe("morning");
    await waitSaved(page);
    expect(await spansByText()).toEqual({ "The ferry left at dawn": "claim", "Fog covered the": "opinion", "bay all": "quote" });
    await snapshot(page, "keyboard-tagged-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, "keyboard-tagged-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    // Focus stays in the text after a keyboard quote; Enter goes to its speaker, Esc comes back.
    const text = page.getByTestId("document-text");
    expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
    await press("Enter");
    const speaker = page.getByRole("combobox", { name: "Speaker (source)" });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    // This project has no sources yet, so the field has nothing to suggest and one Esc leaves it.
    await expect(page.getByRole("listbox").count()).resolves.toBe(0);
    await press("Escape");
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("acts on a keyboard tag before it is drawn: the next key tags the next word, Enter reaches the new quote's speaker", async () => {
    await freshDocument();
    await press("ArrowDown", "ArrowDown");
    await press("Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight", "Shift+ArrowRight");
    const text = page.getByTestId("document-text");
    // Keys dispatched in one task: the page cannot render between them.
    const sameTask = (...keys: string[]): Promise<void> =>
      text.evaluate((el, names) => {
        for (const key of names) el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
      }, keys);
    await sameTask("1", "1");
    await waitSaved(page);
    expect(await spansByText()).toEqual({ "The ferry left at dawn": "claim", Fog: "claim" });
    await sameTask("3", "Enter");
    const speaker = page.getByRole("combobox", { name: "Speaker (source)" });
    await expect.poll(() => speaker.evaluate((el) => el === document.activeElement)).toBe(true);
    await waitSaved(page);
    expect(await spansByText()).toEqual({ "The ferry left at dawn": "claim", Fog: "claim", covered: "quote" });
  });

  it("cancels a selection with Esc and keeps the cursor where it was", async () => {
    await freshDocument();
    await press("ArrowDown", "ArrowDown", "ArrowDown"); // "Nobody"
    await press("Shift+ArrowRight", "Shift+ArrowRight");
    expect(await cursorText(page)).toBe("Nobody was hurt");
    await press("Escape");
    expect(await cursorText(page)).toBe("Nobody");
    await press("ArrowRight", "1");
    expect(await cursorText(page)).toBe("hurt");

    // A cancelled mouse selection leaves the next → where the selection was, not at the top.
    const text = await storedText(page);
    await drag(page, await dragPoints(page, offsetsOf(text, "Repairs").start, offsetsOf(text, "cost").end));
    await page.getByRole("toolbar", { name: "Tag the selected text" }).waitFor();
    await press("Escape");
    await page.getByRole("toolbar", { name: "Tag the selected text" }).waitFor({ state: "detached" });
    await press("ArrowRight");
    expect(await cursorText(page)).toBe("Repairs");
    await waitSaved(page);
    expect(await spansByText()).toEqual({ was: "claim" });
  });

  it("moves by paragraph with ↑ and ↓ before any word was picked", async () => {
    await freshDocument();
    await press("ArrowDown");
    expect(await cursorText(page)).toBe("Harbour");
    await press("ArrowDown", "ArrowDown");
    expect(await cursorText(page)).toBe("Nobody");
    await press("ArrowUp");
    expect(await cursorText(page)).toBe("The");
    await page.reload();
    await page.getByTestId("document-text").focus();
    await press("ArrowUp");
    expect(await cursorText(page)).toBe("Harbour");
  });

  it("widens and narrows both edges of a selection, then of the saved span as versioned edits", async () => {
    await freshDocument();
    await press("ArrowDown", "ArrowDown", "ArrowRight"); // "ferry"
    await press("Shift+ArrowRight", "Shift+ArrowRight");
    expect(await cursorText(page)).toBe("ferry left at");
    await press("Alt+Shift+ArrowLeft");
    expect(await cursorText(page)).toBe("The ferry left at");
    await press("Alt+Shift+ArrowRight", "Shift+ArrowLeft");
    expect(await cursorText(page)).toBe("ferry left");
    await press("Control+Shift+ArrowLeft");
    expect(await cursorText(page)).toBe("The ferry left");
    await press("1");
    await waitSaved(page);
    const [created] = await apiSpans(page);
    expect(created).toMatchObject({ exact: "The ferry left", kind: "claim" });

    await press("k"); // the span before the cursor: the one just made
    await expect.poll(() => page.locator("#active-span-heading").textContent()).toContain("The ferry left");
    await press("Shift+ArrowRight");
    await waitSaved(page);
    await press("Alt+Shift+ArrowRight");
    await waitSaved(page);
    await expect.poll(async () => (await apiSpans(page))[0]?.exact).toBe("ferry left at");
    const [moved] = await apiSpans(page);
    expect(moved).toMatchObject({ id: created!.id, kind: "claim", ...offsetsOf(await storedText(page), "ferry left at") });
    expect(moved!.version).toBe(created!.version + 2);
  });

  it("jumps to the next sentence none of my spans touches with n", async () => {
    await freshDocument();
    const text = await storedText(page);
    await drag(page, await dragPoints(page, offsetsOf(text, "Nobody").start, offsetsOf(text, "hurt").end));
    await page.getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    await page.reload(); // start from the top, with no caret left by the mouse
    await page.getByTestId("document-text").focus();

    await press("n");
    expect(await cursorText(page)).toBe(`Harbour report ${docs}`);
    await press("n");
    expect(await cursorText(page)).toBe("The ferry left at dawn");
    await press("2");
    expect(await cursorText(page)).toBe("Fog");
    await press("n"); // the sentence that starts at the cursor
    expect(await cursorText(page)).toBe("Fog covered the bay all morning");
    await press("n", "n"); // "The captain said…", then past "Nobody was hurt" (tagged)
    expect(await cursorText(page)).toBe("Repairs will cost the port about $40,000, officials said");
    await press("n");
    expect(await cursorText(page)).toBe("We will not sail blind again,” the captain told the harbour board");
    await press("n"); // nothing left: the cursor stays and the reason is announced
    expect(await cursorText(page)).toBe("We will not sail blind again,” the captain told the harbour board");
    await expect.poll(() => page.locator(".workspace-text-wrap > [aria-live=polite]").textContent()).toBe("No untagged sentence after the cursor.");
  });

  it("lists every shortcut of the key table in the ? dialog and gives focus back on Esc", async () => {
    await freshDocument();
    await press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    for (const shortcut of SHORTCUTS) {
      const row = dialog.locator(`[data-action="${shortcut.action}"]`);
      await expect(row.locator("dd").textContent()).resolves.toBe(shortcut.description);
      await expect(row.locator("dt").textContent()).resolves.toContain(chordKeys(shortcut.chords[0]!).join(""));
    }
    await snapshot(page, "keyboard-shortcuts-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, "keyboard-shortcuts-390");
    await page.setViewportSize({ width: 1280, height: 900 });
    await press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByTestId("document-text").evaluate((el) => el === document.activeElement)).toBe(true);
    // The same dialog from its button, for people who reach for the mouse.
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();
    await dialog.waitFor({ state: "hidden" });
  });
});

describe("mouse selections", () => {
  it("keeps the closing full stop with Alt held, and drops it without", async () => {
    await freshDocument("“We must admit that Iraq is no longer united. Iraq is on the path to disintegration.” Khanjar said.");
    const text = await storedText(page);
    const sentence = offsetsOf(text, "Iraq is on the path to disintegration.");
    const points = await dragPoints(page, sentence.start, sentence.end);
    await page.keyboard.down("Alt");
    await drag(page, points);
    await page.keyboard.up("Alt");
    await page.getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    await drag(page, points);
    await page.getByRole("button", { name: "Opinion", exact: true }).click();
    await waitSaved(page);
    expect(await spansByText()).toEqual({ "Iraq is on the path to disintegration.": "claim", "Iraq is on the path to disintegration": "opinion" });
  });

  it("does not widen a selection that ends on the space before a word into that word", async () => {
    await freshDocument();
    const text = await storedText(page);
    const fog = offsetsOf(text, "Fog covered");
    await drag(page, await dragPoints(page, fog.start, fog.end, true)); // released over the space after "covered"
    await page.getByRole("button", { name: "Claim", exact: true }).click();
    await waitSaved(page);
    expect(await spansByText()).toEqual({ "Fog covered": "claim" });
  });
});
