// Reviewing disagreements in a real Chromium: two reviewers annotate the same demo article
// differently (one through the workspace UI, one through the JSON API), the adjudicator sees
// each difference classified, accepts the unanimous span in one step, settles the rest, and
// the gold layer is what was decided. Then a reviewer sees where they were overridden.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES, DEMO_PROJECT } from "@/db/seed/demo";
import { launchBrowser, signIn, snapshot, startServer, type TestServer } from "./harness";
import { onServerDatabase } from "./server-database";
import { dragSelect, waitSaved } from "./workspace-helpers";
import { adjudications, annotations } from "@/db/tables";

const PASSWORD = "a long reviewer password";
const TEXT = DEMO_ARTICLES[0]!.text;
const QUOTE = "We have had three drought summers in five years. Doing nothing is also a decision";
const CLAIM_LONG = "The levy will add $9 a month to a typical bill starting in July";
const CLAIM_SHORT = "The levy will add $9 a month to a typical bill";
const OPINION = "the levy would fall hardest on renters";

let server: TestServer;
let browser: Browser;
let admin: Page;
let docPath = "";

/** Code-point offsets of the first occurrence of `needle` in the demo article. */
function offsets(needle: string): { start: number; end: number; exact: string } {
  const at = TEXT.indexOf(needle);
  const start = Array.from(TEXT.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length, exact: needle };
}

