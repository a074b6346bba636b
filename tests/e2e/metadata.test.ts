// Documents carry the right metadata: a batch upload previews one editable row per file,
// pre-filled from the file, and imports all or nothing; afterwards a manager edits a
// document's details (refused when someone else saved first, spans untouched while others
// annotate) and deletes it after a confirmation that says what goes with it.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, count, eq, type SQL } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formAlert, launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { onServerDatabase } from "./server-database";
import { annotations, auditLog, documents, outlets, stories } from "@/db/tables";
import type { DB } from "@/db";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const HTML_FIXTURE = path.resolve(process.cwd(), "tests", "unit", "import", "fixtures", "og-article.html");
const HTML_NAME = path.basename(HTML_FIXTURE);
const STORY = "Iran's influence in Iraq";
const OUTLETS = ["Daily Beast", "Business Insider", "Gatestone blog", "Commentary", "Foreign Policy"];
const DATES = ["2016-05-30", "2016-06-01", "2017-07-31", "2015-03-03", "2020-08-27"];

let server: TestServer;
let browser: Browser;
let page: Page;
let projectPath = "";
let projectId = 0;
const corpusFiles = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .sort()
  : [];

/** Reads the server's database through the app's data layer. */
function query<T>(read: (db: DB) => Promise<T>): Promise<T> {
  return onServerDatabase(server, read);
}

/** How many rows of `table` match `where`. */
async function rowCount(table: typeof documents | typeof annotations | typeof auditLog, where?: SQL): Promise<number> {
  const [row] = await query((db) => db.select({ n: count() }).from(table).where(where));
  return row!.n;
}

const auditCount = (action: string, documentId: number): Promise<number> =>
  rowCount(auditLog, and(eq(auditLog.entity, "document"), eq(auditLog.action, action), eq(auditLog.entityId, documentId)));

/** A same-origin fetch from inside the page, so the session cookie and Origin header go along. */
async function api(p: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return p.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}

const field = (p: Page, label: string, fileName: string) => p.getByLabel(`${label} of ${fileName}`, { exact: true });

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  await setUpFirstAdmin(page, server.baseUrl);
  await page.goto(`${server.baseUrl}/projects/new`);
  await page.getByLabel("Project name").fill("Coverage metadata");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.getByRole("heading", { name: "Coverage metadata", level: 1 }).waitFor();
  projectPath = new URL(page.url()).pathname;
  projectId = Number(projectPath.split("/").pop());
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(corpusFiles.length !== 5)("a batch upload with one row per file", () => {
  it("previews every file, refuses the batch with a bad file and keeps every typed value, then imports each with its own outlet and date", async () => {
    const pdf = path.join(mkdtempSync(path.join(tmpdir(), "pd-meta-")), "scan.pdf");
    writeFileSync(pdf, "%PDF-1.7");
    await page.goto(`${server.baseUrl}${projectPath}/import`);
    await page.getByLabel("Files", { exact: true }).setInputFiles([...corpusFiles.map((f) => path.join(CORPUS, f)), HTML_FIXTURE, pdf]);
    await expect.poll(() => page.getByTestId("batch-row").count(), { timeout: 20_000 }).toBe(7);

    // Pre-filled from the files; nothing saved yet.
    await expect(field(page, "Outlet", HTML_NAME).inputValue()).resolves.toBe("Northgate Courier");
    await expect(field(page, "Date", HTML_NAME).inputValue()).resolves.toBe("2025-06-30");
    await expect(field(page, "Author", HTML_NAME).inputValue()).resolves.toBe("Priya Fictional");
    await expect(field(page, "URL", HTML_NAME).inputValue()).resolves.toBe("https://northgate-courier.test/og-address");
    const longTitle = await field(page, "Title", corpusFiles[0]!).inputValue();
    expect(Array.from(longTitle).length).toBeLessThanOrEqual(120);
    expect(longTitle.endsWith("…")).toBe(true);
    await page.getByTestId("batch-row").filter({ hasText: "scan.pdf" }).getByText("scan.pdf can't be imported").waitFor();
    expect(await rowCount(documents)).toBe(0);

    for (const [i, name] of corpusFiles.entries()) {
      await field(page, "Outlet", name).fill(OUTLETS[i]!);
      await field(page, "Date", name).fill(DATES[i]!);
    }
    await page.getByLabel("Story for every file").fill(STORY);
    await page.getByRole("button", { name: "Apply to all rows" }).click();
    await expect(field(page, "Story", HTML_NAME).inputValue()).resolves.toBe(STORY);
    await snapshot(page, "metadata-preview");

    await page.getByRole("button", { name: "Import 7 documents" }).click();
    await page.getByText("Nothing was imported. Fix these and try again:").waitFor();
    await expect(formAlert(page)).resolves.toBe("Nothing was imported. Fix these and try again:");
    await page.getByTestId("batch-row").filter({ hasText: "scan.pdf" }).getByText("scan.pdf can't be imported").waitFor();
    expect(await rowCount(documents)).toBe(0);
    await expect(field(page, "Outlet", corpusFiles[2]!).inputValue()).resolves.toBe(OUTLETS[2]);
    await expect(field(page, "Story", corpusFiles[4]!).inputValue()).resolves.toBe(STORY);

    await page.getByRole("button", { name: "Remove scan.pdf from the batch" }).click();
    await page.getByRole("button", { name: "Import 6 documents" }).click();
    await page.getByText("Imported 6 documents").waitFor();
    const rows = await query((db) =>
      db
        .select({ file: documents.sourceFileName, outlet: outlets.name, date: documents.publishedAt, story: stories.name })
        .from(documents)
        .leftJoin(outlets, eq(outlets.id, documents.outletId))
        .leftJoin(stories, eq(stories.id, documents.storyId)),
    );
    // Sorted here: the two databases' collations may order names differently.
    rows.sort((a, b) => (a.file! < b.file! ? -1 : a.file! > b.file! ? 1 : 0));
    expect(rows).toEqual([
      ...corpusFiles.map((file, i) => ({ file, outlet: OUTLETS[i], date: DATES[i], story: STORY })),
      { file: HTML_NAME, outlet: "Northgate Courier", date: "2025-06-30", story: STORY },
    ]);
  });
});

