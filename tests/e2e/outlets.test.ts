// Outlet perspective in a real Chromium on the demo project (blind mode on): a reviewer rates an
// outlet on the three default axes and sees the AllSides category; a manager records a
// published AllSides rating, shown beside the team's; a second reviewer sees nothing of the
// first one's ratings. Then a re-published segment is marked by selecting text.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES, DEMO_PROJECT } from "@/db/seed/demo";
import { launchBrowser, signIn, signOut, snapshot, startServer, type TestServer } from "./harness";
import { dragSelect } from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let page: Page;
let outletUrl = "";

const ARTICLE = DEMO_ARTICLES[1]!; // The Harbor Ledger
const ADMIN_PASSWORD = "a long admin password";

async function setupAdminAndReviewers(): Promise<void> {
  await page.goto(`${server.baseUrl}/setup`);
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Display name").fill("Ada Admin");
  await page.getByLabel("Password", { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByLabel("Confirm password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("heading", { name: "Projects" }).waitFor();
  // New reviewers join the demo project as annotators.
  for (const name of ["rita", "remy"]) {
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByLabel("Username").fill(name);
    await page.getByLabel("Display name").fill(name === "rita" ? "Rita Reviewer" : "Remy Reviewer");
    await page.getByLabel("Initial password").fill(`${name}'s initial pw`);
    await page.getByRole("button", { name: "Add reviewer" }).click();
    await page.getByText(`Created ${name}.`).waitFor();
  }
  await signOut(page);
}

async function openDemoDocument(): Promise<string> {
  await page.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await page.getByRole("link", { name: ARTICLE.title, exact: true }).click();
  await page.getByRole("heading", { name: ARTICLE.title }).waitFor();
  return page.url();
}

async function rate(axis: string, value: string, rationale: string): Promise<void> {
  const form = page.getByRole("form", { name: `Your rating on ${axis}` });
  await form.getByLabel(`Your rating on ${axis}`).fill(value);
  await form.getByLabel(`Rationale for ${axis}`).fill(rationale);
  await form.getByRole("button", { name: "Save rating" }).click();
  await form.getByText("Rating saved.").waitFor();
}

const section = (name: string) => page.getByRole("region", { name });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await setupAdminAndReviewers();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("outlet perspective", () => {
  it("lets a reviewer open the outlet of a demo document and rate it on the three axes", async () => {
    await signIn(page, server.baseUrl, "rita", "rita's initial pw");
    const documentUrl = await openDemoDocument();
    // The document page is the annotation workspace; its provenance page links the outlet.
    await page.goto(`${documentUrl}/segments`);
    await page.getByRole("link", { name: ARTICLE.outlet.name }).click();
    await page.getByRole("heading", { name: ARTICLE.outlet.name, level: 1 }).waitFor();
    outletUrl = page.url();

    await rate("Left–right", "-1.5", "Editorials back the levy; news pages quote both sides.");
    await rate("Reliability", "42", "Named sources, figures attributed to the finance office.");
    await rate("Stance toward the topic", "2", "Calls the levy a plan for the next drought.");

    const leftRight = section("Left–right").getByRole("list", { name: "Ratings on Left–right" });
    await expect(leftRight.textContent()).resolves.toMatch(/You\s*−1\.5\s*Lean Left/);
    await expect(section("Reliability").textContent()).resolves.toContain("Named sources");
    await expect(page.getByText("Blind mode is on").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("team-left_right").count()).resolves.toBe(0);
    await snapshot(page, "outlet-rated");

    await page.reload();
    await expect(page.getByRole("form", { name: "Your rating on Left–right" }).getByRole("button", { name: "Update rating" }).isVisible()).resolves.toBe(true);
    await signOut(page);
  });

  it("lets a manager record a published AllSides rating, shown beside the team's ratings, not in them", async () => {
    await signIn(page, server.baseUrl, "ada", ADMIN_PASSWORD);
    await page.goto(outletUrl);
    await page.getByText("Record a published rating").click();
    const form = page.getByRole("form", { name: "Record a published rating" });
    await form.getByLabel("Publisher").fill("AllSides");
    await form.getByLabel("Measures").fill("left_right");
    await form.getByLabel("Label").fill("Lean Left");
    await form.getByLabel("Date").fill("2031-04-01");
    await form.getByLabel("Web address").fill("https://www.allsides.com/news-source/harbor-ledger");
    await form.getByRole("button", { name: "Record published rating" }).click();
    await page.getByText("Recorded the AllSides rating.").waitFor();

    const published = page.getByRole("complementary", { name: "Published ratings" });
    await expect(published.textContent()).resolves.toMatch(/AllSides\s*left_right:\s*Lean Left\s*2031-04-01/);
    await expect(published.getByRole("link", { name: "source" }).getAttribute("href")).resolves.toBe("https://www.allsides.com/news-source/harbor-ledger");
    const team = section("Your team’s ratings");
    // The scale legend names AllSides as the scale it mirrors; the recorded rating itself stays out.
    await expect(team.textContent()).resolves.not.toContain("2031-04-01");
    await expect(team.locator('a[href*="allsides.com/news-source"]').count()).resolves.toBe(0);
    // A manager sees every reviewer's rating and the team's numbers (Rita's −1.5 alone).
    await expect(team.getByText("Rita Reviewer").first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("team-left_right").textContent()).resolves.toMatch(/Team mean\s*−1\.5\s*Lean Left.*Only one rating/);
    await snapshot(page, "outlet-published-rating");
    await signOut(page);
  });

  it("hides the first reviewer's ratings from a second annotator while blind mode is on", async () => {
    await signIn(page, server.baseUrl, "remy", "remy's initial pw");
    await page.goto(outletUrl);
    await page.getByRole("heading", { name: "Your team’s ratings" }).waitFor();
    const team = section("Your team’s ratings");
    await expect(team.textContent()).resolves.not.toContain("Rita");
    await expect(team.textContent()).resolves.not.toContain("−1.5");
    await expect(team.textContent()).resolves.not.toContain("Editorials back the levy");
    await expect(page.getByTestId("team-left_right").count()).resolves.toBe(0);
    await expect(page.getByText("Blind mode is on").isVisible()).resolves.toBe(true);
    // Published ratings are public observations, visible to everyone.
    await expect(page.getByRole("complementary", { name: "Published ratings" }).textContent()).resolves.toContain("Lean Left");
    await snapshot(page, "outlet-blind");
  });

  it("marks a re-published segment by selecting text, stored in code points", async () => {
    await page.goto(server.baseUrl);
    const documentUrl = await openDemoDocument();
    await page.goto(`${documentUrl}/segments`);
    const quote = "“Every summer we lose customers because we can’t water the patio plants";
    await dragSelect(page, quote);
    await page.getByRole("button", { name: "Use selection" }).click();
    await expect(page.getByTestId("region-preview").textContent()).resolves.toContain(quote);
    await page.getByLabel("Original outlet").fill("Coastal Wire Service");
    await page.getByLabel("Original date").fill("2031-03-14");
    await page.getByRole("button", { name: "Save segment" }).click();
    await page.getByText("Segment saved.").waitFor();
    await page.locator("[data-testid=document-text] mark").waitFor();

    const [, , projectId, , documentId] = new URL(documentUrl).pathname.split("/");
    const response = await page.request.get(`${server.baseUrl}/api/projects/${projectId}/documents/${documentId}/segments`);
    const { segments } = (await response.json()) as { segments: { start: number; end: number; originalOutletName: string }[] };
    const start = Array.from(ARTICLE.text.slice(0, ARTICLE.text.indexOf(quote))).length;
    expect(segments).toMatchObject([{ start, end: start + Array.from(quote).length, originalOutletName: "Coastal Wire Service" }]);
    await snapshot(page, "provenance-segment");
  });
});
