// Outlet profiles and perspective: reviewers' ratings of outlets and documents on the
// project's axes, and published reference ratings (AllSides, Ad Fontes, MBFC…).
import { z } from "@/lib/validation/zod";
import { OUTLET_KINDS } from "@/db/tables";
import { blankToUndefined, isoDateSchema, webAddressSchema } from "./stories";

export const DOCUMENT_GENRES = ["reporting", "opinion", "analysis", "interview", "aggregation"] as const;
export type DocumentGenre = (typeof DOCUMENT_GENRES)[number];
export const GENRE_AXIS = "genre";

/** A number from a form ("" is missing, not 0) or from JSON. */
const numberField = (message: string) =>
  z.preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v), z.number({ error: message }));

const rationaleSchema = z
  .string({ error: "Give a rationale: say what in the coverage led to this rating." })
  .trim()
  .min(1, "Give a rationale: say what in the coverage led to this rating.")
  .max(4000, "The rationale is at most 4,000 characters.");

const axisKeySchema = z.string({ error: "Pick an axis." }).trim().min(1, "Pick an axis.").max(32, "Axis names are at most 32 characters.");

export const outletRatingSchema = z.object({
  axis: axisKeySchema,
  value: numberField("Give the rating as a number."),
  rationale: rationaleSchema,
});
export type OutletRatingInput = z.input<typeof outletRatingSchema>;

export const documentRatingSchema = z.discriminatedUnion(
  "axis",
  [
    z.object({
      axis: z.literal(GENRE_AXIS),
      label: z.enum(DOCUMENT_GENRES, { error: "Pick the genre: reporting, opinion, analysis, interview or aggregation." }),
      rationale: rationaleSchema,
    }),
    z.object({ axis: z.literal("stance"), value: numberField("Give the stance as a number."), rationale: rationaleSchema }),
  ],
  { error: "Documents are rated on genre and stance only." },
);
export type DocumentRatingInput = z.input<typeof documentRatingSchema>;

export const referenceRatingSchema = z
  .object({
    publisher: z
      .string({ error: "Name the publisher of the rating." })
      .trim()
      .min(1, "Name the publisher of the rating (AllSides, Ad Fontes Media, Media Bias/Fact Check…).")
      .max(80, "Publisher names are at most 80 characters."),
    axis: z
      .string({ error: "Say what the rating measures." })
      .trim()
      .min(1, "Say what the rating measures (left_right, reliability, factual reporting…).")
      .max(40, "At most 40 characters."),
    value: z.preprocess(blankToUndefined, numberField("The value must be a number.").optional()),
    label: z.preprocess(blankToUndefined, z.string().trim().max(80, "Labels are at most 80 characters.").optional()),
    retrievedAt: isoDateSchema("Give the date the rating was published or read, as YYYY-MM-DD."),
    url: webAddressSchema("Give the web address of the published rating, starting with http:// or https://."),
  })
  .refine((r) => r.value !== undefined || r.label !== undefined, {
    message: "Give the rating's value, its label (such as “Lean Left”), or both.",
    path: ["value"],
  });
export type ReferenceRatingInput = z.input<typeof referenceRatingSchema>;

export const outletProfileSchema = z.object({
  name: z.string().trim().min(1, "Give the outlet a name.").max(120, "Outlet names are at most 120 characters."),
  domain: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .regex(/^[a-z0-9.-]+\.[a-z0-9-]+$/, "Give the domain alone, like example.com.")
      .optional(),
  ),
  kind: z.enum(OUTLET_KINDS, { error: "Pick the kind of outlet." }),
  country: z.preprocess(blankToUndefined, z.string().trim().max(60, "At most 60 characters.").optional()),
  notes: z.string().trim().max(4000, "Notes are at most 4,000 characters.").default(""),
});
export type OutletProfileInput = z.input<typeof outletProfileSchema>;

/** The first problem of a failed parse, as one sentence for a refusal. */
export function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "The input is not valid.";
}
