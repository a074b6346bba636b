// The server actions behind the upload preview and the details page, called as the pages call
// them: the preview returns rows without writing; the import puts each problem on its row and
// keeps nothing half-written; a details save after someone else's keeps what was typed.
import { count, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { saveDetailsAction } from "@/app/projects/[projectId]/documents/[documentId]/details/actions";
import { importBatchAction, inspectFilesAction } from "@/app/projects/[projectId]/import/batch-actions";
import { getDb } from "@/db";
import { documents, outlets } from "@/db/tables";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { METADATA_FIELDS, type MetadataValues } from "@/lib/validation/documents";
import { addMember, admin, project, reviewer, signInAs } from "./helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const documentCount = async (): Promise<number> => (await first(getDb().select({ n: count() }).from(documents)))!.n;
const EMPTY: MetadataValues = { title: "", outlet: "", story: "", author: "", publishedAt: "", url: "" };

function batch(projectId: number, files: File[], rows?: Partial<MetadataValues>[]): FormData {
  const data = new FormData();
  data.set("projectId", String(projectId));
  files.forEach((f) => data.append("files", f));
  if (rows !== undefined) data.set("rows", JSON.stringify(rows.map((r) => ({ ...EMPTY, ...r }))));
  return data;
}

/** A file whose bytes must never be read. */
class OversizeFile extends File {
  override arrayBuffer(): Promise<ArrayBuffer> {
    throw new Error("the upload was read");
  }
  override get size(): number {
    return MAX_IMPORT_BYTES + 1;
  }
}

describe("the upload preview and import actions", () => {
  it("previews rows in file order, reporting an oversize file without reading it", async () => {
    const projectId = await project();
    await signInAs(await admin());
    const files = [new File(["First title\n\nBody one."], "one.txt"), new OversizeFile(["x"], "huge.txt"), new File(["# Second\n\nBody two."], "two.md")];
    const state = await inspectFilesAction(batch(projectId, files));
    expect(state.files?.map((f) => [f.index, f.fileName, f.values.title, f.problem])).toEqual([
      [0, "one.txt", "First title", null],
      [1, "huge.txt", "", "huge.txt is over the 5 MB limit."],
      [2, "two.md", "Second", null],
    ]);
  });

  it("refuses the batch with errors on the right rows and fields, writing nothing, then imports the corrected rows", async () => {
    const projectId = await project();
    await signInAs(await admin());
    const files = [new File(["Alpha\n\nBody alpha."], "alpha.txt"), new File(["No heading, no title."], "untitled.md")];
    const before = await documentCount();

    const badDate = await importBatchAction(batch(projectId, files, [{ outlet: "Row Outlet", publishedAt: "May 5" }, {}]));
    expect(badDate).toMatchObject({ rowErrors: { 0: { publishedAt: expect.stringMatching(/YYYY-MM-DD/) } } });
    expect(await documentCount()).toBe(before);

    const noTitle = await importBatchAction(batch(projectId, files, [{ outlet: "Row Outlet", publishedAt: "2020-05-05" }, {}]));
    expect(noTitle.ok).toBeUndefined();
    expect(noTitle.rowProblems).toEqual({ 1: expect.stringContaining("untitled.md has no title") });
    expect(noTitle.problems).toEqual([expect.stringContaining("untitled.md has no title")]);
    expect(await documentCount()).toBe(before);
    expect(await getDb().select().from(outlets).where(eq(outlets.name, "Row Outlet"))).toEqual([]);

    const done = await importBatchAction(
      batch(projectId, files, [
        { outlet: "Row Outlet", publishedAt: "2020-05-05" },
        { title: "Typed title", story: "S" },
      ]),
    );
    expect(done).toMatchObject({
      ok: true,
      message: "Imported 2 documents (new outlet “Row Outlet”, new story “S”).",
      imported: [{ title: "Alpha" }, { title: "Typed title" }],
    });
  });

  it("refuses rows that do not match the files", async () => {
    const projectId = await project();
    await signInAs(await admin());
    const state = await importBatchAction(batch(projectId, [new File(["A\n\nb"], "a.txt")], []));
    expect(state.message).toMatch(/do not match the files/);
  });

  it("tells an annotator that only managers add documents", async () => {
    const projectId = await project();
    const ana = await reviewer();
    await addMember(projectId, ana, "annotator");
    await signInAs(ana);
    expect(await inspectFilesAction(batch(projectId, [new File(["A\n\nb"], "a.txt")]))).toEqual({
      message: "Only a manager of this project can add documents.",
    });
  });
});

describe("the details action", () => {
  it("keeps the typed values after a refusal for a concurrent change, and checks the next save against what is stored now", async () => {
    const projectId = await project();
    const manager = await admin();
    await signInAs(manager);
    const files = [new File(["Levy passes\n\nBody."], "levy.txt")];
    const imported = await importBatchAction(batch(projectId, files, [{ outlet: "First Outlet" }]));
    const documentId = imported.imported![0]!.id;
    const loaded: MetadataValues = { ...EMPTY, title: "Levy passes", outlet: "First Outlet" };
    const form = (values: MetadataValues, was: MetadataValues): FormData => {
      const data = new FormData();
      data.set("projectId", String(projectId));
      data.set("documentId", String(documentId));
      for (const f of METADATA_FIELDS) {
        data.set(f, values[f]);
        data.set(`loaded_${f}`, was[f]);
      }
      return data;
    };

    expect(await saveDetailsAction({}, form({ ...loaded, outlet: "Second Outlet" }, loaded))).toMatchObject({ ok: true, message: "Saved." });
    const typed = { ...loaded, title: "Typed meanwhile" };
    const stale = await saveDetailsAction({}, form(typed, loaded));
    expect(stale).toMatchObject({ values: typed, changed: ["outlet"], loaded: { outlet: "Second Outlet" } });
    expect(stale.message).toContain("the outlet (now “Second Outlet”)");
    const again = await saveDetailsAction(stale, form({ ...typed, outlet: "Second Outlet" }, stale.loaded!));
    expect(again).toMatchObject({ ok: true, values: { title: "Typed meanwhile", outlet: "Second Outlet" } });
  });
});
