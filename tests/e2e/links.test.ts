// Claim links in a real Chromium: two documents of one story, a claim tagged in each; the
// first document's workspace suggests the other claim, L links it, and the link survives a
// reload. A document in no story says why it has no matches.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PROJECT } from "@/db/seed/demo";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { apiSpans, dragSelect, waitSaved } from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let page: Page;

const STORY = "Harbour ferry fares go up";
const FIRST = {
  title: "Ferry fares to rise in April",
  outlet: "Harbour Herald",
  text: "Ferry fares will rise by 15 percent in April, the harbour board announced on Monday.\n\nCommuters said they were not consulted.",
  claim: "Ferry fares will rise by 15 percent in April",
};
const SECOND = {
  title: "Board confirms fare increase",
  outlet: "Bay Courier",
  text: "The harbour board says ferry fares rise 15 percent from April.\n\nA weekly pass will also cost more.",
  claim: "ferry fares rise 15 percent from April",
};

/** Pastes a document into the demo project (in `story` when given) and returns its workspace URL. */
async function paste(p: Page, doc: { title: string; outlet: string; text: string }, story: string | null): Promise<string> {
  await p.goto(server.baseUrl);
  await p.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await p.getByRole("link", { name: "Add documents" }).click();
  const form = p.locator("form", { has: p.getByRole("heading", { name: "Paste text" }) });
  await form.getByLabel("Article text").fill(doc.text);
  await form.getByLabel("Title").fill(doc.title);
  // By name: the upload form beside it has fields with the same labels.
  await form.locator('input[name="outlet"]').fill(doc.outlet);
  if (story !== null) await form.locator('input[name="story"]').fill(story);
  await form.getByRole("button", { name: "Import text" }).click();
  await form.getByRole("link", { name: doc.title }).click();
  await p.getByTestId("document-text").waitFor();
  return p.url();
}

async function tagClaim(p: Page, url: string, needle: string): Promise<void> {
  await p.goto(url);
  await p.getByTestId("document-text").waitFor();
  await dragSelect(p, needle);
  await p.getByRole("button", { name: "Claim", exact: true }).click();
  await waitSaved(p);
}

/** Opens a document and makes its first span active with the keyboard. */
async function activateFirstSpan(p: Page, url: string, exact: string): Promise<void> {
  await p.goto(url);
  await p.waitForFunction(() => CSS.highlights.has("pd-claim"));
  await p.getByTestId("document-text").focus();
  await p.keyboard.press("j");
  await expect.poll(() => p.locator("#active-span-heading").textContent()).toContain(exact);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await setUpFirstAdmin(page, server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("linking the same claim across documents of a story", () => {
  it("suggests the other document's claim, links it with L, and keeps the link after a reload", async () => {
    const firstUrl = await paste(page, FIRST, STORY);
    const secondUrl = await paste(page, SECOND, STORY);
    await tagClaim(page, secondUrl, SECOND.claim);
    await tagClaim(page, firstUrl, FIRST.claim);

    await activateFirstSpan(page, firstUrl, FIRST.claim);
    const panel = page.getByRole("region", { name: /Same claim elsewhere/ });
    const suggestions = panel.getByRole("list", { name: "Suggested matches" });
    await suggestions.getByText(SECOND.claim).waitFor();
    await expect(suggestions.getByRole("listitem").first().textContent()).resolves.toContain("Bay Courier");
    await panel.getByText("links the first suggestion").waitFor();
    await snapshot(page, "links-suggested");

    await page.getByTestId("document-text").focus();
    await page.keyboard.press("l");
    const linked = panel.getByRole("list", { name: "Linked spans" });
    await linked.getByText(SECOND.claim).waitFor();
    await expect(linked.getByRole("listitem").first().textContent()).resolves.toContain(SECOND.title);
    await snapshot(page, "links-linked");

    await page.reload();
    await activateFirstSpan(page, firstUrl, FIRST.claim);
    await page.getByRole("list", { name: "Linked spans" }).getByText(SECOND.claim).waitFor();
    // The server agrees: the span's link holds both claims.
    const [span] = await apiSpans(page);
    const [, , projectId, , documentId] = new URL(page.url()).pathname.split("/");
    const response = await page.request.get(
      new URL(`/api/projects/${projectId}/documents/${documentId}/annotations/${span!.id}/matches`, server.baseUrl).toString(),
    );
    const body = (await response.json()) as { link: { spans: { exact: string }[] } };
    expect(body.link.spans.map((s) => s.exact).sort()).toEqual([FIRST.claim, SECOND.claim].sort());

    // Unlink from the panel: the claim goes back to the suggestions.
    await page
      .getByRole("list", { name: "Linked spans" })
      .getByRole("button", { name: /^Unlink/ })
      .click();
    await page.getByRole("list", { name: "Suggested matches" }).getByText(SECOND.claim).waitFor();
  });

  it("says why a document in no story has no matches", async () => {
    const url = await paste(
      page,
      { title: "A lone fare notice", outlet: "Harbour Herald", text: "Ferry fares will rise by 15 percent in April, a notice says." },
      null,
    );
    await tagClaim(page, url, "Ferry fares will rise by 15 percent");
    await page
      .getByRole("region", { name: /Same claim elsewhere/ })
      .getByText("This document is in no story")
      .waitFor();
  });
});
