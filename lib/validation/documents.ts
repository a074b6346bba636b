import { z } from "zod";

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
    .refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      message: "Give the publication date as YYYY-MM-DD.",
    }),
  url: optionalText(2000, "The URL").refine((v) => v === undefined || /^https?:\/\/\S+$/i.test(v), {
    message: "Give a full web address starting with http:// or https://.",
  }),
});
// Every field optional: callers in code (demo, tests) pass only what they have.
export type DocumentMetadata = Partial<z.infer<typeof documentMetadataSchema>>;

export const DOCUMENT_SORTS = ["date_desc", "date_asc", "title", "imported"] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export const documentListQuerySchema = z.object({
  outlet: z.coerce.number().int().positive().optional().catch(undefined),
  story: z.coerce.number().int().positive().optional().catch(undefined),
  sort: z.enum(DOCUMENT_SORTS).catch("date_desc"),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;
