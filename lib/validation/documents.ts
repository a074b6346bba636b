import { isIsoDay } from "@/lib/import/dates";
import { z } from "@/lib/validation/zod";
import { MAX_DB_INTEGER } from "./projects";
import { fieldErrors } from "./users";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v));

// Shared by the upload form, the paste form and the CLI.
export const documentMetadataSchema = z.object({
  title: optionalText(300, "The title"),
  outlet: optionalText(120, "The outlet name"),
  story: optionalText(160, "The story name"),
  author: optionalText(200, "The author"),
  publishedAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : v))
    .refine((v) => v === undefined || isIsoDay(v), {
      message: "Give the publication date as YYYY-MM-DD.",
    }),
  url: optionalText(2000, "The URL").refine((v) => v === undefined || /^https?:\/\/\S+$/i.test(v), {
    message: "Give a full web address starting with http:// or https://.",
  }),
});
// Every field optional: callers in code (demo, tests) pass only what they have.
export type DocumentMetadata = Partial<z.infer<typeof documentMetadataSchema>>;

export const METADATA_FIELDS = ["title", "outlet", "story", "author", "publishedAt", "url"] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];
/** A form's metadata as typed: every field a string, "" for empty. */
export type MetadataValues = Record<MetadataField, string>;

export const MAX_BATCH_FILES = 100;

/** One row per file of an upload preview, in the order of the files. */
const importRowsSchema = z.array(z.record(z.string(), z.unknown())).max(MAX_BATCH_FILES);

export type RowsParse = { ok: true; rows: DocumentMetadata[] } | { ok: false; message: string; rowErrors: { index: number; errors: Record<string, string> }[] };

/** The preview's rows, each checked like a single document's metadata; errors by row and field. */
export function parseImportRows(raw: string, fileCount: number): RowsParse {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, message: "The form was sent incomplete; choose the files again.", rowErrors: [] };
  }
  const rows = importRowsSchema.safeParse(json);
  if (!rows.success || rows.data.length !== fileCount) {
    return { ok: false, message: "The details do not match the files chosen; choose the files again.", rowErrors: [] };
  }
  const parsed: DocumentMetadata[] = [];
  const rowErrors: { index: number; errors: Record<string, string> }[] = [];
  rows.data.forEach((row, index) => {
    const result = documentMetadataSchema.safeParse(row);
    if (result.success) parsed.push(result.data);
    else rowErrors.push({ index, errors: fieldErrors(result.error) });
  });
  return rowErrors.length === 0 ? { ok: true, rows: parsed } : { ok: false, message: "Nothing was imported. Fix the marked fields and try again:", rowErrors };
}

/** A document's metadata as a manager edits it after import: the title stays required. */
export const documentEditSchema = documentMetadataSchema.extend({
  title: z.string().trim().min(1, "Give the document a title.").max(300, "The title is at most 300 characters."),
});
export type DocumentEdit = z.infer<typeof documentEditSchema>;

export const DOCUMENT_SORTS = ["date_desc", "date_asc", "title", "imported"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export const documentListQuerySchema = z.object({
  outlet: z.coerce.number().int().positive().max(MAX_DB_INTEGER).optional().catch(undefined),
  story: z.coerce.number().int().positive().max(MAX_DB_INTEGER).optional().catch(undefined),
  sort: z.enum(DOCUMENT_SORTS).catch("date_desc"),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;
