// WCAG 2.2 AA as axe-core checks it, on every page of a filled demo project, at a desktop width
// (1280 px) and a phone width (390 px): no serious or critical violation, and no page that
// scrolls sideways on the phone. The states the audit found wanting are visited on purpose:
// review pages with decided differences, the agreement page's reviewer-pairs table, the gold
// ratings page, and the header menu open on a phone.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFindings, isBlocking, NARROW, runAxe, sidewaysOverflow, WIDE, type Finding } from "./axe";
import { demoIds, everyPage, SIGNED_OUT_PAGES, type DemoIds } from "./every-page";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { onServerDatabase } from "./server-database";
import { documents } from "@/db/tables";

let server: TestServer;
let browser: Browser;
let page: Page;
let ids: DemoIds;
/** Every finding of every impact, written out at the end for a person to read. */
const report: Record<string, Finding[]> = {};

async function open(url: string, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
  const response = await page.goto(`${server.baseUrl}${url}`);
  expect(response?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
}

/** What is wrong with the page as it is shown now: blocking axe findings and sideways scroll. */
async function problemsHere(label: string, viewport: { width: number }): Promise<string[]> {
  const findings = await runAxe(page);
  report[label] = findings;
  const problems = describeFindings(label, findings.filter(isBlocking));
  if (viewport.width === NARROW.width) {
    const overflow = await sidewaysOverflow(page);
    if (overflow.length > 0) problems.push(`${label}: scrolls sideways: ${overflow.join("; ")}`);
  }
  return problems;
}

/** Opens the page at both widths and lists its problems. */
async function audit(url: string): Promise<string[]> {
  const problems: string[] = [];
  for (const viewport of [WIDE, NARROW]) {
    await open(url, viewport);
    problems.push(...(await problemsHere(`${url} @${viewport.width}`, viewport)));
  }
  return problems;
}

async function documentIds(projectId: number): Promise<number[]> {
  const rows = await onServerDatabase(server, (db) =>
    db.select({ id: documents.id }).from(documents).where(eq(documents.projectId, projectId)).orderBy(asc(documents.id)),
  );
  return rows.map((r) => r.id);
}

/** Resolves once React has attached its handlers to the element (a click before that is lost). */
async function hydrated(selector: string): Promise<void> {
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el !== null && Object.keys(el).some((k) => k.startsWith("__reactProps"));
  }, selector);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  page = await browser.newPage({ viewport: WIDE });
});

afterAll(async () => {
  const dir = path.join(process.cwd(), "tests", ".artifacts");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "axe-report.json"), JSON.stringify(report, null, 2));
  await browser?.close();
  await server?.stop();
});

describe("accessibility, signed out", () => {
  it.each(SIGNED_OUT_PAGES)("%s passes axe and fits a phone", async (url) => {
    expect(await audit(url)).toEqual([]);
  });
});

describe("accessibility, as an administrator on the demo project", () => {
  beforeAll(async () => {
    await page.setViewportSize(WIDE);
    await setUpFirstAdmin(page, server.baseUrl);
    ids = await demoIds(server);
  });

  // The list is built inside the test so the ids come from this run's database.
  const patterns = Object.keys(everyPage({ projectId: 1, documentId: 1, storyId: 1, outletId: 1 }));
  it.each(patterns)("%s passes axe and fits a phone", async (pattern) => {
    expect(await audit(everyPage(ids)[pattern]!)).toEqual([]);
  });

  it("review pages with decided differences, and with differences still open, pass axe", async () => {
    const problems: string[] = [];
    let decided = 0;
    for (const documentId of await documentIds(ids.projectId)) {
      const url = `/projects/${ids.projectId}/review/${documentId}`;
      problems.push(...(await audit(url)));
      decided += await page.locator(".badge", { hasText: "Decided" }).count();
    }
    // The demo's editor settled gold on two articles: the badges the audit found are on screen.
    expect(decided).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("the agreement page's reviewer-pairs table scrolls in its own region a keyboard can reach", async () => {
    expect(await audit(`/projects/${ids.projectId}/agreement`)).toEqual([]);
    // audit() leaves the page at 390 px, where the table is wider than the window.
    const region = page.locator('[role="region"]:has(> [data-testid="pair-matrix"])');
    expect(await region.getAttribute("aria-label")).toBeTruthy();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    const focused = (): Promise<boolean> => region.evaluate((el) => el === document.activeElement);
    await page.locator("body").focus();
    for (let i = 0; i < 40 && !(await focused()); i++) await page.keyboard.press("Tab");
    expect(await focused()).toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await snapshot(page, "a11y-agreement-390");
    await page.setViewportSize(WIDE);
    await snapshot(page, "a11y-agreement-1280");
  });

  it("the gold ratings page has one landmark per name", async () => {
    await open(`/projects/${ids.projectId}/agreement/ratings`, WIDE);
    // A gold form per outlet and axis: several share an axis, so the outlet is in each name.
    const names = await page.locator("form.gold-rating-form").evaluateAll((forms) => forms.map((f) => f.getAttribute("aria-label")));
    expect(names.length).toBeGreaterThan(3);
    expect(new Set(names).size).toBe(names.length);
    const landmarkIssues = (await runAxe(page)).filter((f) => f.rule.startsWith("landmark"));
    expect(describeFindings("ratings", landmarkIssues)).toEqual([]);
  });
});

describe("the header on a phone and on a desktop", () => {
  const toggle = (): ReturnType<Page["getByRole"]> => page.getByRole("button", { name: "Menu" });
  const projectsLink = (): ReturnType<Page["getByRole"]> => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Projects" });
  const expanded = (): Promise<string | null> => toggle().getAttribute("aria-expanded");

  it("collapses into a menu button at 390 px that opens, closes with Esc and hands focus back", async () => {
    await open(`/projects/${ids.projectId}/review/${ids.documentId}`, NARROW);
    await hydrated("button[aria-controls]");
    expect(await expanded()).toBe("false");
    const controls = await toggle().getAttribute("aria-controls");
    expect(await page.locator(`#${controls}`).count()).toBe(1);
    expect(await projectsLink().isVisible()).toBe(false);
    await snapshot(page, "a11y-review-390-menu-closed");

    // Keyboard only: Tab to the button, open it with Enter, Tab into the links, Esc out.
    await page.locator("body").focus();
    for (let i = 0; i < 5 && !(await toggle().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    expect(await toggle().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(expanded).toBe("true");
    expect(await projectsLink().isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await projectsLink().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await problemsHere("open menu @390", NARROW)).toEqual([]);
    await snapshot(page, "a11y-review-390-menu-open");
    await page.keyboard.press("Escape");
    await expect.poll(expanded).toBe("false");
    expect(await toggle().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await projectsLink().isVisible()).toBe(false);

    // Space toggles it too, and a link followed from the menu leaves it closed on the next page.
    await page.keyboard.press("Space");
    await expect.poll(expanded).toBe("true");
    await projectsLink().click();
    await page.getByRole("heading", { name: "Projects" }).waitFor();
    expect(await expanded()).toBe("false");
  });

  it("keeps every link in view and no menu button at 1280 px", async () => {
    await open(`/projects/${ids.projectId}/review/${ids.documentId}`, WIDE);
    expect(await toggle().isVisible()).toBe(false);
    expect(await projectsLink().isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
    await snapshot(page, "a11y-review-1280");
  });
});
