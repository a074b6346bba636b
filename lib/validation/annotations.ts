// The contract for spans: kinds, their attributes (DESIGN.md, "Span kinds and their
// attributes"), and the payloads the workspace sends. Shared by the route handlers, the
// client, exports and the CLI. Objects are strict: an unknown attribute is refused, not dropped.
import { z } from "@/lib/validation/zod";
import { MAX_DB_INTEGER } from "./projects";

/** Ids and versions name rows: past what a row can hold, there is no such row. */
const TOO_LARGE = `No such id or version (at most ${MAX_DB_INTEGER.toLocaleString("en")}).`;

export const ANNOTATION_KINDS = ["claim", "opinion", "quote"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const KIND_LABELS: Record<AnnotationKind, string> = {
  claim: "Claim",
  opinion: "Opinion",
  quote: "Attributed quote",
};

export const CONFIDENCE = ["low", "medium", "high"] as const;
export const CERTAINTY = ["certain", "probable", "possible", "underspecified"] as const;
export const OPINION_HOLDERS = ["author", "quoted"] as const;
export const BIAS_TYPES = ["lexical", "informational", "none"] as const;
export const SPEAKER_TYPES = ["named_person", "unnamed_person", "named_org", "unnamed_group", "document", "media_outlet", "outlet_self", "unknown"] as const;
export const QUOTE_MODES = ["direct", "indirect", "mixed"] as const;
export const CONTENT_TYPES = ["claim", "opinion", "mixed"] as const;

const shortText = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
const targets = z.array(z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE)).max(50, "At most 50 targets.");
const common = { confidence: z.enum(CONFIDENCE).optional() };

export const claimAttributesSchema = z.strictObject({
  ...common,
  checkworthy: z.enum(["yes", "no"]).optional(),
  certainty: z.enum(CERTAINTY).optional(),
  targets: targets.optional(),
});

export const opinionAttributesSchema = z.strictObject({
  ...common,
  holder: z.enum(OPINION_HOLDERS).optional(),
  sentiment: z.number().int().min(-2, "Sentiment runs from -2 to +2.").max(2, "Sentiment runs from -2 to +2.").optional(),
  targets: targets.optional(),
  bias: z.enum(BIAS_TYPES).optional(),
});

export const quoteAttributesSchema = z.strictObject({
  ...common,
  source_id: z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE).nullable().optional(),
  speaker_text: shortText(300).optional(),
  speaker_type: z.enum(SPEAKER_TYPES).optional(),
  mode: z.enum(QUOTE_MODES).optional(),
  cue: shortText(100).optional(),
  addressee: shortText(200).optional(),
  content_type: z.enum(CONTENT_TYPES).optional(),
});

export type ClaimAttributes = z.infer<typeof claimAttributesSchema>;
export type OpinionAttributes = z.infer<typeof opinionAttributesSchema>;
export type QuoteAttributes = z.infer<typeof quoteAttributesSchema>;
export type AnnotationAttributes = ClaimAttributes | OpinionAttributes | QuoteAttributes;

export const ATTRIBUTE_SCHEMAS = {
  claim: claimAttributesSchema,
  opinion: opinionAttributesSchema,
  quote: quoteAttributesSchema,
} as const;

/** Validates attributes for a kind; the error message names the offending attribute. */
export function parseAttributes(kind: AnnotationKind, raw: unknown): { ok: true; attributes: AnnotationAttributes } | { ok: false; error: string } {
  const parsed = ATTRIBUTE_SCHEMAS[kind].safeParse(raw ?? {});
  if (parsed.success) return { ok: true, attributes: parsed.data };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? `“${issue.path.join(".")}”` : "attributes";
  const what = issue.code === "unrecognized_keys" ? `unknown attribute ${issue.keys.map((k) => `“${k}”`).join(", ")}` : `${where}: ${issue.message}`;
  return { ok: false, error: `Invalid ${KIND_LABELS[kind].toLowerCase()} attributes: ${what}.` };
}

export const NOTE_MAX = 5000;

/** Offsets are Unicode code points into the frozen text, end exclusive. */
export const createAnnotationSchema = z.strictObject({
  kind: z.enum(ANNOTATION_KINDS, { message: "Kind must be claim, opinion or quote." }),
  start: z.number().int().min(0, "start must be 0 or more."),
  end: z.number().int().positive("end must be after start."),
  exact: z.string().min(1, "exact must be the selected text."),
  attributes: z.record(z.string(), z.unknown()).optional(),
  note: z.string().max(NOTE_MAX, `The note is at most ${NOTE_MAX} characters.`).optional(),
  parentId: z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE).nullable().optional(),
});
export type CreateAnnotationInput = z.infer<typeof createAnnotationSchema>;

/** Every change names the version it was made against, so a stale tab cannot overwrite. */
export const updateAnnotationSchema = z.strictObject({
  version: z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE),
  kind: z.enum(ANNOTATION_KINDS).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().positive().optional(),
  exact: z.string().min(1).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  note: z.string().max(NOTE_MAX).optional(),
  parentId: z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE).nullable().optional(),
});
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const versionOnlySchema = z.strictObject({ version: z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE) });

/** Restore may name the version it saw (the deleted span's); older clients send none. */
export const restoreSchema = z.strictObject({ version: z.number().int().positive().max(MAX_DB_INTEGER, TOO_LARGE).optional() });

export const SOURCE_KINDS = ["person", "organization", "government", "document", "media_outlet", "anonymous"] as const;

export const newSourceSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter the source's name.").max(200),
  kind: z.enum(SOURCE_KINDS, { message: "Pick the kind of source." }),
  affiliation: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
});
export type NewSourceInput = z.infer<typeof newSourceSchema>;

/** What the API returns for a span. */
export interface AnnotationDto {
  id: number;
  documentId: number;
  annotatorId: number;
  annotatorName: string;
  layer: "annotator" | "gold";
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  attributes: Record<string, unknown>;
  note: string;
  parentId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** A span's content as the client sends it and the server stores it (before attribute validation). */
export interface SpanFields {
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  attributes: Record<string, unknown>;
  note: string;
  parentId: number | null;
}

/** One entry of a span's audit trail. */
export interface HistoryEntry {
  action: string;
  actorName: string | null;
  at: string;
  before: unknown;
  after: unknown;
}

/** A row of the project's sources registry, as the API returns it. */
export interface SourceDto {
  id: number;
  name: string;
  kind: (typeof SOURCE_KINDS)[number];
  affiliation: string | null;
  description: string;
  aliases: string[];
}
