import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, documents, outlets, stories } from "@/db/tables";
import { getDocumentForMember, listDocumentsForMember } from "@/lib/server/document-reads";
import { importDocuments } from "@/lib/server/documents";
import { normalizeText } from "@/lib/text";
import { sha256Hex } from "@/lib/text/hash";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const NO_META = {};
const enc = (s: string) => new TextEncoder().encode(s);

async function managerAndProject() {
  const manager = await admin();
  const projectId = await project();
  return { actor: { kind: "user" as const, user: manager }, manager, projectId };
}

async function documentCount(): Promise<number> {
  return (await first(getDb().select({ n: count() }).from(documents)))!.n;
}

describe("importing documents", () => {
  it("normalizes pasted text once (NFC, \\n line ends) and freezes it with its sha256", async () => {
    const { actor, projectId } = await managerAndProject();
    const raw = "Cafe\u0301 title\r\nLine two  \r\n";
    const result = await importDocuments(actor, projectId, [{ text: raw }], { outlet: "Le Monde", story: "Elections" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = (await first(getDb().select().from(documents).where(eq(documents.id, result.documents[0]!.id))))!;
    expect(row.text).toBe("Café title\nLine two");
    expect(row.textSha256).toBe(sha256Hex("Café title\nLine two"));
    expect(row.charCount).toBe([..."Café title\nLine two"].length);
    expect(row.title).toBe("Café title");
    expect(result.createdOutlet).toBe("Le Monde");
    expect(result.createdStory).toBe("Elections");
  });

  it("picks an existing outlet and story regardless of letter case", async () => {
    const { actor, projectId } = await managerAndProject();
    await importDocuments(actor, projectId, [{ text: "first text" }], { outlet: "The Wire", story: "Floods" });
    const second = await importDocuments(actor, projectId, [{ text: "second text" }], { outlet: "the wire", story: "FLOODS" });
    expect(second.ok && second.createdOutlet === null && second.createdStory === null).toBe(true);
    expect(await getDb().select().from(outlets).where(eq(outlets.name, "The Wire"))).toHaveLength(1);
    expect(await getDb().select().from(stories).where(eq(stories.projectId, projectId))).toHaveLength(1);
  });

  it("folds ASCII letters only, as the names' unique keys do, whatever the database's locale", async () => {
    const { actor, projectId } = await managerAndProject();
    await importDocuments(actor, projectId, [{ text: "Écho text" }], { outlet: "Écho du Port", story: "Émeutes" });
    const second = await importDocuments(actor, projectId, [{ text: "écho text" }], { outlet: "écho du port", story: "émeutes" });
    expect(second.ok && [second.createdOutlet, second.createdStory]).toEqual(["écho du port", "émeutes"]);
    const third = await importDocuments(actor, projectId, [{ text: "ÉCHO TEXT" }], { outlet: "ÉCHO DU PORT", story: "ÉMEUTES" });
    expect(third.ok && [third.createdOutlet, third.createdStory]).toEqual([null, null]);
  });

  it("refuses the same text twice in one project, naming the existing document", async () => {
    const { actor, projectId } = await managerAndProject();
    const first = await importDocuments(actor, projectId, [{ text: "Exactly the same text." }], { title: "Original" });
    expect(first.ok).toBe(true);
    const again = await importDocuments(actor, projectId, [{ fileName: "copy.txt", bytes: enc("Exactly the same text.\r\n") }], NO_META);
    expect(again.ok).toBe(false);
    if (again.ok || !first.ok) return;
    expect(again.problems[0]!.message).toContain(`“Original” (document ${first.documents[0]!.id})`);
  });

  it("allows the same text in another project", async () => {
    const { actor } = await managerAndProject();
    const a = await project();
    const b = await project();
    expect((await importDocuments(actor, a, [{ text: "Shared wire copy." }], NO_META)).ok).toBe(true);
    expect((await importDocuments(actor, b, [{ text: "Shared wire copy." }], NO_META)).ok).toBe(true);
  });

  it.each([
    ["empty text", { text: "" }, /no text/],
    ["whitespace-only text", { text: "  \n\t \r\n " }, /no text/],
    ["a file over 5 MB", { fileName: "big.txt", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(97) }, /limit/],
    ["a file that is not UTF-8", { fileName: "latin1.txt", bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x21]) }, /UTF-8/],
    ["an unsupported file type", { fileName: "report.pdf", bytes: enc("%PDF-1.4") }, /\.txt/],
  ])("refuses %s with a clear message and writes nothing", async (_label, item, message) => {
    const { actor, projectId } = await managerAndProject();
    const before = await documentCount();
    const auditBefore = (await first(getDb().select({ n: count() }).from(auditLog)))!.n;
    const result = await importDocuments(actor, projectId, [item], NO_META);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.message).toMatch(message);
    expect(await documentCount()).toBe(before);
    expect((await first(getDb().select({ n: count() }).from(auditLog)))!.n).toBe(auditBefore);
  });

  it("imports a batch all or nothing, reporting every refused file", async () => {
    const { actor, projectId } = await managerAndProject();
    const before = await documentCount();
    const result = await importDocuments(
      actor,
      projectId,
      [
        { fileName: "good.txt", bytes: enc("Good title\n\nGood body.") },
        { fileName: "blank.md", bytes: enc("   ") },
        { fileName: "image.png", bytes: enc("png") },
      ],
      { outlet: "Never Created Outlet" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.source)).toEqual(["blank.md", "image.png"]);
    expect(await documentCount()).toBe(before);
    expect(await getDb().select().from(outlets).where(eq(outlets.name, "Never Created Outlet"))).toHaveLength(0);
  });

  it("extracts the article text from HTML, never keeping markup or scripts", async () => {
    const { actor, projectId } = await managerAndProject();
    const html = `<html><head><title>Page title</title><script>alert("x")</script></head>
      <body><nav>Home | About</nav><article><h1>Headline here</h1><p>First paragraph of the story with enough words to count as an article body for extraction.</p>
      <p>Second paragraph <b>with</b> bold text and more words so that the readability heuristics accept it.</p></article></body></html>`;
    const result = await importDocuments(actor, projectId, [{ fileName: "story.html", bytes: enc(html) }], NO_META);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = (await first(getDb().select().from(documents).where(eq(documents.id, result.documents[0]!.id))))!;
    expect(row.text).toContain("First paragraph of the story");
    expect(row.text).toContain("Second paragraph with bold text");
    expect(row.text).not.toMatch(/<|alert|Home \| About/);
  });

  it("lets only a project's managers import", async () => {
    const projectId = await project();
    const annotator = await reviewer();
    await addMember(projectId, annotator, "annotator");
    const outsider = await reviewer();
    for (const user of [annotator, outsider]) {
      const result = await importDocuments({ kind: "user", user }, projectId, [{ text: "Sneaky text" }], NO_META);
      expect(result.ok).toBe(false);
    }
  });
});

