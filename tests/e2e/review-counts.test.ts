// Honest review counts in a real Chromium: the review queue and a document's review page show
// the same count of differences to decide, and a document whose only reviewer marked it done
// with no spans says there is nothing to compare instead of "Gold".
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { markDone, seedDocument, seedProject, seedSpans, userNamed, useServerDatabase } from "./review-seed";

const TEXT = "The mayor said the levy adds nine dollars a month. Critics called the plan reckless. The plant will open in 2035.";

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId = 0;
let threeId = 0;
let emptyId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
  useServerDatabase(server);
  const people = [
    { username: "rhea", displayName: "Rhea Reviewer" },
    { username: "remy", displayName: "Remy Reviewer" },
  ];
  projectId = await seedProject(await userNamed("ada"), "Counting", people);
  const [rhea, remy] = [await userNamed("rhea"), await userNamed("remy")];
  threeId = await seedDocument(projectId, "Three differences", TEXT);
  // Six spans, three differences: agree, different kind, different boundaries.
  await seedSpans(rhea, projectId, threeId, TEXT, [
    { kind: "claim", exact: "the levy adds nine dollars a month" },
    { kind: "claim", exact: "Critics called the plan reckless" },
    { kind: "claim", exact: "The plant will open in 2035" },
  ]);
  await seedSpans(remy, projectId, threeId, TEXT, [
    { kind: "claim", exact: "the levy adds nine dollars a month" },
    { kind: "opinion", exact: "Critics called the plan reckless" },
    { kind: "claim", exact: "plant will open in 2035" },
  ]);
  emptyId = await seedDocument(projectId, "One empty layer", "Nothing in this short note is a claim.");
  await markDone(rhea, projectId, emptyId);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const row = (title: string) => page.locator("tbody tr", { has: page.getByRole("link", { name: title, exact: true }) });

describe("review counts", () => {
  it("shows the same three differences on the review list and on the document's review page", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/review`);
    const three = row("Three differences");
    await expect(three.getByTestId("review-status").textContent()).resolves.toBe("3 of 3 still to decide");
    // Reviewers, done, differences, undecided.
    await expect(three.locator("td.num").allTextContents()).resolves.toEqual(["2", "0", "3", "3"]);
    await snapshot(page, "review-list-1280");
    await page.setViewportSize({ width: 390, height: 844 });
    await snapshot(page, "review-list-390");
    await page.setViewportSize({ width: 1280, height: 900 });

    await three.getByRole("link", { name: "Three differences" }).click();
    await page.getByRole("heading", { name: "Differences", exact: true }).waitFor();
    await expect(page.getByTestId("review-status").textContent()).resolves.toBe("3 of 3 still to decide");
    await expect(page.getByTestId("difference").count()).resolves.toBe(3);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.not.toContain("Gold");
  });

  it("says a document with a single empty layer has nothing to compare, and never calls it Gold", async () => {
    await page.goto(`${server.baseUrl}/projects/${projectId}/review`);
    const empty = row("One empty layer");
    await expect(empty.getByTestId("review-status").textContent()).resolves.toBe("Nothing to compare: one layer, empty");
    await expect(empty.textContent()).resolves.not.toContain("Gold");

    await page.goto(`${server.baseUrl}/projects/${projectId}/review/${emptyId}`);
    await expect(page.getByTestId("review-status").textContent()).resolves.toBe("Nothing to compare: one layer, empty");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.not.toContain("Gold");
    await snapshot(page, "review-empty-layer");
  });
});