/** A same-origin fetch from inside the page, so the session cookie and Origin header go along. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, path, body },
  );
}

async function reviewerPage(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, PASSWORD);
  return { context, page };
}

async function createReviewer(username: string, displayName: string): Promise<void> {
  await admin.goto(`${server.baseUrl}/admin/users`);
  await admin.getByLabel("Username").fill(username);
  await admin.getByLabel("Display name").fill(displayName);
  await admin.getByLabel("Initial password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Add reviewer" }).click();
  await admin.getByText(`Created ${username}.`).waitFor();
}

const card = (page: Page, text: string) => page.getByTestId("difference").filter({ has: page.locator("mark", { hasText: text }) });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  admin = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await admin.goto(`${server.baseUrl}/setup`);
  await admin.getByLabel("Username").fill("ada");
  await admin.getByLabel("Display name").fill("Ada Admin");
  await admin.getByLabel("Password", { exact: true }).fill("a long admin password");
  await admin.getByLabel("Confirm password").fill("a long admin password");
  await admin.getByRole("button", { name: "Create administrator" }).click();
  await admin.getByRole("heading", { name: "Projects" }).waitFor();
  await createReviewer("rita", "Rita Reviewer");
  await createReviewer("sam", "Sam Reviewer");
  await admin.goto(server.baseUrl);
  await admin.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await admin.getByRole("link", { name: DEMO_ARTICLES[0]!.title, exact: true }).click();
  await admin.getByTestId("document-text").waitFor();
  docPath = new URL(admin.url()).pathname;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("reviewing disagreements", () => {
  it("two reviewers annotate the same article differently", async () => {
    const rita = await reviewerPage("rita");
    await rita.page.goto(`${server.baseUrl}${docPath}`);
    await rita.page.getByTestId("document-text").waitFor();
    await rita.page.waitForFunction(() => CSS.highlights !== undefined);
    await dragSelect(rita.page, `“${QUOTE},”`);
    await rita.page.getByRole("button", { name: "Attributed quote", exact: true }).click();
    await waitSaved(rita.page);
    const api_ = `/api${docPath}`;
    expect((await api(rita.page, "POST", `${api_}/annotations`, { kind: "claim", ...offsets(CLAIM_LONG) })).status).toBe(201);
    expect((await api(rita.page, "POST", `${api_}/status`, { done: true })).status).toBe(200);

    // Sam marks the same quote (with whatever attributes the workspace gave Rita's), a shorter claim and an opinion.
    const ritaSpans = (await api(admin, "GET", `${api_}/annotations`)).json as {
      annotations: { kind: string; start: number; end: number; attributes: Record<string, unknown> }[];
    };
    const quote = ritaSpans.annotations.find((s) => s.kind === "quote")!;
    expect(quote).toMatchObject(offsets(QUOTE));
    const sam = await reviewerPage("sam");
    await sam.page.goto(`${server.baseUrl}${docPath}`);
    await sam.page.getByTestId("document-text").waitFor();
    for (const span of [
      { kind: "quote", ...offsets(QUOTE), attributes: quote.attributes },
      { kind: "claim", ...offsets(CLAIM_SHORT) },
      { kind: "opinion", ...offsets(OPINION) },
    ]) {
      expect((await api(sam.page, "POST", `${api_}/annotations`, span)).status).toBe(201);
    }
    // An annotator is refused the review page.
    await sam.page.goto(`${server.baseUrl}${docPath.replace("/documents/", "/review/")}`);
    await sam.page.getByText("Only the project's adjudicators and managers can review and adjudicate documents.").waitFor();
    await rita.context.close();
    await sam.context.close();
  });

  it("the adjudicator sees each difference classified and moves between them by keyboard", async () => {
    await admin.goto(`${server.baseUrl}${docPath.replace("/documents/", "/review/")}`);
    await admin.getByRole("heading", { name: "Differences" }).waitFor();
    await expect(card(admin, QUOTE).getByRole("heading").textContent()).resolves.toContain("Agree");
    await expect(card(admin, CLAIM_LONG).getByRole("heading").textContent()).resolves.toContain("Different boundaries");
    await expect(card(admin, OPINION).getByRole("heading").textContent()).resolves.toContain("Only one reviewer marked it");
    await admin.getByText("Not done yet: Sam Reviewer.").waitFor();
    await expect(admin.getByTestId("disagreement-strip").getByRole("button").count()).resolves.toBe(2);

    // Reading order: the claim (second paragraph), the quote, the opinion.
    const announced = () => admin.getByTestId("review-announcer").textContent();
    const focusedMark = () => admin.evaluate(() => document.activeElement?.querySelector("mark")?.textContent);
    await admin.keyboard.press("n");
    await expect.poll(announced).toMatch(/^Difference 1 of 3: Different boundaries/);
    await expect.poll(focusedMark).toBe(CLAIM_LONG);
    await admin.keyboard.press("j");
    await expect.poll(announced).toMatch(/^Difference 2 of 3: Agree/);
    await expect.poll(focusedMark).toBe(QUOTE);
    await admin.keyboard.press("p");
    await expect.poll(announced).toMatch(/^Difference 1 of 3: Different boundaries/);
    await snapshot(admin, "review-differences");
  });

  it("accepts the unanimous span in one step and settles the rest into the gold layer", async () => {
    await admin.getByRole("button", { name: "Accept all unanimous spans" }).click();
    await admin.getByText("Accepted 1 unanimous span into the gold layer.").waitFor();

    const claim = card(admin, CLAIM_LONG);
    await claim.getByLabel("Reason (optional)").fill("The date is part of the claim.");
    await claim.getByRole("button", { name: "Accept Rita Reviewer’s" }).click();
    await claim.getByText("Accepted by Ada Admin as claim").waitFor();

    const opinion = card(admin, OPINION);
    await opinion.getByLabel("Reason (optional)").fill("Reported speech, not the outlet's opinion.");
    await opinion.getByRole("button", { name: "Reject" }).click();
    await opinion.getByText("Rejected by Ada Admin").waitFor();

    await admin.getByText("Every difference is decided.").first().waitFor();
    await expect(admin.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Gold");
    const gold = admin.getByTestId("gold-layer");
    await expect(gold.locator("tbody tr").count()).resolves.toBe(2);
    await snapshot(admin, "review-gold");

    const rows = await onServerDatabase(server, (db) =>
      db
        .select({ kind: annotations.kind, start: annotations.start, end: annotations.end, exact: annotations.exact })
        .from(annotations)
        .where(and(eq(annotations.layer, "gold"), isNull(annotations.deletedAt)))
        .orderBy(asc(annotations.start)),
    );
    expect(rows).toEqual([
      { kind: "claim", ...offsets(CLAIM_LONG) },
      { kind: "quote", ...offsets(QUOTE) },
    ]);
    const decisions = await onServerDatabase(server, (db) =>
      db.select({ decision: adjudications.decision, reason: adjudications.reason }).from(adjudications).orderBy(asc(adjudications.id)),
    );
    expect(decisions).toEqual([
      { decision: "accepted", reason: "" },
      { decision: "accepted", reason: "The date is part of the claim." },
      { decision: "rejected", reason: "Reported speech, not the outlet's opinion." },
    ]);
  });

  it("a reviewer then sees where they were overridden, and why", async () => {
    const sam = await reviewerPage("sam");
    await sam.page.goto(`${server.baseUrl}${docPath.replace("/documents/", "/review/")}/mine`);
    await sam.page.getByText("mark your layer of this document done to see what the adjudicator decided").waitFor();
    expect((await api(sam.page, "POST", `/api${docPath}/status`, { done: true })).status).toBe(200);
    await sam.page.reload();
    const table = sam.page.getByTestId("my-outcomes");
    await table.waitFor();
    await expect(table.locator("tr", { hasText: QUOTE }).textContent()).resolves.toContain("Accepted as you marked it");
    const claimRow = await table.locator("tr", { hasText: CLAIM_SHORT }).textContent();
    expect(claimRow).toContain("Overridden: accepted with changes");
    expect(claimRow).toContain("The date is part of the claim.");
    const opinionRow = await table.locator("tr", { hasText: OPINION }).textContent();
    expect(opinionRow).toContain("Overridden: not in the gold layer");
    expect(opinionRow).toContain("Reported speech, not the outlet's opinion.");
    expect(await table.textContent()).not.toContain("Rita");
    await snapshot(sam.page, "review-mine");
    await sam.context.close();
  });

  it("adds a gold span no reviewer marked by selecting its text", async () => {
    await admin.goto(`${server.baseUrl}${docPath.replace("/documents/", "/review/")}`);
    await admin.getByText("Add a span no reviewer marked").click();
    await admin.evaluate((needle) => {
      const p = [...document.querySelectorAll("[data-testid=review-text] p")].find((el) => el.textContent!.includes(needle))!;
      const at = p.textContent!.indexOf(needle);
      const range = document.createRange();
      range.setStart(p.firstChild!, at);
      range.setEnd(p.firstChild!, at + needle.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, "Mayor Ilse Brandt");
    await admin.getByRole("button", { name: "Use selected text" }).click();
    const form = admin.locator(".add-gold form");
    await expect.poll(() => form.getByLabel("Start").inputValue()).toBe(String(offsets("Mayor Ilse Brandt").start));
    await form.getByLabel("Kind").selectOption("quote");
    await form.getByLabel("Speaker type").selectOption("named_person");
    await form.getByLabel("Reason (optional)").fill("The speaker, for the record.");
    await form.getByRole("button", { name: "Add to gold" }).click();
    await expect.poll(() => admin.getByTestId("gold-layer").locator("tbody tr").count()).toBe(3);
    const rows = await onServerDatabase(server, (db) =>
      db
        .select({ kind: annotations.kind, start: annotations.start, end: annotations.end, exact: annotations.exact, attributes: annotations.attributes })
        .from(annotations)
        .where(and(eq(annotations.layer, "gold"), eq(annotations.exact, "Mayor Ilse Brandt"))),
    );
    expect(rows).toEqual([{ kind: "quote", ...offsets("Mayor Ilse Brandt"), attributes: { speaker_type: "named_person" } }]);
  });

  it("shows the agreement page to the manager with measures and no NaN", async () => {
    await admin.goto(`${server.baseUrl}${docPath.split("/documents/")[0]}/agreement`);
    const measures = admin.getByTestId("measures");
    await measures.waitFor();
    const text = (await admin.locator("main").textContent()) ?? "";
    expect(text).not.toContain("NaN");
    await expect(measures.locator("tr", { hasText: "Opinions" }).textContent()).resolves.toContain("0.000");
    await expect(admin.getByTestId("document-agreement").getByRole("link", { name: DEMO_ARTICLES[0]!.title, exact: true }).isVisible()).resolves.toBe(true);
    await snapshot(admin, "review-agreement");
  });

  it("settles a gold outlet rating with the reviewers' ratings beside it", async () => {
    await admin.goto(`${server.baseUrl}${docPath.split("/documents/")[0]}/agreement`);
    await admin.getByRole("link", { name: "Gold outlet ratings" }).click();
    const outlet = admin.locator("section.card", { has: admin.getByRole("heading", { name: DEMO_ARTICLES[0]!.outlet.name }) });
    const form = outlet.getByRole("form", { name: "Gold Left–right rating" });
    await form.getByLabel("Gold value (-6 to 6)").fill("-0.5");
    await form.getByLabel("Rationale").fill("Straight wire copy.");
    await form.getByRole("button", { name: "Set gold" }).click();
    await outlet.getByText("Gold −0.5 (Ada Admin)").waitFor();
    await snapshot(admin, "review-gold-ratings");
  });
});