describe("reading documents", () => {
  it("returns a document only to members of its project and only under that project", async () => {
    const { actor, projectId } = await managerAndProject();
    const otherProject = await project();
    const result = await importDocuments(actor, projectId, [{ text: "Members only text" }], NO_META);
    if (!result.ok) throw new Error("import failed");
    const docId = result.documents[0]!.id;
    const member = await reviewer();
    await addMember(projectId, member, "annotator");
    const outsider = await reviewer();
    await addMember(otherProject, outsider, "manager");

    expect((await getDocumentForMember(member, projectId, docId))?.text).toBe("Members only text");
    expect(await getDocumentForMember(outsider, projectId, docId)).toBeNull();
    expect(await getDocumentForMember(outsider, otherProject, docId)).toBeNull();
    expect(await getDocumentForMember(member, projectId, 987_654)).toBeNull();
    expect(await listDocumentsForMember(outsider, projectId, { sort: "date_desc" })).toEqual([]);
  });

  it("filters the list by outlet and story and sorts by date", async () => {
    const { actor, projectId, manager } = await managerAndProject();
    await importDocuments(actor, projectId, [{ text: "A text" }], { title: "A", outlet: "Alpha", story: "S1", publishedAt: "2020-01-02" });
    await importDocuments(actor, projectId, [{ text: "B text" }], { title: "B", outlet: "Beta", story: "S1", publishedAt: "2021-05-06" });
    await importDocuments(actor, projectId, [{ text: "C text" }], { title: "C", outlet: "Alpha", story: "S2", publishedAt: "2019-03-04" });
    const all = await listDocumentsForMember(manager, projectId, { sort: "date_desc" });
    expect(all.map((d) => d.title)).toEqual(["B", "A", "C"]);
    expect((await listDocumentsForMember(manager, projectId, { sort: "date_asc" })).map((d) => d.title)).toEqual(["C", "A", "B"]);
    const alpha = all.find((d) => d.title === "A")!.outletId!;
    expect((await listDocumentsForMember(manager, projectId, { sort: "date_desc", outlet: alpha })).map((d) => d.title)).toEqual(["A", "C"]);
    const s1 = all.find((d) => d.title === "A")!.storyId!;
    expect((await listDocumentsForMember(manager, projectId, { sort: "title", story: s1 })).map((d) => d.title)).toEqual(["A", "B"]);
  });
});

describe.skipIf(!existsSync(CORPUS))("the sample corpus", () => {
  it("imports all five files and reads them back character for character", async () => {
    const { actor, projectId, manager } = await managerAndProject();
    const files = readdirSync(CORPUS).filter((f) => /^\d{3}_.*\.txt$/.test(f));
    expect(files).toHaveLength(5);
    const items = files.map((f) => ({ fileName: f, bytes: new Uint8Array(readFileSync(path.join(CORPUS, f))) }));
    const result = await importDocuments(actor, projectId, items, { story: "Iran in Iraq" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const [i, doc] of result.documents.entries()) {
      const expected = normalizeText(readFileSync(path.join(CORPUS, files[i]!), "utf8"));
      const stored = (await getDocumentForMember(manager, projectId, doc.id))!;
      expect(stored.text).toBe(expected);
      expect(stored.textSha256).toBe(sha256Hex(expected));
    }
  });
});
