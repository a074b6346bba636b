"use server";
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { importDocuments, type ImportItem, type ImportProblem, type ImportResult } from "@/lib/server/documents";
import { importAnnotations, type Refusal } from "@/lib/server/annotation-import";
import { reportHeadline, reportLines } from "@/lib/server/annotation-import/summary";
import { refuseUnlessManager } from "@/lib/server/members";
import { guessFormatOfFiles, importOptionsSchema, MAX_ANNOTATION_IMPORT_BYTES } from "@/lib/validation/annotation-import";
import { documentMetadataSchema } from "@/lib/validation/documents";
import { parseId } from "@/lib/validation/projects";
import { fieldErrors } from "@/lib/validation/users";

export interface ImportFormState extends FormState {
  imported?: { id: number; title: string }[];
  problems?: ImportProblem[];
}

const META_FIELDS = ["title", "outlet", "story", "author", "publishedAt", "url"] as const;

function readMetadata(formData: FormData): Record<string, string> {
  return Object.fromEntries(META_FIELDS.map((name) => [name, formString(formData, name)]));
}

function toState(result: ImportResult, values: Record<string, string>): ImportFormState {
  if (!result.ok) {
    return { message: "Nothing was imported. Fix these and try again:", problems: result.problems, values };
  }
  const created = [result.createdOutlet && `new outlet “${result.createdOutlet}”`, result.createdStory && `new story “${result.createdStory}”`].filter(Boolean);
  const n = result.documents.length;
  return {
    ok: true,
    message: `Imported ${n} document${n === 1 ? "" : "s"}${created.length ? ` (${created.join(", ")})` : ""}.`,
    imported: result.documents.map((d) => ({ id: d.id, title: d.title })),
  };
}

async function runImport(formData: FormData, items: ImportItem[], extraProblems: ImportProblem[]): Promise<ImportFormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const values = readMetadata(formData);
  if (projectId === null) return { message: "That project does not exist.", values };
  const meta = documentMetadataSchema.safeParse(values);
  if (!meta.success) return { errors: fieldErrors(meta.error), values };
  if (extraProblems.length > 0) return { message: "Nothing was imported. Fix these and try again:", problems: extraProblems, values };
  const result = await importDocuments({ kind: "user", user }, projectId, items, meta.data);
  if (result.ok) revalidatePath(`/projects/${projectId}`);
  return toState(result, values);
}

export async function pasteTextAction(_prev: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const text = formString(formData, "text");
  const state = await runImport(formData, [{ text }], []);
  // A refused paste comes back in the form, so nothing typed is lost.
  return state.ok ? state : { ...state, values: { ...state.values, text } };
}

export interface AnnotationImportState {
  ok?: boolean;
  message?: string;
  /** What the import did or would do, one sentence per line. */
  lines?: string[];
  refused?: Refusal[];
  /** The last run was a check that passed: importing the same file now does what it said. */
  checked?: boolean;
}

const tooLarge = (file: File): string =>
  `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB: the limit is ${MAX_ANNOTATION_IMPORT_BYTES / 1024 / 1024} MB.`;

/** "Check" runs the import as a dry run and reports; "Import" runs it for real. */
export async function importAnnotationsAction(_prev: AnnotationImportState, formData: FormData): Promise<AnnotationImportState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return { message: "That project does not exist." };
  const refusal = await refuseUnlessManager(user, projectId, "import annotations");
  if (refusal !== null) return { message: refusal.error };
  const files = formData.getAll("annotationFiles").filter((f): f is File => f instanceof File && f.name !== "");
  if (files.length === 0) return { message: "Choose the file to import." };
  const chosen = formString(formData, "format");
  const options = importOptionsSchema.safeParse({
    format: chosen === "auto" || chosen === "" ? guessFormatOfFiles(files.map((f) => f.name)) : chosen,
    layer: formString(formData, "layer"),
    dryRun: formString(formData, "intent") !== "import",
  });
  if (!options.success) return { message: `${options.error.issues[0]!.message}${chosen === "auto" ? " Choose the format." : ""}` };
  // Sizes are checked from the upload's headers, before a byte of any file is read.
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const over = files.find((f) => f.size > MAX_ANNOTATION_IMPORT_BYTES);
  if (over !== undefined || total > MAX_ANNOTATION_IMPORT_BYTES)
    return {
      message: `Nothing was imported: ${over !== undefined ? tooLarge(over) : `the files together are over the ${MAX_ANNOTATION_IMPORT_BYTES / 1024 / 1024} MB limit.`}`,
    };
  const inputs = await Promise.all(files.map(async (f) => ({ name: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  const result = await importAnnotations(user, projectId, { ...options.data, files: inputs });
  if (!result.ok) return { message: result.error };
  const { report } = result;
  if (report.written) revalidatePath(`/projects/${projectId}`);
  return {
    ok: report.refused.length === 0,
    message: reportHeadline(report),
    lines: reportLines(report),
    refused: report.refused,
    checked: report.dryRun && report.refused.length === 0,
  };
}
