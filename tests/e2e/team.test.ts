// A team annotation session in a real Chromium: the manager builds a team and hands out the
// documents, two reviewers work through their queues in blind mode, the manager watches
// progress reach 100% and reopens one layer. Then, without a browser, every project page
// is fetched signed out (→ /login) and as a non-member (→ 404).
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formAlert, launchBrowser, signIn, signOut, snapshot, startServer, type TestServer } from "./harness";
import { apiSpans, dragSelect, waitSaved } from "./workspace-helpers";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const PASSWORD = "a long reviewer password";
const REVIEWERS = [
  { username: "rhea", displayName: "Rhea Reviewer" },
  { username: "remy", displayName: "Remy Reviewer" },
];
const OUTSIDER = { username: "nina", displayName: "Nina Outsider" };
const OUTLET = "Sample outlets";
const GUIDELINES = "# Quotes\n\nTag the quoted words, not the cue.\n<b>Not rendered</b>";
// The outlet rating page is a colleague's; its part of the session runs only where it exists.
const RATING_PAGE = path.join(process.cwd(), "app", "outlets", "[outletId]", "page.tsx");

let server: TestServer;
let browser: Browser;
let manager: Page;
let projectPath = "";
let documentPaths: string[] = [];

/** The five sample articles when ../shared/corpus is there, else five small generated files. */
function articleFiles(): string[] {
  if (existsSync(CORPUS))
    return readdirSync(CORPUS)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .map((f) => path.join(CORPUS, f));
  const dir = mkdtempSync(path.join(tmpdir(), "pd-team-"));
  return ["north", "south", "east", "west", "centre"].map((place, i) => {
    const file = path.join(dir, `${place}.txt`);
    writeFileSync(
      file,
      `Flood barriers for the ${place}\n\nThe council said on Monday that the ${place} barrier will cost ${i + 2} million. Residents said they were not consulted.\n`,
    );
    return file;
  });
}

async function setupAdmin(): Promise<void> {
  await manager.goto(`${server.baseUrl}/setup`);
  await manager.getByLabel("Username").fill("maria");
  await manager.getByLabel("Display name").fill("Maria Manager");
  await manager.getByLabel("Password", { exact: true }).fill("maria's long password");
  await manager.getByLabel("Confirm password").fill("maria's long password");
  await manager.getByRole("button", { name: "Create administrator" }).click();
  await manager.getByRole("heading", { name: "Projects" }).waitFor();
}

async function createUser(user: { username: string; displayName: string }): Promise<void> {
  await manager.goto(`${server.baseUrl}/admin/users`);
  await manager.getByLabel("Username").fill(user.username);
  await manager.getByLabel("Display name").fill(user.displayName);
  await manager.getByLabel("Initial password").fill(PASSWORD);
  await manager.getByRole("button", { name: "Add reviewer" }).click();
  await manager.getByText(`Created ${user.username}.`).waitFor();
}

async function reviewerPage(username: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await signIn(page, server.baseUrl, username, PASSWORD);
  return page;
}

