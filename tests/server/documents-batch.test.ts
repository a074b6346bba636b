// A batch upload with per-file metadata: the preview (inspectImport) reads each file and
// pre-fills its row without writing anything; the import stores each row's own outlet, story,
// author, date and URL, all or nothing, reporting problems by row.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, documents, outlets, stories } from "@/db/tables";
import { importDocuments, inspectImport, type ImportItem } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { parseImportRows } from "@/lib/validation/documents";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const FIXTURES = path.resolve(process.cwd(), "tests", "unit", "import", "fixtures");
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

let manager: SessionUser;
let projectId: number;
const documentCount = async (): Promise<number> => (await first(getDb().select({ n: count() }).from(documents)))!.n;
const outletNamed = async (name: string) => await getDb().select().from(outlets).where(eq(outlets.name, name));

beforeAll(async () => {
  manager = await admin();
  projectId = await project("Batch metadata");
});

describe("the upload preview", () => {
  it("pre-fills each row from its file and writes nothing", async () => {
    const before = await documentCount();
    const result = await inspectImport(manager, projectId, [
      { fileName: "courier.html", bytes: fixture("og-article.html") },
      { fileName: "ledger.html", bytes: fixture("jsonld-article.html") },
      { fileName: "brief.md", bytes: enc("# Ministers meet\n\nThe ministers met on Monday.") },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => [f.fileName, f.values, f.problem])).toEqual([
      [
        "courier.html",
        {
          title: "Harbour levy passes after a long night",
          outlet: "Northgate Courier",
          story: "",
          author: "Priya Fictional",
          publishedAt: "2025-06-30",
          url: "https://northgate-courier.test/og-address",
        },
        null,
      ],
      [
        "ledger.html",
        {
          title: "Bridge closure extended by two weeks",
          outlet: "Riverside Ledger",
          story: "",
          author: "Ola Invented, Ben Madeup",
          publishedAt: "2024-11-02",
          url: "https://riverside-ledger.test/news/bridge",
        },
        null,
      ],
      ["brief.md", { title: "Ministers meet", outlet: "", story: "", author: "", publishedAt: "", url: "" }, null],
    ]);
    expect(await documentCount()).toBe(before);
    expect(await outletNamed("Northgate Courier")).toHaveLength(0);
  });

  it("spells an outlet the way the existing one is spelled", async () => {
    await getDb().insert(outlets).values({ name: "RIVERSIDE Ledger" });
    const result = await inspectImport(manager, projectId, [{ fileName: "ledger.html", bytes: fixture("jsonld-article.html") }]);
    expect(result.ok && result.files[0]!.values.outlet).toBe("RIVERSIDE Ledger");
  });

  it("reports each file that would be refused beside its own row", async () => {
    await importDocuments({ kind: "user", user: manager }, projectId, [{ text: "Already here.\n\nSome body." }], {});
    const result = await inspectImport(manager, projectId, [
      { fileName: "scan.pdf", bytes: enc("%PDF-1.7") },
      { fileName: "fine.txt", bytes: enc("Fine title\n\nFine body.") },
      { fileName: "again.txt", bytes: enc("Already here.\n\nSome body.") },
      { fileName: "latin1.txt", bytes: Uint8Array.from([0x63, 0x61, 0x66, 0xe9]) },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.files.map((f) => f.problem === null)).toEqual([false, true, false, false]);
    expect(result.files[0]!.problem).toContain("scan.pdf can't be imported");
    expect(result.files[2]!.problem).toContain("already in this project");
    expect(result.files[3]!.problem).toContain("not valid UTF-8");
    expect(result.files[1]!.values.title).toBe("Fine title");
  });

  it.skipIf(!existsSync(CORPUS))("titles a sample article whose first line is a paragraph with at most 120 code points, cut at a word", async () => {
    const name = readdirSync(CORPUS).find((f) => f.startsWith("000_"))!;
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS, name)));
    const firstLine = readFileSync(path.join(CORPUS, name), "utf8").split("\n")[0]!.trim();
    expect(Array.from(firstLine).length).toBeGreaterThan(120);
    const result = await inspectImport(manager, projectId, [{ fileName: name, bytes }]);
    if (!result.ok) throw new Error(result.error);
    const title = result.files[0]!.values.title;
    expect(Array.from(title).length).toBeLessThanOrEqual(120);
    expect(title.endsWith("…")).toBe(true);
    expect(firstLine.startsWith(title.slice(0, -1))).toBe(true);
    expect(firstLine[title.length - 1]).toBe(" ");
  });

  it("is for managers: 403 for an annotator, 404 for a non-member", async () => {
    const ana = await reviewer();
    const outsider = await reviewer();
    await addMember(projectId, ana, "annotator");
    const items: ImportItem[] = [{ fileName: "a.txt", bytes: enc("A\n\nb") }];
    expect(await inspectImport(ana, projectId, items)).toMatchObject({ ok: false, status: 403 });
    expect(await inspectImport(outsider, projectId, items)).toMatchObject({ ok: false, status: 404 });
  });
});

