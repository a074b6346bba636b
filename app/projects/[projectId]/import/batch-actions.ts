"use server";
// The batch upload in two steps: "inspect" reads the chosen files and returns one pre-filled
// row per file (nothing is written); "import" sends the same files with the rows as edited.
// Both are called with FormData built by the client, so the chosen files stay in the page.
import { revalidatePath } from "next/cache";
import { formString } from "@/app/form-state";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { requireUser } from "@/lib/server/auth";
import { importDocuments, inspectImport, type ImportItem, type InspectedFile } from "@/lib/server/documents";
import { MAX_BATCH_FILES, parseImportRows } from "@/lib/validation/documents";
import { parseId } from "@/lib/validation/projects";

export interface InspectState {
  files?: InspectedFile[];
  message?: string;
}

export interface BatchState {
  ok?: boolean;
  message?: string;
  imported?: { id: number; title: string }[];
  /** Every problem, as a list above the rows (row problems also show beside their row). */
  problems?: string[];
  /** By row index: why the file was refused, and which fields are wrong. */
  rowProblems?: Record<number, string>;
  rowErrors?: Record<number, Record<string, string>>;
}

const overLimit = (file: File): string => `${file.name} is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.`;

/** The chosen files in order; one over the size limit is never read, only reported. */
async function readFiles(formData: FormData): Promise<{ items: (ImportItem | null)[]; files: File[] }> {
  const files = formData.getAll("files").filter((f): f is File => f instanceof File && f.name !== "");
  const items = await Promise.all(
    files.map(async (file) => (file.size > MAX_IMPORT_BYTES ? null : { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  return { items, files };
}

export async function inspectFilesAction(formData: FormData): Promise<InspectState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return { message: "That project does not exist." };
  const { items, files } = await readFiles(formData);
  if (files.length === 0) return { message: "Choose at least one file." };
  if (files.length > MAX_BATCH_FILES) return { message: `Choose at most ${MAX_BATCH_FILES} files at a time.` };
  const readable = items.filter((i): i is ImportItem => i !== null);
  const result = await inspectImport(user, projectId, readable);
  if (!result.ok) return { message: result.error };
  let next = 0;
  const rows = files.map((file, index): InspectedFile => {
    if (items[index] !== null) return { ...result.files[next++]!, index };
    const empty = { title: "", outlet: "", story: "", author: "", publishedAt: "", url: "" };
    return { index, fileName: file.name, values: empty, wordCount: null, problem: overLimit(file) };
  });
  return { files: rows };
}

export async function importBatchAction(formData: FormData): Promise<BatchState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return { message: "That project does not exist." };
  const { items, files } = await readFiles(formData);
  if (files.length === 0) return { message: "Choose at least one file." };
  const rows = parseImportRows(formString(formData, "rows"), files.length);
  if (!rows.ok) {
    return { message: rows.message, rowErrors: Object.fromEntries(rows.rowErrors.map((r) => [r.index, r.errors])) };
  }
  const tooLarge = files.flatMap((file, index) => (items[index] === null ? [[index, overLimit(file)] as const] : []));
  if (tooLarge.length > 0) {
    return { message: "Nothing was imported. Fix these and try again:", rowProblems: Object.fromEntries(tooLarge), problems: tooLarge.map(([, m]) => m) };
  }
  const withRows = items.map((item, index) => ({ ...item!, meta: rows.rows[index]! }));
  const result = await importDocuments({ kind: "user", user }, projectId, withRows, {});
  if (!result.ok) {
    const rowProblems: Record<number, string> = {};
    for (const p of result.problems) if (p.index !== undefined) rowProblems[p.index] = [rowProblems[p.index], p.message].filter(Boolean).join(" ");
    const problems = result.problems.map((p) => p.message);
    return { message: "Nothing was imported. Fix these and try again:", rowProblems, problems };
  }
  revalidatePath(`/projects/${projectId}`);
  const n = result.documents.length;
  const created = [...result.createdOutlets.map((o) => `new outlet “${o}”`), ...result.createdStories.map((s) => `new story “${s}”`)];
  return {
    ok: true,
    message: `Imported ${n} document${n === 1 ? "" : "s"}${created.length > 0 ? ` (${created.join(", ")})` : ""}.`,
    imported: result.documents.map((d) => ({ id: d.id, title: d.title })),
  };
}
