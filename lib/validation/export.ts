// The choices of an export, shared by the Export page, the download route, the token endpoint
// and the CLI. Input arrives as strings (a query string, form fields or argv); a bad choice is
// answered with a message that names the choices there are.
import type { ExportFormat, LayerChoice } from "@/lib/export/types";
import { ANNOTATION_KINDS, type AnnotationKind } from "./annotations";

export const EXPORT_FORMATS = ["jsonl", "csv", "w3c", "brat", "conll", "uima-xmi"] as const satisfies readonly ExportFormat[];
export const LAYER_CHOICES = ["gold", "all", "gold-else-all", "reviewer:<username>"] as const;

export interface ExportOptions {
  format: ExportFormat;
  layer: LayerChoice;
  kinds: AnnotationKind[];
  storyId: number | null;
  outletId: number | null;
  /** Only these documents (of the project), or null for all. */
  documentIds: number[] | null;
  /** Only documents whose gold layer is settled. */
  goldOnly: boolean;
  includeText: boolean;
}

export type RawExportQuery = Record<string, string | string[] | undefined>;
export type ParsedExportOptions = { ok: true; options: ExportOptions } | { ok: false; field: string; error: string };

const USERNAME = /^[a-z0-9._-]{1,64}$/;

function one(raw: RawExportQuery, key: string): string | undefined {
  const value = raw[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === "" ? undefined : first.trim();
}

/** A comma-separated list, or the same key repeated (kinds=claim&kinds=quote). */
function list(raw: RawExportQuery, key: string): string[] | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  const parts = (Array.isArray(value) ? value : [value])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return parts.length === 0 ? undefined : parts;
}

function positiveId(value: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(value) ? Number(value) : null;
}

function flag(value: string | undefined, fallback: boolean): boolean | null {
  if (value === undefined) return fallback;
  if (["1", "true", "yes", "on"].includes(value.toLowerCase())) return true;
  if (["0", "false", "no", "off"].includes(value.toLowerCase())) return false;
  return null;
}

function parseLayer(value: string | undefined): LayerChoice | null {
  if (value === undefined) return "gold-else-all";
  if (value === "gold" || value === "all" || value === "gold-else-all") return value;
  const name = value.startsWith("reviewer:") ? value.slice("reviewer:".length).toLowerCase() : "";
  return USERNAME.test(name) ? `reviewer:${name}` : null;
}

const refuse = (field: string, error: string): ParsedExportOptions => ({ ok: false, field, error });

/** Reads format, layer, kinds, story, outlet, documents, goldOnly and text from strings. */
export function parseExportOptions(raw: RawExportQuery): ParsedExportOptions {
  const format = one(raw, "format");
  if (format === undefined) return refuse("format", `Choose a format: ${EXPORT_FORMATS.join(", ")}.`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    return refuse("format", `Unknown format “${format}”. Choose one of: ${EXPORT_FORMATS.join(", ")}.`);
  }
  const layer = parseLayer(one(raw, "layer"));
  if (layer === null) return refuse("layer", `Unknown layer “${one(raw, "layer")}”. Choose one of: ${LAYER_CHOICES.join(", ")}.`);
  const kindList = list(raw, "kinds") ?? [...ANNOTATION_KINDS];
  const badKind = kindList.find((k) => !(ANNOTATION_KINDS as readonly string[]).includes(k));
  if (badKind !== undefined) return refuse("kinds", `Unknown kind “${badKind}”. Choose from: ${ANNOTATION_KINDS.join(", ")}.`);
  const ids: Record<"story" | "outlet", number | null> = { story: null, outlet: null };
  for (const key of ["story", "outlet"] as const) {
    const value = one(raw, key);
    if (value === undefined) continue;
    ids[key] = positiveId(value);
    if (ids[key] === null) return refuse(key, `“${value}” is not a ${key} id.`);
  }
  const docs = list(raw, "documents");
  const documentIds = docs?.map(positiveId) ?? null;
  if (documentIds !== null && documentIds.some((id) => id === null)) return refuse("documents", "documents must be a comma-separated list of document ids.");
  if (documentIds !== null && documentIds.length > 10_000) return refuse("documents", "At most 10,000 document ids; export by story or outlet instead.");
  const goldOnly = flag(one(raw, "goldOnly"), false);
  const includeText = flag(one(raw, "text"), true);
  if (goldOnly === null) return refuse("goldOnly", "goldOnly must be 1 or 0.");
  if (includeText === null) return refuse("text", "text must be 1 or 0.");
  return {
    ok: true,
    options: {
      format: format as ExportFormat,
      layer,
      kinds: ANNOTATION_KINDS.filter((k) => kindList.includes(k)),
      storyId: ids.story,
      outletId: ids.outlet,
      documentIds: documentIds as number[] | null,
      goldOnly,
      includeText,
    },
  };
}

/** A query string as parseExportOptions reads it; repeated keys are kept (kinds=claim&kinds=quote). */
export function exportQueryOf(params: URLSearchParams): RawExportQuery {
  const out: RawExportQuery = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}
