// Issue 9's acceptance, on the five real articles of ../shared/corpus: upload them in one batch
// giving each its own outlet and date, tag quotes by one speaker in two articles and a few claims
// and opinions, link a claim across three outlets (the first link with the workspace's key), then
// open the comparison. Its per-outlet counts and densities must equal a count made here straight
// from the database; the speaker's cell must be right; the claim's timeline must run in date order.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codePointLength, utf16ToCodePoint } from "@/lib/text";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { onServerDatabase } from "./server-database";
import { annotations, documents, outlets, stories } from "@/db/tables";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const STORY = "Iran's influence in Iraq";
const SPEAKER = "Human Rights Watch";

/** Outlet and date given to each file in the upload's preview rows (our own labels, not the texts'). */
const ROWS: Record<string, { outlet: string; date: string }> = {
  "000": { outlet: "Tallinn Interview Desk", date: "2016-05-20" },
  "001": { outlet: "Business Insider", date: "2016-05-27" },
  "002": { outlet: "Tag Page Aggregator", date: "2017-07-31" },
  "003": { outlet: "Opinion Blog", date: "2015-03-05" },
  "004": { outlet: "Policy Review", date: "2020-07-10" },
};

let server: TestServer;
let browser: Browser;
let page: Page;
let projectId = 0;
const docIds: Record<string, number> = {};