async function sessionCookie(page: Page): Promise<string> {
  const cookies = await page.context().cookies();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  manager = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await setupAdmin();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a team annotation session", () => {
  it("the manager creates a project, uploads the articles and adds two reviewers", async () => {
    for (const user of [...REVIEWERS, OUTSIDER]) await createUser(user);
    await manager.goto(`${server.baseUrl}/projects/new`);
    await manager.getByLabel("Project name").fill("Team session");
    await manager.getByRole("button", { name: "Create project" }).click();
    await manager.getByRole("heading", { name: "Team session", level: 1 }).waitFor();
    projectPath = new URL(manager.url()).pathname;

    const files = articleFiles();
    await manager.goto(`${server.baseUrl}${projectPath}/import`);
    await manager.getByLabel("Files", { exact: true }).setInputFiles(files);
    await manager.getByLabel("Outlet for every file").fill(OUTLET);
    await manager.getByRole("button", { name: "Apply to all rows" }).click();
    await manager.getByRole("button", { name: `Import ${files.length} documents` }).click();
    await manager.getByText(`Imported ${files.length} documents`).waitFor();
    documentPaths = await manager
      .getByRole("list", { name: "Imported documents" })
      .getByRole("link")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));

    await manager.goto(`${server.baseUrl}${projectPath}/team`);
    for (const r of REVIEWERS) {
      await manager.getByLabel("Username").fill(r.username);
      await manager.getByLabel("Role", { exact: true }).selectOption("annotator");
      await manager.getByRole("button", { name: "Add member" }).click();
      await manager.getByText(`Added ${r.displayName} as annotator.`).waitFor();
    }
    await manager.getByLabel("Username").fill(REVIEWERS[0]!.username);
    await manager.getByRole("button", { name: "Add member" }).click();
    await expect(manager.locator("p[role=alert]").filter({ hasText: "already a member" }).textContent()).resolves.toBe(
      "“rhea” is already a member of this project (as annotator).",
    );
    const rows = manager.getByRole("table").first().locator("tbody tr");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-username")))).toEqual(["maria", "remy", "rhea"]);
  });

  it("the manager writes the guidelines and is refused an axis whose minimum is above its maximum", async () => {
    await manager.goto(`${server.baseUrl}${projectPath}/settings`);
    await manager.getByLabel("Guidelines (Markdown)").fill(GUIDELINES);
    await manager.getByRole("button", { name: "Save guidelines" }).click();
    await manager.getByText("Guidelines saved.").waitFor();
    await manager.getByLabel("Minimum of reliability").fill("70");
    await manager.getByRole("button", { name: "Save settings" }).click();
    await expect(formAlert(manager)).resolves.toBe("Reliability: the minimum must be below the maximum.");
    await expect(manager.getByLabel("Minimum of reliability").inputValue()).resolves.toBe("70");
    await snapshot(manager, "team-settings");
    await manager.goto(`${server.baseUrl}${projectPath}/team`);
  });

  it("the manager auto-assigns every document to 2 reviewers", async () => {
    const form = manager.locator("form", { has: manager.getByRole("heading", { name: "Assign automatically" }) });
    await form.getByLabel("Reviewers per document").fill("2");
    for (const r of REVIEWERS) await expect(form.getByLabel(r.displayName).isChecked()).resolves.toBe(true);
    await expect(form.getByLabel("Maria Manager").isChecked()).resolves.toBe(false);
    await form.getByRole("button", { name: "Assign every document" }).click();
    await manager.getByText(`Made ${documentPaths.length * 2} new assignments.`).waitFor();
    await snapshot(manager, "team-page");
  });

  for (const [index, reviewer] of REVIEWERS.entries()) {
    it(`${reviewer.displayName} works through the queue, seeing only their own spans`, async () => {
      const page = await reviewerPage(reviewer.username);
      await page.goto(`${server.baseUrl}/queue`);
      await expect(page.locator("table.queue tbody tr").count()).resolves.toBe(documentPaths.length);
      if (index === 0) await snapshot(page, "team-queue");
      // Guidelines are rendered from Markdown; the raw HTML in them is not.
      await page.goto(`${server.baseUrl}${projectPath}/team`);
      await expect(page.locator(".guidelines h3").textContent()).resolves.toBe("Quotes");
      await expect(page.locator(".guidelines b").count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "Add member" }).count()).resolves.toBe(0);
      for (let done = 0; done < documentPaths.length; done++) {
        await page.goto(`${server.baseUrl}/queue`);
        await page.getByRole("link", { name: "Next document" }).click();
        await page.getByTestId("document-text").waitFor();
        // Blind mode: the other reviewer's span on this shared document is not shown.
        await expect(page.locator("#span-list-heading").textContent()).resolves.toBe("Spans (0)");
        const firstWords = ((await page.locator("[data-testid=document-text] p").first().textContent()) ?? "").split(/\s+/).slice(0, 3).join(" ");
        await dragSelect(page, firstWords);
        await page.getByRole("button", { name: "Claim", exact: true }).click();
        await expect.poll(() => apiSpans(page).then((s) => s.length)).toBe(1);
        await waitSaved(page);
        await expect(page.locator("#span-list-heading").textContent()).resolves.toBe("Spans (1)");
        await page.getByRole("button", { name: "Mark document done" }).click();
        await page.locator(".panel-header .badge.ok", { hasText: "Done" }).waitFor();
      }
      await page.goto(`${server.baseUrl}/queue`);
      await page.getByText(`0 to do · 0 in progress · ${documentPaths.length} done — all done, thank you.`).waitFor();
      await expect(page.getByRole("link", { name: "Next document" }).count()).resolves.toBe(0);
      // Annotators are refused the progress page: it would tell them about the others' work.
      await page.goto(`${server.baseUrl}${projectPath}/progress`);
      await page.getByText("Only managers and adjudicators can see this project's progress.").waitFor();
      await page.context().close();
    });
  }

  it.skipIf(!existsSync(RATING_PAGE))("each reviewer rates the outlet and, in blind mode, sees only their own rating", async () => {
    const ratingsOn = (page: Page) => page.locator("[data-axis=left_right]").getByRole("list", { name: "Ratings on Left–right" }).locator("li");
    for (const [i, r] of REVIEWERS.entries()) {
      const page = await reviewerPage(r.username);
      await page.goto(`${server.baseUrl}/outlets`);
      await page.getByRole("link", { name: OUTLET }).click();
      const axis = page.locator("[data-axis=left_right]");
      await axis.getByRole("spinbutton", { name: /^Your rating on Left–right/ }).fill(i === 0 ? "-2" : "3");
      await axis.getByLabel("Rationale for Left–right").fill(`${r.displayName}: how the five pieces lean.`);
      await axis.getByRole("button", { name: "Save rating" }).click();
      await axis.getByRole("button", { name: "Update rating" }).waitFor();
      await expect(ratingsOn(page).allTextContents()).resolves.toEqual([expect.stringContaining(`${r.displayName}: how the five pieces lean.`)]);
      await page.context().close();
    }
    await manager.goto(`${server.baseUrl}/outlets`);
    await manager.getByRole("link", { name: OUTLET }).click();
    await expect.poll(() => ratingsOn(manager).count()).toBe(2);
  });

  it("the manager sees progress reach 100%, with both reviewers' spans counted", async () => {
    await manager.goto(`${server.baseUrl}${projectPath}/progress`);
    const total = documentPaths.length * 2;
    await manager.getByText(`${total} of ${total} reviews done (100%)`).waitFor();
    const overall = manager.getByRole("progressbar", { name: "Reviews done overall" });
    await expect(overall.evaluate((el) => [(el as HTMLProgressElement).value, (el as HTMLProgressElement).max])).resolves.toEqual([total, total]);
    for (const r of REVIEWERS) {
      await expect(
        manager.getByRole("progressbar", { name: `${r.displayName}: documents done` }).evaluate((el) => (el as HTMLProgressElement).position),
      ).resolves.toBe(1);
    }
    await expect(manager.getByRole("list", { name: "Spans per kind" }).textContent()).resolves.toContain(`${total}Claim`);
    await snapshot(manager, "team-progress");
  });

  it("the manager reopens one reviewer's layer and progress drops back", async () => {
    const first = manager.getByRole("button", { name: /^Reopen .* for Rhea Reviewer$/ }).first();
    await first.click();
    const total = documentPaths.length * 2;
    await manager.getByText(`${total - 1} of ${total} reviews done (${Math.round(((total - 1) / total) * 100)}%)`).waitFor();
    const rhea = await reviewerPage("rhea");
    await rhea.goto(`${server.baseUrl}/queue`);
    await rhea.getByText(`0 to do · 1 in progress · ${documentPaths.length - 1} done`).waitFor();
    await rhea.getByRole("link", { name: "Next document" }).click();
    await rhea.getByRole("button", { name: "Mark document done" }).waitFor();
    await rhea.context().close();
  });
});

