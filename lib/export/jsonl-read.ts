// Reading our JSONL back: each line is parsed and checked on its own, so one bad line is named
// ("line 7: …") while the others still get checked, and the import can list every problem of
// the file at once. Spans come out as ImportedSpans (speakers and targets as SpeakerRefs taken
// from the line's own sources) plus what only JSONL carries: who wrote each span, its ids for
// parent links and decisions, and its dates.
import type { z } from "zod";
import { jsonlLineSchema, type JsonlRecord, type JsonlSpanRecord } from "@/lib/validation/annotation-import";
import type { ImportedSpan, ParseProblem, SpeakerRef } from "./import-types";
import type { LayerName } from "./types";

export interface JsonlSpan extends ImportedSpan {
  /** The span's id in the exporting app: decisions and parent links name spans by it. */
  fileId: number;
  annotator: { username: string; displayName: string };
  createdAt: string;
  updatedAt: string;
}

export interface JsonlLine {
  /** 1-based line number in the file. */
  line: number;
  /** The file's name, set when several files are imported together. */
  file?: string;
  record: JsonlRecord;
  spans: JsonlSpan[];
}

/** "line 4", or "gold.jsonl: line 4" when several files were read. */
export const lineName = (line: Pick<JsonlLine, "line" | "file">): string => `${line.file === undefined ? "" : `${line.file}: `}line ${line.line}`;

export interface ParsedJsonl {
  lines: JsonlLine[];
  problems: ParseProblem[];
}

/** "spans[3].kind" rather than a bare array path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? String(key) : `${out}.${String(key)}`), "");
}

function issueText(issue: z.core.$ZodIssue): string {
  const where = pathText(issue.path);
  if (issue.code === "invalid_type" && issue.input === undefined) return `${where} is missing`;
  return where === "" ? issue.message : `${where}: ${issue.message}`;
}

export const spanRef = (line: number, id: number): string => `line ${line}, span ${id}`;

function speakerOf(record: JsonlRecord, id: number): SpeakerRef | null {
  const s = record.sources.find((source) => source.id === id);
  if (s === undefined) return null;
  return { name: s.name, kind: s.kind, affiliation: s.affiliation, description: s.description, aliases: [...s.aliases] };
}

/**
 * A numeric source_id and a non-empty targets list become SpeakerRefs; anything else (a null
 * source_id, an empty list) stays in the attributes as it was, so a round trip keeps it.
 */
function toSpan(line: number, record: JsonlRecord, s: JsonlSpanRecord, problems: ParseProblem[]): JsonlSpan {
  const ref = spanRef(line, s.id);
  const attributes: Record<string, unknown> = { ...s.attributes };
  let speaker: SpeakerRef | null = null;
  const targets: SpeakerRef[] = [];
  if (typeof attributes.source_id === "number") {
    speaker = speakerOf(record, attributes.source_id);
    if (speaker === null) problems.push({ where: ref, message: `its speaker (source ${attributes.source_id}) is not among the line's sources` });
    delete attributes.source_id;
  }
  if (Array.isArray(attributes.targets) && attributes.targets.length > 0) {
    for (const target of attributes.targets) {
      const found = typeof target === "number" ? speakerOf(record, target) : null;
      if (found === null) problems.push({ where: ref, message: `its target ${String(target)} is not among the line's sources` });
      else targets.push(found);
    }
    delete attributes.targets;
  }
  const parentRef = s.parentId === null ? null : spanRef(line, s.parentId);
  if (s.parentId !== null && !record.spans.some((other) => other.id === s.parentId)) {
    problems.push({ where: ref, message: `its parent span ${s.parentId} is not on the same line` });
  }
  return {
    ref,
    document: { sha256: record.textSha256, documentId: record.id, title: record.title },
    layer: s.layer as LayerName,
    kind: s.kind,
    start: s.start,
    end: s.end,
    exact: s.exact,
    prefix: s.prefix,
    suffix: s.suffix,
    attributes,
    speaker,
    targets,
    note: s.note,
    parentRef,
    fileId: s.id,
    annotator: s.annotator,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

function parseLine(raw: string, line: number, problems: ParseProblem[]): JsonlLine | null {
  const where = `line ${line}`;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    problems.push({ where, message: `this line is not valid JSON (${(error as Error).message})` });
    return null;
  }
  const parsed = jsonlLineSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ where, message: issueText(issue) });
    return null;
  }
  const record = parsed.data;
  const ids = new Set<number>();
  for (const s of record.spans) {
    if (ids.has(s.id)) problems.push({ where, message: `span id ${s.id} appears twice` });
    ids.add(s.id);
  }
  return { line, record, spans: record.spans.map((s) => toSpan(line, record, s, problems)) };
}

/** Every line of the file; blank lines (a trailing newline) are skipped but still counted. */
export function parseJsonl(text: string): ParsedJsonl {
  const lines: JsonlLine[] = [];
  const problems: ParseProblem[] = [];
  const rows = text.replace(/^\uFEFF/, "").split("\n");
  rows.forEach((row, i) => {
    const raw = row.endsWith("\r") ? row.slice(0, -1) : row;
    if (raw.trim() === "") return;
    const parsed = parseLine(raw, i + 1, problems);
    if (parsed !== null) lines.push(parsed);
  });
  if (lines.length === 0 && problems.length === 0) problems.push({ where: "file", message: "the file holds no documents" });
  return { lines, problems };
}

function unionBy<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)))];
}

const ratingKey = (r: JsonlRecord["ratings"][number]): string => `${r.rater.username}|${r.axis}|${r.gold}`;

function mergeTwo(a: JsonlLine, b: JsonlLine): JsonlLine {
  const outlet =
    a.record.outlet === null || b.record.outlet === null
      ? (a.record.outlet ?? b.record.outlet)
      : {
          ...a.record.outlet,
          ratings: unionBy(a.record.outlet.ratings, b.record.outlet.ratings, ratingKey),
          references: unionBy(a.record.outlet.references, b.record.outlet.references, (r) => JSON.stringify(r)),
        };
  const record: JsonlRecord = {
    ...a.record,
    text: a.record.text ?? b.record.text,
    outlet,
    layers: unionBy(a.record.layers, b.record.layers, (l) => l.name),
    spans: unionBy(a.record.spans, b.record.spans, (s) => String(s.id)),
    sources: unionBy(a.record.sources, b.record.sources, (s) => String(s.id)),
    decisions: unionBy(a.record.decisions, b.record.decisions, (d) => String(d.id)),
    ratings: unionBy(a.record.ratings, b.record.ratings, ratingKey),
  };
  return { line: a.line, record, spans: unionBy(a.spans, b.spans, (s) => String(s.fileId)) };
}

/**
 * Lines of several exports of one project (say its gold layer and its reviewers' layers, each
 * exported on its own) merged per document, so decisions can link gold spans to the reviewer
 * spans they came from. Documents are the same when their text is; spans, sources and
 * decisions are the same when their ids are, since the ids come from the one exporting project.
 */
export function mergeJsonlLines(lines: readonly JsonlLine[]): JsonlLine[] {
  const byText = new Map<string, JsonlLine>();
  for (const line of lines) {
    const earlier = byText.get(line.record.textSha256);
    byText.set(line.record.textSha256, earlier === undefined ? line : mergeTwo(earlier, line));
  }
  return [...byText.values()];
}