async function post(url: string, body: unknown): Promise<{ status: number; json: { id?: number; error?: string } }> {
  return page.evaluate(
    async ([u, payload]) => {
      const res = await fetch(u, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      return { status: res.status, json: (await res.json()) as { id?: number; error?: string } };
    },
    [url, body] as const,
  );
}

async function span(file: string, needle: string, kind: "claim" | "opinion" | "quote", attributes: Record<string, unknown> = {}): Promise<number> {
  const documentId = docIds[file]!;
  const text = await (await page.request.get(`${server.baseUrl}/projects/${projectId}/documents/${documentId}/text`)).text();
  const at = text.indexOf(needle);
  expect(at, `“${needle}” in ${file}`).toBeGreaterThanOrEqual(0);
  const start = utf16ToCodePoint(text, at);
  const res = await post(`/api/projects/${projectId}/documents/${documentId}/annotations`, {
    kind,
    start,
    end: start + codePointLength(needle),
    exact: needle,
    attributes,
  });
  expect(res.status, res.json.error).toBe(201);
  return res.json.id!;
}

async function uploadCorpus(files: string[]): Promise<void> {
  await page.goto(`${server.baseUrl}/projects/${projectId}/import`);
  await page.getByLabel("Files", { exact: true }).setInputFiles(files);
  await page.getByLabel("Story for every file").fill(STORY);
  await page.getByRole("button", { name: "Apply to all rows" }).click();
  for (const file of files) {
    const name = path.basename(file);
    const row = ROWS[name.slice(0, 3)]!;
    await page.getByLabel(`Outlet of ${name}`).fill(row.outlet);
    await page.getByLabel(`Date of ${name}`).fill(row.date);
  }
  await snapshot(page, "acceptance-preview");
  await page.getByRole("button", { name: `Import ${files.length} documents` }).click();
  const links = page.getByRole("list", { name: "Imported documents" }).getByRole("link");
  await links.first().waitFor();
  expect(await links.count()).toBe(files.length);
}

/** The numbers the comparison must show, counted here from the database itself. */
async function handCount(): Promise<Map<string, { words: number; claim: number; opinion: number; quote: number }>> {
  const [docs, spans] = await onServerDatabase(server, (db) =>
    Promise.all([
      db
        .select({ id: documents.id, outlet: outlets.name, words: documents.wordCount })
        .from(documents)
        .innerJoin(outlets, eq(outlets.id, documents.outletId))
        .where(eq(documents.projectId, projectId)),
      db
        .select({ documentId: annotations.documentId, kind: annotations.kind })
        .from(annotations)
        .innerJoin(documents, eq(documents.id, annotations.documentId))
        .where(and(eq(documents.projectId, projectId), isNull(annotations.deletedAt))),
    ]),
  );
  const count = (documentId: number, kind: string): number => spans.filter((s) => s.documentId === documentId && s.kind === kind).length;
  return new Map(docs.map((d) => [d.outlet, { words: d.words, claim: count(d.id, "claim"), opinion: count(d.id, "opinion"), quote: count(d.id, "quote") }]));
}

async function tableRows(caption: string): Promise<Record<string, string>[]> {
  return page.evaluate((cap) => {
    const table = [...document.querySelectorAll("table")].find((t) => t.caption?.textContent?.trim() === cap);
    if (!table) throw new Error(`no table “${cap}”`);
    const headers = [...table.querySelectorAll("thead th")].map((th) => (th.querySelector("button")?.firstChild?.textContent ?? th.textContent ?? "").trim());
    return [...table.querySelectorAll("tbody tr")].map((tr) =>
      Object.fromEntries([...tr.children].map((td, i) => [headers[i]!, td.textContent?.trim() ?? ""])),
    );
  }, caption);
}

const number = (text: string | undefined): number => Number((text ?? "").replace(/,/g, "").replace("−", "-"));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: false }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.skipIf(!existsSync(CORPUS))("issue 9 acceptance on the sample corpus", () => {
  it("uploads the five articles in one batch, each with its own outlet and date", async () => {
    await page.goto(`${server.baseUrl}/projects/new`);
    await page.getByLabel("Project name").fill("Iran in Iraq, compared");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.getByRole("heading", { name: "Iran in Iraq, compared", level: 1 }).waitFor();
    projectId = Number(new URL(page.url()).pathname.split("/")[2]);
    const files = readdirSync(CORPUS)
      .filter((f) => /^\d{3}_.*\.txt$/.test(f))
      .sort()
      .map((f) => path.join(CORPUS, f));
    await uploadCorpus(files);

    const stored = await onServerDatabase(server, (db) =>
      db
        .select({ id: documents.id, file: documents.sourceFileName, date: documents.publishedAt, outlet: outlets.name, story: stories.name })
        .from(documents)
        .innerJoin(outlets, eq(outlets.id, documents.outletId))
        .innerJoin(stories, eq(stories.id, documents.storyId))
        .where(eq(documents.projectId, projectId)),
    );
    expect(stored).toHaveLength(5);
    for (const row of stored) {
      const key = row.file!.slice(0, 3);
      expect({ outlet: row.outlet, date: row.date, story: row.story }).toEqual({ ...ROWS[key], story: STORY });
      docIds[key] = row.id;
    }
  });

  it("tags, links a claim across three outlets, and the comparison equals a hand count", async () => {
    // One speaker quoted in two articles.
    const quote = { speaker_text: SPEAKER, speaker_type: "named_org", mode: "indirect" };
    await span("000", "The PMUs have also committed war crimes, according to Human Rights Watch", "quote", quote);
    await span("003", "Shiite militias indiscriminately burned down the homes of Sunni families, according to Human Rights Watch", "quote", quote);
    // A claim carried by three outlets, as their own claim or as a quote.
    const CLAIM_000 = "Soleimani drafts the “plans for military operations” that Muhandis then carries out in Iraq";
    const CLAIM_001 = "Soleimani’s presence in Iraq\u00a0suggests that Tehran is likely playing a significant military role there";
    const claim000 = await span("000", CLAIM_000, "claim", { certainty: "certain" });
    await span("001", CLAIM_001, "claim", { certainty: "probable" });
    const claim003 = await span("003", "Amiri says he meets with the commander of the Quds Force, Qassem Soleimani, whenever he is Baghdad", "quote", {
      speaker_text: "Hadi al-Amiri",
      speaker_type: "named_person",
      mode: "indirect",
    });
    await span("001", "has unnerved those familiar with Iran’s campaign to cultivate influence in the region", "claim", { certainty: "certain" });
    await span("003", "For some time, Obama has been in thrall to the Iranians", "opinion", { holder: "author", sentiment: -2, bias: "lexical" });
    await span("004", "If Prime Minister Mustafa al-Kadhimi cracks down too hard on pro-Iran militias", "opinion", { holder: "author", sentiment: 0 });

    await linkInWorkspace("000", CLAIM_000, CLAIM_001);
    const res = await post(`/api/projects/${projectId}/claim-links`, { annotationId: claim000, otherAnnotationId: claim003 });
    expect(res.status, res.json.error).toBe(200);

    await page.goto(`${server.baseUrl}/projects/${projectId}/stories`);
    await page.getByRole("region", { name: STORY }).getByRole("link", { name: "Compare", exact: true }).click();
    await page.getByRole("heading", { name: STORY, level: 1 }).waitFor();
    await snapshot(page, "acceptance-compare");

    const expected = await handCount();
    const rows = await tableRows("Spans per outlet and per 1,000 words");
    expect(rows.map((r) => Object.values(r)[0]).sort()).toEqual([...expected.keys()].sort());
    for (const row of rows) {
      const outlet = Object.values(row)[0]!;
      const want = expected.get(outlet)!;
      expect(number(row["Words"]), outlet).toBe(want.words);
      for (const [kind, label] of [
        ["claim", "Claims"],
        ["opinion", "Opinions"],
        ["quote", "Attributed quotes"],
      ] as const) {
        expect(number(row[label]), `${outlet} ${label}`).toBe(want[kind]);
        const density = (want[kind] / want.words) * 1000;
        expect(number(row[`${label} per 1,000 words`]), `${outlet} ${label} per 1,000 words`).toBeCloseTo(density, 2);
      }
    }

    // Who speaks where: the speaker's row has one quote in each of the two outlets and none elsewhere.
    const matrix = await tableRows("Attributed quotes per speaker and outlet");
    const speakerRow = matrix.find((r) => Object.values(r)[0] === SPEAKER)!;
    expect(speakerRow, "a row for the speaker").toBeDefined();
    const cells = Object.entries(speakerRow).filter(([h]) => h.startsWith("Quotes in "));
    const counts = Object.fromEntries(cells.map(([h, v]) => [h.replace("Quotes in ", ""), number(v.split(/\s/)[0] || "0")]));
    const { total, ...perOutlet } = counts;
    expect(perOutlet).toEqual({ "Business Insider": 0, "Opinion Blog": 1, "Policy Review": 0, "Tag Page Aggregator": 0, "Tallinn Interview Desk": 1 });
    expect(total).toBe(2);

    // The linked claim's timeline lists its three outlets in order of publication.
    const claims = page.getByRole("region", { name: "Claims across outlets" });
    const table = claims.locator("table").first();
    const headers = await table.locator("thead th").allTextContents();
    const outletColumn = headers.findIndex((h) => h.startsWith("Outlet"));
    const outlets = await table.locator(`tbody tr > :nth-child(${outletColumn + 1})`).allTextContents();
    expect(outlets).toEqual(["Opinion Blog", "Tallinn Interview Desk", "Business Insider"]);
  });
});

/** Opens the claim's document, walks to it with j, and links the top suggestion with L. */
async function linkInWorkspace(file: string, claim: string, expected: string): Promise<void> {
  await page.goto(`${server.baseUrl}/projects/${projectId}/documents/${docIds[file]}`);
  await page.waitForFunction(() => CSS.highlights.has("pd-claim"));
  await page.getByTestId("document-text").focus();
  await expect
    .poll(async () => {
      await page.keyboard.press("j");
      return page.locator("#active-span-heading").textContent();
    })
    .toContain(claim.slice(0, 40));
  const panel = page.getByRole("region", { name: /Same claim elsewhere/ });
  const first = panel.getByRole("list", { name: "Suggested matches" }).getByRole("listitem").first();
  await first.waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
    await snapshot(page, "acceptance-no-suggestion");
    throw new Error(`no suggestion; the panel says: ${await panel.textContent()}`, { cause: error });
  });
  expect(await first.textContent()).toContain(expected.slice(0, 40));
  await snapshot(page, "acceptance-suggested");
  await page.getByTestId("document-text").focus();
  await page.keyboard.press("l");
  await panel.getByRole("list", { name: "Linked spans" }).getByText(expected).waitFor();
}
