// What an annotation import accepts: the options (format, target layer, dry run) shared by the
// Import page, the CLI and lib/server/annotation-import, and the shape of one JSONL line as the
// export writes it (lib/export/jsonl.ts). Unknown keys of a line are ignored so a newer minor
// export still reads; anything the import relies on is checked here and named when wrong.
import { z } from "@/lib/validation/zod";
import { OUTLET_KINDS } from "@/db/tables";
import { JSONL_FORMAT, JSONL_VERSION } from "@/lib/export/types";
import { ANNOTATION_KINDS, SOURCE_KINDS } from "./annotations";

/** Uploads above this are refused before they are read (and fit the server action body limit). */
export const MAX_ANNOTATION_IMPORT_BYTES = 25 * 1024 * 1024;

export const IMPORT_FORMATS = ["jsonl", "w3c", "brat"] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];

/** "as-exported" keeps each span in the layer the file gives; the others put every span in one layer. */
export type ImportLayer = "as-exported" | "gold" | `reviewer:${string}`;

export const importLayerSchema = z
  .string()
  .trim()
  .regex(/^(as-exported|gold|reviewer:[a-z0-9._-]+)$/, "The layer must be as-exported, gold or reviewer:<username>.")
  .transform((s) => s as ImportLayer);

export const importOptionsSchema = z.object({
  format: z.enum(IMPORT_FORMATS, { error: "The format must be jsonl, w3c or brat." }),
  layer: importLayerSchema,
  dryRun: z.boolean(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** The format a file name suggests, or null when it does not say. */
export function guessImportFormat(fileName: string): ImportFormatName | null {
  const name = fileName.toLowerCase();
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".json") || name.endsWith(".jsonld")) return "w3c";
  if (name.endsWith(".zip") || name.endsWith(".ann")) return "brat";
  return null;
}

/** "auto" on the Import page: a zip or .ann files are brat, else the first file's extension decides. */
export function guessFormatOfFiles(names: readonly string[]): ImportFormatName | null {
  if (names.some((n) => /\.(zip|ann)$/i.test(n))) return "brat";
  return names.length === 0 ? null : guessImportFormat(names[0]!);
}

const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date and time");
const person = z.object({ username: z.string().min(1), displayName: z.string() });
const id = z.number().int().positive();

const rating = z
  .object({
    axis: z.string().min(1),
    value: z.number().nullable(),
    label: z.string().nullable(),
    rationale: z.string().trim().min(1, "a rating needs a rationale"),
    gold: z.boolean(),
    rater: person,
    updatedAt: iso,
  })
  .refine((r) => r.value !== null || r.label !== null, "a rating needs a value or a label");

const reference = z
  .object({
    publisher: z.string().min(1),
    axis: z.string().min(1),
    value: z.number().nullable(),
    label: z.string().nullable(),
    retrievedAt: z.string(),
    url: z.string(),
  })
  .refine((r) => r.value !== null || r.label !== null, "a reference rating needs a value or a label");

const outlet = z.object({
  id,
  name: z.string().trim().min(1),
  domain: z.string().nullable(),
  kind: z.enum(OUTLET_KINDS, { error: (i) => `unknown outlet kind “${String(i.input)}”` }),
  country: z.string().nullable(),
  ratings: z.array(rating),
  references: z.array(reference),
});

const segment = z.object({
  id,
  start: z.number().int().min(0),
  end: z.number().int().positive(),
  originalOutlet: z.object({ id, name: z.string().min(1) }).nullable(),
  originalUrl: z.string().nullable(),
  originalDate: z.string().nullable(),
});

const layerName = z.string().regex(/^(gold|reviewer:.+)$/, "a layer is gold or reviewer:<username>");

const layer = z.object({
  name: layerName,
  reviewer: person.nullable(),
  status: z.enum(["todo", "in_progress", "submitted"]).nullable(),
});

const span = z.object({
  id,
  layer: layerName,
  annotator: person,
  kind: z.enum(ANNOTATION_KINDS, { error: (i) => `unknown kind “${String(i.input)}”: a span is a claim, an opinion or a quote` }),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  note: z.string(),
  parentId: id.nullable(),
  createdAt: iso,
  updatedAt: iso,
});

const source = z.object({
  id,
  name: z.string().trim().min(1),
  kind: z.enum(SOURCE_KINDS, { error: (i) => `unknown source kind “${String(i.input)}”` }),
  affiliation: z.string().nullable(),
  description: z.string(),
  aliases: z.array(z.string()),
});

const decision = z.object({
  id,
  decision: z.enum(["accepted", "edited", "rejected", "added"]),
  goldAnnotationId: id.nullable(),
  fromAnnotationIds: z.array(id),
  reason: z.string(),
  adjudicator: person,
  at: iso,
});

export const jsonlLineSchema = z.object({
  format: z.literal(JSONL_FORMAT, { error: `not a Provenance Desk export line (format must be “${JSONL_FORMAT}”)` }),
  version: z.literal(JSONL_VERSION, { error: (i) => `version ${String(i.input)} is not one this app reads (it reads version ${JSONL_VERSION})` }),
  offsetUnit: z.literal("code point", { error: "offsetUnit must be “code point”" }),
  id,
  title: z.string().trim().min(1, "the document has no title"),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable(),
  sourceFileName: z.string().nullable(),
  textSha256: z.string().regex(/^[0-9a-f]{64}$/, "textSha256 must be 64 lowercase hex digits"),
  text: z.string().nullable(),
  outlet: outlet.nullable(),
  story: z.object({ id, name: z.string().trim().min(1), description: z.string() }).nullable(),
  segments: z.array(segment),
  layers: z.array(layer),
  spans: z.array(span),
  sources: z.array(source),
  decisions: z.array(decision),
  ratings: z.array(rating),
});
export type JsonlRecord = z.infer<typeof jsonlLineSchema>;
export type JsonlSpanRecord = JsonlRecord["spans"][number];
export type JsonlRating = JsonlRecord["ratings"][number];
export type JsonlOutlet = NonNullable<JsonlRecord["outlet"]>;