describe("importing with one row of metadata per file", () => {
  it("stores each file with its own outlet, story, author, date and URL, and audits each", async () => {
    const pid = projectId;
    const result = await importDocuments(
      { kind: "user", user: manager },
      pid,
      [
        {
          fileName: "one.txt",
          bytes: enc("First article\n\nBody one."),
          meta: { title: "Edited title", outlet: "Alpha Daily", story: "Floods", author: "A. One", publishedAt: "2021-01-01", url: "https://alpha.test/1" },
        },
        { fileName: "two.txt", bytes: enc("Second article\n\nBody two."), meta: { outlet: "Beta Weekly", story: "Floods", publishedAt: "2021-01-03" } },
      ],
      {},
    );
    expect(result).toMatchObject({ ok: true, createdOutlets: ["Alpha Daily", "Beta Weekly"], createdStories: ["Floods"] });
    if (!result.ok) return;
    const rows = await getDb()
      .select({
        title: documents.title,
        outlet: outlets.name,
        story: stories.name,
        author: documents.author,
        publishedAt: documents.publishedAt,
        url: documents.url,
      })
      .from(documents)
      .leftJoin(outlets, eq(outlets.id, documents.outletId))
      .leftJoin(stories, eq(stories.id, documents.storyId))
      .where(
        inArray(
          documents.id,
          result.documents.map((d) => d.id),
        ),
      )
      .orderBy(documents.id);
    expect(rows).toEqual([
      { title: "Edited title", outlet: "Alpha Daily", story: "Floods", author: "A. One", publishedAt: "2021-01-01", url: "https://alpha.test/1" },
      { title: "Second article", outlet: "Beta Weekly", story: "Floods", author: null, publishedAt: "2021-01-03", url: null },
    ]);
    const audit = (
      await getDb()
        .select()
        .from(auditLog)
        .where(
          inArray(
            auditLog.entityId,
            result.documents.map((d) => d.id),
          ),
        )
    ).filter((a) => a.entity === "document");
    expect(audit.map((a) => (a.after as { outlet: string }).outlet).sort()).toEqual(["Alpha Daily", "Beta Weekly"]);
  });

  it("keeps a field emptied in the row empty even when the file says otherwise", async () => {
    const result = await importDocuments(
      { kind: "user", user: manager },
      projectId,
      [{ fileName: "courier.html", bytes: fixture("og-article.html"), meta: { author: "Someone Else" } }],
      {},
    );
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const row = (await first(getDb().select().from(documents).where(eq(documents.id, result.documents[0]!.id))))!;
    expect(row).toMatchObject({ outletId: null, author: "Someone Else", publishedAt: null, url: null, title: "Harbour levy passes after a long night" });
  });

  it("without rows (CLI, a batch given one outlet), takes outlet, date and address from the file where none is given", async () => {
    const result = await importDocuments({ kind: "system", label: "cli" }, projectId, [{ fileName: "ledger.html", bytes: fixture("jsonld-article.html") }], {
      story: "Bridges",
    });
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const row = (await first(getDb().select().from(documents).where(eq(documents.id, result.documents[0]!.id))))!;
    expect(row).toMatchObject({ author: "Ola Invented, Ben Madeup", publishedAt: "2024-11-02", url: "https://riverside-ledger.test/news/bridge" });
    expect((await first(getDb().select().from(outlets).where(eq(outlets.id, row.outletId!))))!.name).toBe("RIVERSIDE Ledger");
  });

  it("writes nothing when one row is refused, and names that row", async () => {
    const before = await documentCount();
    const result = await importDocuments(
      { kind: "user", user: manager },
      projectId,
      [
        { fileName: "good.txt", bytes: enc("Good\n\nA good body."), meta: { outlet: "Never Made Outlet", story: "Never Made Story" } },
        { fileName: "untitled.md", bytes: enc("No heading here."), meta: { outlet: "Never Made Outlet" } },
      ],
      {},
    );
    expect(result).toMatchObject({ ok: false, problems: [{ index: 1, source: "untitled.md", message: expect.stringContaining("has no title") }] });
    expect(await documentCount()).toBe(before);
    expect(await outletNamed("Never Made Outlet")).toHaveLength(0);
    expect(await getDb().select().from(stories).where(eq(stories.name, "Never Made Story"))).toHaveLength(0);
  });
});

describe("the rows sent with a batch", () => {
  it("are checked one by one, with errors by row and field", () => {
    const rows = [
      { title: "", outlet: "A", publishedAt: "2021-01-01" },
      { publishedAt: "01/02/2021", url: "alpha.test" },
    ];
    const parsed = parseImportRows(JSON.stringify(rows), 2);
    expect(parsed).toMatchObject({
      ok: false,
      rowErrors: [{ index: 1, errors: { publishedAt: expect.stringMatching(/YYYY-MM-DD/), url: expect.stringMatching(/http/) } }],
    });
    expect(parseImportRows(JSON.stringify(rows.slice(0, 1)), 1)).toEqual({ ok: true, rows: [{ outlet: "A", publishedAt: "2021-01-01" }] });
  });

  it("must match the files in number", () => {
    expect(parseImportRows("[]", 1)).toMatchObject({ ok: false, rowErrors: [] });
    expect(parseImportRows("not json", 1)).toMatchObject({ ok: false, rowErrors: [] });
  });
});
