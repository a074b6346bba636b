// An admin creates a project, uploads files through the form, reads them back character for
// character, meets the refusals for bad files and for other projects' documents, and signs out.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/text";
import { formAlert, launchBrowser, signOut, snapshot, startServer, type TestServer } from "./harness";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

let server: TestServer;
let browser: Browser;
let page: Page;
let projectPath = "";

async function setupAdmin(): Promise<void> {
  await page.goto(`${server.baseUrl}/setup`);
  await page.getByLabel("Username").fill("maria");
  await page.getByLabel("Display name").fill("Maria Manager");
  await page.getByLabel("Password", { exact: true }).fill("maria's long password");
  await page.getByLabel("Confirm password").fill("maria's long password");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("heading", { name: "Projects" }).waitFor();
}

async function createProject(name: string): Promise<string> {
  await page.goto(`${server.baseUrl}/projects/new`);
  await page.getByLabel("Project name").fill(name);
  await page.getByLabel("Description").fill("Coverage of one story across outlets.");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  return new URL(page.url()).pathname;
}

async function uploadFiles(files: string[], outlet: string, story: string): Promise<void> {
  await page.goto(`${server.baseUrl}${projectPath}/import`);
  await page.getByLabel("Files", { exact: true }).setInputFiles(files);
  await page.getByLabel("Outlet for every file").fill(outlet);
  await page.getByLabel("Story for every file").fill(story);
  await page.getByRole("button", { name: "Apply to all rows" }).click();
  await page.getByRole("button", { name: `Import ${files.length} document${files.length === 1 ? "" : "s"}` }).click();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  page = await browser.newPage();
  await setupAdmin();
  projectPath = await createProject("Iran in Iraq coverage");
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("bringing articles in", () => {
  it.skipIf(!existsSync(CORPUS))("uploads the five sample articles at once and reads each back character for character", async () => {
    const files = readdirSync(CORPUS)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .map((f) => path.join(CORPUS, f));
    await uploadFiles(files, "Sample outlets", "Iran's influence in Iraq");
    await page.getByText("Imported 5 documents").waitFor();
    const links = page.getByRole("list", { name: "Imported documents" }).getByRole("link");
    expect(await links.count()).toBe(5);
    await snapshot(page, "corpus-imported");

    for (let i = 0; i < files.length; i++) {
      await page.goto(`${server.baseUrl}${projectPath}/import`);
      await uploadFiles([files[i]!], "x", "y"); // a re-upload is refused as a duplicate, naming the existing document
      const message = await formAlert(page);
      expect(message).toBe("Nothing was imported. Fix these and try again:");
      await expect(page.getByRole("list", { name: "Import problems" }).textContent()).resolves.toContain("already in this project");
    }

    await page.goto(`${server.baseUrl}${projectPath}`);
    const docLinks = await page.locator("table.documents td:first-child a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(docLinks).toHaveLength(5);
    const expected = new Set(files.map((f) => sha256(normalizeText(readFileSync(f, "utf8")))));
    for (const href of docLinks) {
      const res = await page.request.get(`${server.baseUrl}${href}/text`);
      expect(res.status()).toBe(200);
      const text = await res.text();
      expect(expected.has(sha256(text))).toBe(true);
      await page.goto(`${server.baseUrl}${href}`);
      const shown = await page.getByTestId("document-text").locator("p").allTextContents();
      expect(shown).toEqual(text.split("\n").filter((line) => line.trim() !== ""));
    }
    await snapshot(page, "corpus-reader");
  });

  it("uploads a Markdown and an HTML file, filters by outlet and story, and shows HTML as text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pd-upload-"));
    const md = path.join(dir, "brief.md");
    writeFileSync(md, "# Ministers meet in Baghdad\n\nThe ministers met on **Monday**, officials said.\n");
    const html = path.join(dir, "page.html");
    writeFileSync(
      html,
      `<html><head><title>Militia leaders named</title><script>document.title="pwned"</script></head><body>
       <nav>Home · World</nav><article><h1>Militia leaders named</h1>
       <p>Officials named the militia leaders on Tuesday, according to a statement that was released in the capital.</p>
       <p>The statement, which ran to several pages, described &lt;b&gt;tags&lt;/b&gt; as plain text and listed the commanders by name.</p>
       </article></body></html>`,
    );
    await uploadFiles([md, html], "Example Wire", "Baghdad talks");
    await page.getByText("Imported 2 documents").waitFor();

    await page.goto(`${server.baseUrl}${projectPath}`);
    await page.getByLabel("Outlet").selectOption({ label: "Example Wire" });
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/outlet=/);
    const titles = await page.locator("table.documents tbody tr td:first-child a").allTextContents();
    expect(titles.sort()).toEqual(["Militia leaders named", "Ministers meet in Baghdad"]);

    await page.getByRole("link", { name: "Militia leaders named", exact: true }).click();
    const body = page.getByTestId("document-text");
    await expect(body.textContent()).resolves.toContain("<b>tags</b> as plain text");
    expect(await body.locator("b").count()).toBe(0);
    expect(await page.title()).not.toContain("pwned");
  });

  it("refuses an unsupported file and a file that is not UTF-8, and imports nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pd-bad-"));
    const pdf = path.join(dir, "scan.pdf");
    writeFileSync(pdf, "%PDF-1.7");
    const latin1 = path.join(dir, "latin1.txt");
    writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await uploadFiles([pdf, latin1], "Bad Outlet", "Bad Story");
    await expect(formAlert(page)).resolves.toBe("Nothing was imported. Fix these and try again:");
    const problems = await page.getByRole("list", { name: "Import problems" }).textContent();
    expect(problems).toContain("scan.pdf");
    expect(problems).toContain("latin1.txt is not valid UTF-8");
    await expect(page.getByLabel("Outlet").first().inputValue()).resolves.toBe("Bad Outlet"); // nothing typed is lost
    await page.goto(`${server.baseUrl}${projectPath}`);
    expect(await page.locator("select[name=outlet] option", { hasText: "Bad Outlet" }).count()).toBe(0);
  });

  it("refuses whitespace-only pasted text and keeps what was typed", async () => {
    await page.goto(`${server.baseUrl}${projectPath}/import`);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Paste text" }) });
    await form.getByLabel("Article text").fill("   \n\n   ");
    await form.getByLabel("Title").fill("Blank");
    await form.getByRole("button", { name: "Import text" }).click();
    await expect(form.getByRole("list", { name: "Import problems" }).textContent()).resolves.toContain("has no text to annotate");
    await expect(form.getByLabel("Title").inputValue()).resolves.toBe("Blank");
  });

  it("answers 404 for a document of another project and for one that does not exist", async () => {
    const otherPath = await createProject("Another project");
    await page.goto(`${server.baseUrl}${projectPath}`);
    const firstDoc = await page
      .locator("table.documents td:first-child a")
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).pathname);
    const docId = firstDoc.split("/").pop();
    for (const url of [`${otherPath}/documents/${docId}`, `${projectPath}/documents/999999`, `${projectPath}/documents/abc`]) {
      const response = await page.goto(`${server.baseUrl}${url}`);
      expect(response?.status()).toBe(404);
      await page.getByRole("heading", { name: "Not found" }).waitFor();
    }
    const text = await page.request.get(`${server.baseUrl}${otherPath}/documents/${docId}/text`);
    expect(text.status()).toBe(404);
  });

  it("signs out and then sends every page to the sign-in page", async () => {
    await page.goto(`${server.baseUrl}${projectPath}`);
    await signOut(page);
    await page.goto(`${server.baseUrl}${projectPath}/import`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(`${projectPath}/import`);
  });
});
