// Exporting in a real Chromium against `next start`: two reviewers tag the same quote in a demo
// article, the manager settles it into gold, then exports the gold layer of the demo story as a
// brat zip from the Export page; an annotator is refused. On a second server with 3,000
// documents, a client that hangs up mid-download stops the export without an error in the log.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES, DEMO_PROJECT, DEMO_STORY } from "@/db/seed/demo";
import { launchBrowser, setUpFirstAdmin, signIn, snapshot, startServer, type TestServer } from "./harness";
import { seedLargeProject } from "./large-project";

const PASSWORD = "a long reviewer password";
const TEXT = DEMO_ARTICLES[0]!.text;
const QUOTE = "We have had three drought summers in five years. Doing nothing is also a decision";

let server: TestServer;
let browser: Browser;
let admin: Page;
let projectPath = "";
let docPath = "";

function offsets(needle: string): { start: number; end: number; exact: string } {
  const at = TEXT.indexOf(needle);
  const start = Array.from(TEXT.slice(0, at)).length;
  return { start, end: start + Array.from(needle).length, exact: needle };
}

async function api(page: Page, method: string, url: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, url, body }) =>
      (await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) })).status,
    { method, url, body },
  );
}

async function createReviewer(username: string): Promise<void> {
  await admin.goto(`${server.baseUrl}/admin/users`);
  await admin.getByLabel("Username").fill(username);
  await admin.getByLabel("Display name").fill(username);
  await admin.getByLabel("Initial password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Add reviewer" }).click();
  await admin.getByText(`Created ${username}.`).waitFor();
}

/** The reviewer tags the quote through the JSON API and marks the document done. */
async function tagAndFinish(username: string): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, PASSWORD);
  await page.goto(`${server.baseUrl}${docPath}`);
  expect(
    await api(page, "POST", `/api${docPath}/annotations`, { kind: "quote", ...offsets(QUOTE), attributes: { speaker_type: "named_person", mode: "direct" } }),
  ).toBe(201);
  expect(await api(page, "POST", `/api${docPath}/status`, { done: true })).toBe(200);
  await context.close();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  admin = await browser.newPage({ viewport: { width: 1300, height: 1000 }, acceptDownloads: true });
  await setUpFirstAdmin(admin, server.baseUrl);
  await createReviewer("rita");
  await createReviewer("sam");
  await admin.goto(server.baseUrl);
  await admin.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await admin.getByRole("link", { name: DEMO_ARTICLES[0]!.title, exact: true }).click();
  await admin.getByTestId("document-text").waitFor();
  docPath = new URL(admin.url()).pathname;
  projectPath = docPath.replace(/\/documents\/\d+$/, "");
  await tagAndFinish("rita");
  await tagAndFinish("sam");
  await admin.goto(`${server.baseUrl}${docPath.replace("/documents/", "/review/")}`);
  await admin.getByRole("button", { name: "Accept all unanimous spans" }).click();
  await admin.getByText("Accepted 1 unanimous span into the gold layer.").waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the Export page", () => {
  it("lets a manager export the gold layer of one story as a brat zip", async () => {
    await admin.goto(`${server.baseUrl}${projectPath}`);
    await admin.getByRole("navigation", { name: "Project pages" }).getByRole("link", { name: "Export" }).click();
    await admin.getByRole("heading", { name: "Export" }).waitFor();
    await admin.getByLabel("brat standoff").check();
    await admin.getByLabel("Layer", { exact: true }).selectOption({ label: "Gold layer only" });
    await admin.getByLabel("Story", { exact: true }).selectOption({ label: `${DEMO_STORY} (3)` });
    // The page says what the file will hold before it is made.
    await expect.poll(() => admin.getByTestId("export-spans").textContent()).toBe("1");
    await expect(admin.getByTestId("export-documents").textContent()).resolves.toBe("3");
    await snapshot(admin, "export-page");
    const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("button", { name: "Download" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^demo-the-port-calder-water-levy-gold\.brat\.zip$/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pd-dl-")), "gold.zip");
    await download.saveAs(file);
    const files = unzipSync(readFileSync(file));
    expect(Object.keys(files)).toContain("annotation.conf");
    const ann = Object.entries(files)
      .filter(([name]) => name.endsWith(".ann"))
      .map(([, data]) => strFromU8(data))
      .join("\n");
    const { start, end } = offsets(QUOTE);
    expect(ann).toContain(`\tContent ${start} ${end}\t${QUOTE}`);
    const txt = Object.entries(files).find(([name]) => name.endsWith(".txt") && strFromU8(files[name.replace(/\.txt$/, ".ann")]!).includes("Content"))!;
    expect(strFromU8(txt[1])).toBe(TEXT);
  });

  it("refuses an annotator: no Export tab, the page explains, the download is forbidden", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, "rita", PASSWORD);
    await page.goto(`${server.baseUrl}${projectPath}`);
    await expect(page.getByRole("navigation", { name: "Project pages" }).getByRole("link", { name: "Export" }).count()).resolves.toBe(0);
    await page.goto(`${server.baseUrl}${projectPath}/export`);
    await page.getByText("Only the project's managers and adjudicators can export its annotations.").waitFor();
    const response = await page.goto(`${server.baseUrl}${projectPath}/export/download?format=brat&layer=gold`);
    expect(response?.status()).toBe(403);
    await context.close();
  });
});