describe.skipIf(corpusFiles.length !== 5)("a document's details after import", () => {
  let documentId = 0;
  let detailsPath = "";

  it("saves an edited outlet while a reviewer's span stays exactly as it was, and refuses a stale save naming what changed", async () => {
    const [imported] = await query((db) => db.select({ id: documents.id }).from(documents).where(eq(documents.sourceFileName, HTML_NAME)));
    documentId = imported!.id;
    detailsPath = `${server.baseUrl}${projectPath}/documents/${documentId}/details`;
    await page.goto(`${server.baseUrl}${projectPath}/documents/${documentId}`);
    const text = await (await page.request.get(`${server.baseUrl}${projectPath}/documents/${documentId}/text`)).text();
    const exact = text.slice(0, text.indexOf(" ", 10)); // ASCII start, so UTF-16 and code points agree
    const made = await api(page, "POST", `/api/projects/${projectId}/documents/${documentId}/annotations`, {
      kind: "claim",
      start: 0,
      end: exact.length,
      exact,
    });
    expect(made.status).toBe(201);
    const span = made.json as { id: number; version: number };

    const other = await page.context().newPage(); // the same manager in a second tab
    await page.goto(detailsPath);
    await other.goto(detailsPath);

    await page.getByLabel("Outlet", { exact: true }).fill("Harbour Wire");
    await page.getByRole("button", { name: "Save details" }).click();
    await page.getByText("Saved.", { exact: true }).waitFor();

    await other.getByLabel("Title", { exact: true }).fill("A title typed meanwhile");
    await other.getByRole("button", { name: "Save details" }).click();
    await expect(formAlert(other)).resolves.toContain("the outlet (now “Harbour Wire”)");
    await expect(other.getByLabel("Title", { exact: true }).inputValue()).resolves.toBe("A title typed meanwhile");
    await other.getByText("Now saved as: Harbour Wire").waitFor();
    await snapshot(other, "metadata-stale");
    await other.getByLabel("Outlet", { exact: true }).fill("Harbour Wire");
    await other.getByRole("button", { name: "Save details" }).click();
    await other.getByText("Saved.", { exact: true }).waitFor();
    await other.close();

    await expect(
      query((db) =>
        db
          .select({ title: documents.title, outlet: outlets.name })
          .from(documents)
          .innerJoin(outlets, eq(outlets.id, documents.outletId))
          .where(eq(documents.id, documentId)),
      ),
    ).resolves.toEqual([{ title: "A title typed meanwhile", outlet: "Harbour Wire" }]);
    expect(await auditCount("update", documentId)).toBe(2);
    // The reviewer's open tab still holds version 1: the edits did not touch the span.
    await expect(
      query((db) =>
        db
          .select({ start: annotations.start, end: annotations.end, exact: annotations.exact, version: annotations.version })
          .from(annotations)
          .where(eq(annotations.id, span.id)),
      ),
    ).resolves.toEqual([{ start: 0, end: exact.length, exact, version: 1 }]);
    const patched = await api(page, "PATCH", `/api/projects/${projectId}/documents/${documentId}/annotations/${span.id}`, {
      version: span.version,
      note: "still mine",
    });
    expect(patched.status).toBe(200);
  });

  it("deletes the document after a confirmation that counts its spans, and answers 404 afterwards", async () => {
    await page.goto(detailsPath);
    await page.getByRole("button", { name: "Delete document…" }).click();
    await expect(page.getByTestId("delete-impact").textContent()).resolves.toContain("1 span by 1 reviewer");
    await page.getByRole("button", { name: "Yes, delete the document" }).click();
    await page.waitForURL(`${server.baseUrl}${projectPath}`);
    expect(await rowCount(documents, eq(documents.id, documentId))).toBe(0);
    expect(await rowCount(annotations, eq(annotations.documentId, documentId))).toBe(0);
    expect(await auditCount("delete", documentId)).toBe(1);
    const response = await page.goto(detailsPath);
    expect(response?.status()).toBe(404);
    const unknown = await page.goto(`${server.baseUrl}${projectPath}/documents/999999/details`);
    expect(unknown?.status()).toBe(404);
  });
});
