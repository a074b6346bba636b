// From uploaded files to parsed annotations. Sizes are checked before anything is decoded: the
// upload itself by the caller (File.size, stat), and each zip entry here by the size its header
// declares, so a small zip that inflates to gigabytes is refused before it is inflated.
import { unzipSync } from "fflate";
import { parseBrat } from "@/lib/export/brat-read";
import type { ParsedAnnotations, ParseProblem } from "@/lib/export/import-types";
import { mergeJsonlLines, parseJsonl, type JsonlLine } from "@/lib/export/jsonl-read";
import { parseW3c } from "@/lib/export/w3c-read";
import { MAX_ANNOTATION_IMPORT_BYTES, type ImportFormatName } from "@/lib/validation/annotation-import";
import type { ImportFile, SpanInput } from "./types";

export interface ParsedInput {
  /** JSONL only: one entry per document line. */
  lines: JsonlLine[];
  /** W3C and brat. */
  spans: SpanInput[];
  problems: ParseProblem[];
}

const MB = 1024 * 1024;
const decoder = new TextDecoder("utf-8", { fatal: true });

function decode(name: string, file: ImportFile, problems: ParseProblem[]): string | null {
  if (file.text !== undefined) return file.text;
  try {
    return decoder.decode(file.bytes);
  } catch {
    problems.push({ where: name, message: "the file is not UTF-8 text" });
    return null;
  }
}

/** The .ann, .txt and .conf entries of a zip; null (with a problem) when it is not a zip or too big inflated. */
function unzip(file: ImportFile, problems: ParseProblem[]): ImportFile[] | null {
  const bytes = file.bytes ?? new TextEncoder().encode(file.text);
  let total = 0;
  let tooBig = false;
  try {
    const entries = unzipSync(bytes, {
      filter: (entry) => {
        if (!/\.(ann|txt)$/i.test(entry.name)) return false;
        total += entry.originalSize;
        if (total > MAX_ANNOTATION_IMPORT_BYTES * 4) tooBig = true;
        return !tooBig;
      },
    });
    if (tooBig) {
      problems.push({ where: file.name, message: `the zip holds more than ${(MAX_ANNOTATION_IMPORT_BYTES * 4) / MB} MB of text` });
      return null;
    }
    return Object.entries(entries).map(([name, data]) => ({ name, bytes: data }));
  } catch (error) {
    problems.push({ where: file.name, message: `the file is not a readable zip (${(error as Error).message})` });
    return null;
  }
}

function bratTexts(entries: ImportFile[], problems: ParseProblem[]): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const entry of entries) {
    if (!/\.(ann|txt)$/i.test(entry.name)) continue;
    const text = decode(entry.name, entry, problems);
    if (text !== null) out.push({ name: entry.name, text });
  }
  return out;
}

/** Each zip is one brat export; loose .ann and .txt files (a folder) are another. */
function bratGroups(files: ImportFile[], problems: ParseProblem[]): { name: string; entries: { name: string; text: string }[] }[] {
  const loose = files.filter((f) => !f.name.toLowerCase().endsWith(".zip"));
  const groups = files
    .filter((f) => f.name.toLowerCase().endsWith(".zip"))
    .map((zip) => ({ name: zip.name, entries: bratTexts(unzip(zip, problems) ?? [], problems) }));
  if (loose.length > 0) groups.push({ name: "folder", entries: bratTexts(loose, problems) });
  return groups;
}

/** With several files, refs and problems name their file, so "T3" of one export is not "T3" of another. */
function named(parsed: ParsedAnnotations, fileName: string, several: boolean): ParsedAnnotations {
  if (!several) return parsed;
  const prefix = (ref: string): string => `${fileName}: ${ref}`;
  return {
    spans: parsed.spans.map((s) => ({ ...s, ref: prefix(s.ref), parentRef: s.parentRef === null ? null : prefix(s.parentRef) })),
    problems: parsed.problems.map((p) => ({ ...p, where: prefix(p.where) })),
  };
}

function namedLine(line: JsonlLine, fileName: string, several: boolean): JsonlLine {
  return several ? { ...line, file: fileName, spans: named({ spans: line.spans, problems: [] }, fileName, true).spans as JsonlLine["spans"] } : line;
}

/** Parses every file in the chosen format; problems name the file when there are several. */
export function parseFiles(format: ImportFormatName, files: ImportFile[]): ParsedInput {
  const problems: ParseProblem[] = [];
  if (files.length === 0) return { lines: [], spans: [], problems: [{ where: "file", message: "choose a file to import" }] };
  for (const file of files) {
    const size = file.bytes?.byteLength ?? file.text!.length;
    if (size > MAX_ANNOTATION_IMPORT_BYTES) problems.push({ where: file.name, message: `the file is over the ${MAX_ANNOTATION_IMPORT_BYTES / MB} MB limit` });
  }
  if (problems.length > 0) return { lines: [], spans: [], problems };
  const out: ParsedInput = { lines: [], spans: [], problems };
  if (format === "brat") {
    const groups = bratGroups(files, problems);
    for (const group of groups) {
      const parsed = named(parseBrat(group.entries), group.name, groups.length > 1);
      out.spans.push(...parsed.spans);
      problems.push(...parsed.problems);
    }
    return out;
  }
  const several = files.length > 1;
  for (const file of files) {
    const text = decode(file.name, file, problems);
    if (text === null) continue;
    if (format === "w3c") {
      const parsed = named(parseW3c(text), file.name, several);
      out.spans.push(...parsed.spans);
      problems.push(...parsed.problems);
      continue;
    }
    const parsed = parseJsonl(text);
    out.lines.push(...parsed.lines.map((line) => namedLine(line, file.name, several)));
    problems.push(...named({ spans: [], problems: parsed.problems }, file.name, several).problems);
  }
  return several ? { ...out, lines: mergeJsonlLines(out.lines) } : out;
}