describe("importing an export back", () => {
  it("takes a JSONL export of the gold layer into a new project: Check reports, Import writes", async () => {
    const jsonl = await admin.evaluate(
      async (url) => (await fetch(url)).text(),
      `/api${projectPath}/export?format=jsonl&layer=gold&documents=${docPath.split("/").pop()}`,
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pd-jsonl-")), "gold.jsonl");
    writeFileSync(file, jsonl);
    await admin.goto(`${server.baseUrl}/projects/new`);
    await admin.getByLabel("Project name").fill("Levy, imported");
    await admin.getByRole("button", { name: "Create project" }).click();
    await admin.getByRole("heading", { name: "Levy, imported" }).waitFor();
    await admin.goto(`${admin.url()}/import`);
    await admin.getByLabel("File", { exact: true }).setInputFiles(file);
    await admin.getByRole("button", { name: "Check" }).click();
    await admin.getByText("Check passed: the import would do the following. Nothing has been written yet.").waitFor();
    const planned = admin.getByRole("list", { name: "What the import does" });
    await expect(planned.textContent()).resolves.toContain("Documents: 1 created, 0 matched by their text.");
    await expect(planned.textContent()).resolves.toContain("Spans: 1 added, 0 already present (unchanged).");
    await snapshot(admin, "import-annotations-check");
    await admin.getByRole("button", { name: "Import", exact: true }).click();
    await admin.getByText("Imported.", { exact: true }).waitFor();
    // The new project holds the article and its gold quote, at the same offsets.
    const projectId = /\/projects\/(\d+)\//.exec(admin.url())![1];
    const again = await admin.evaluate(async (url) => (await fetch(url)).text(), `/api/projects/${projectId}/export?format=jsonl&layer=gold`);
    const line = JSON.parse(again.trim()) as { text: string; spans: { kind: string; start: number; end: number; exact: string }[] };
    expect(line.text).toBe(TEXT);
    expect(line.spans.map((s) => ({ kind: s.kind, start: s.start, end: s.end, exact: s.exact }))).toEqual([{ kind: "quote", ...offsets(QUOTE) }]);
  });
});

describe("a client that hangs up", () => {
  it("stops the export: the server reads no further and logs no error", async () => {
    const large = await startServer({ demo: false, label: "large" });
    try {
      const page = await browser.newPage();
      await setUpFirstAdmin(page, large.baseUrl);
      const projectId = await seedLargeProject(large, 3000, "ada");
      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      // A raw HTTP client that closes its socket after the first bytes, as a browser tab or a
      // script killed mid-download does (fetch's abort keeps the connection for reuse).
      const status = await new Promise<number>((resolve, reject) => {
        const request = get(`${large.baseUrl}/api/projects/${projectId}/export?format=jsonl&layer=all`, { headers: { cookie } }, (res) => {
          res.once("data", () => {
            request.destroy();
            resolve(res.statusCode ?? 0);
          });
        });
        request.on("error", reject);
      });
      expect(status).toBe(200);
      await expect.poll(() => large.log(), { timeout: 10_000 }).toMatch(/export large-all\.jsonl stopped by the client after \d+ of 3000 documents/);
      const read = Number(/after (\d+) of 3000/.exec(large.log())![1]);
      expect(read).toBeLessThan(3000);
      // Nothing more is read once the client has gone, and nothing went wrong.
      await new Promise((r) => setTimeout(r, 1000));
      expect(large.log()).not.toMatch(/error|unhandled|ERR_/i);
      await page.close();
    } finally {
      await large.stop();
    }
  });
});
