// How documents relate to other coverage: stories group documents about one event, and
// segments mark a region a document re-published from another outlet.
import { isIsoDay } from "@/lib/import/dates";
import { z } from "@/lib/validation/zod";
import { idSchema } from "./projects";

/** Empty form fields (and JSON nulls) are absent, not "". */
export const blankToUndefined = (v: unknown): unknown => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const isoDateSchema = (message: string) =>
  z
    .string({ error: message })
    .trim()
    // A day that exists: Date.parse would take 2024-02-30 as March 1st.
    .refine(isIsoDay, { message });

export const webAddressSchema = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(2000, "Web addresses are at most 2,000 characters.")
    .regex(/^https?:\/\/\S+$/i, message);

export const storySchema = z.object({
  name: z.string().trim().min(1, "Give the story a name.").max(160, "Story names are at most 160 characters."),
  description: z.string().trim().max(2000, "The description is at most 2,000 characters.").default(""),
});
export type StoryInput = z.input<typeof storySchema>;

export const moveDocumentSchema = z.object({
  documentId: idSchema,
  /** Empty or absent: take the document out of its story. */
  storyId: z.preprocess(blankToUndefined, idSchema.optional()).transform((v) => v ?? null),
});
export type MoveDocumentInput = z.input<typeof moveDocumentSchema>;

const codePointOffset = (what: string) =>
  z.number({ error: `The ${what} offset must be a whole number of characters.` }).int(`The ${what} offset must be a whole number of characters.`);

export const segmentSchema = z
  .object({
    start: codePointOffset("start"),
    end: codePointOffset("end"),
    outlet: z
      .string({ error: "Name the outlet that first published this region." })
      .trim()
      .min(1, "Name the outlet that first published this region.")
      .max(120, "Outlet names are at most 120 characters."),
    originalDate: z.preprocess(blankToUndefined, isoDateSchema("Give the original date as YYYY-MM-DD.").optional()),
    originalUrl: z.preprocess(blankToUndefined, webAddressSchema("Give the original web address, starting with http:// or https://.").optional()),
  })
  .strict();
export type SegmentInput = z.input<typeof segmentSchema>;