/** Every page route under app/projects/[projectId], found on disk, so new pages are covered too. */
function projectPageRoutes(dir = path.join(process.cwd(), "app", "projects", "[projectId]"), prefix = "/projects/[projectId]"): string[] {
  const routes: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) routes.push(...projectPageRoutes(full, `${prefix}/${name}`));
    else if (name === "page.tsx") routes.push(prefix);
  }
  return routes.sort();
}

describe("page routes: signed out → /login, non-member → 404", () => {
  const routes = projectPageRoutes();
  const known = (route: string): boolean => [...route.matchAll(/\[(\w+)\]/g)].every((m) => m[1] === "projectId" || m[1] === "documentId");
  // Unknown parameters (a colleague's new [storyId], say) get "1": membership is checked first.
  const url = (route: string): string => {
    const [, , projectId] = projectPath.split("/");
    const documentId = documentPaths[0]!.split("/").at(-1)!;
    return route
      .replace("[projectId]", projectId!)
      .replace("[documentId]", documentId)
      .replace(/\[\w+\]/g, "1");
  };

  it("finds the project pages on disk", () => {
    expect(routes).toEqual(
      expect.arrayContaining(["/projects/[projectId]", "/projects/[projectId]/team", "/projects/[projectId]/settings", "/projects/[projectId]/progress"]),
    );
  });

  it.each([...routes, "/queue", "/queue/next"])("a signed-out GET of %s is sent to /login", async (route) => {
    const response = await fetch(`${server.baseUrl}${route.startsWith("/projects") ? url(route) : route}`, { redirect: "manual" });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(400);
    expect(new URL(response.headers.get("location") ?? "", server.baseUrl).pathname).toBe("/login");
  });

  let outsiderCookie: string | null = null;
  it.each(routes)("%s answers 404 to a signed-in non-member", async (route) => {
    if (outsiderCookie === null) {
      const page = await reviewerPage(OUTSIDER.username);
      outsiderCookie = await sessionCookie(page);
      await page.context().close();
    }
    const cookie = outsiderCookie;
    const response = await fetch(`${server.baseUrl}${url(route)}`, { headers: { cookie }, redirect: "manual" });
    expect(response.status).toBe(404);
  });

  it.each(routes.filter(known))("%s answers 200 to the manager (so the 404s above are about membership)", async (route) => {
    const response = await fetch(`${server.baseUrl}${url(route)}`, { headers: { cookie: await sessionCookie(manager) }, redirect: "manual" });
    expect(response.status).toBe(200);
  });

  it("signing out ends the manager's session", async () => {
    await manager.goto(server.baseUrl);
    await signOut(manager);
  });
});
