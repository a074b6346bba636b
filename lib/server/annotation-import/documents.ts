// Which document of the project a file's annotations belong to. JSONL lines carry their text
// and its sha256, so they match by hash or create the document (with its outlet, story and
// segments); W3C and brat only ever annotate documents already in the project.
import { and, eq } from "drizzle-orm";
import { documents, outlets, segments, stories } from "@/db/tables";
import type { DocumentRef } from "@/lib/export/import-types";
import { lineName, type JsonlLine } from "@/lib/export/jsonl-read";
import { buildOffsetIndex, codePointLength, countWords, normalizeText, type OffsetIndex } from "@/lib/text";
import { sha256Hex } from "@/lib/text/hash";
import type { JsonlOutlet } from "@/lib/validation/annotation-import";
import { recordAudit } from "../audit";
import { refuse, type ImportRun } from "./types";
import { first, one } from "@/db/rows";
import { foldCase } from "@/db/sql";

/** The document's text, read once per run. */
export async function textOf(run: ImportRun, documentId: number): Promise<OffsetIndex> {
  let index = run.texts.get(documentId);
  if (index === undefined) {
    const row = await first(run.tx.select({ text: documents.text }).from(documents).where(eq(documents.id, documentId)));
    index = buildOffsetIndex(row?.text ?? "");
    run.texts.set(documentId, index);
  }
  return index;
}

async function byHash(run: ImportRun, sha256: string): Promise<number | null> {
  const row = await first(
    run.tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.projectId, run.projectId), eq(documents.textSha256, sha256))),
  );
  return row?.id ?? null;
}

/** The outlet with this name (any case), or a new one with what the file says of it. */
export async function outletFor(run: ImportRun, outlet: Pick<JsonlOutlet, "name"> & Partial<JsonlOutlet>): Promise<number> {
  const found = await first(
    run.tx
      .select({ id: outlets.id })
      .from(outlets)
      .where(eq(foldCase(outlets.name), foldCase(outlet.name))),
  );
  if (found !== undefined) return found.id;
  const values = { name: outlet.name, domain: outlet.domain ?? null, kind: outlet.kind ?? "other", country: outlet.country ?? null };
  const row = await one(run.tx.insert(outlets).values(values).returning({ id: outlets.id }));
  await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "outlet", entityId: row.id, after: { id: row.id, ...values } });
  return row.id;
}

async function storyFor(run: ImportRun, story: { name: string; description: string }): Promise<number> {
  const found = await first(
    run.tx
      .select({ id: stories.id })
      .from(stories)
      .where(and(eq(stories.projectId, run.projectId), eq(foldCase(stories.name), foldCase(story.name)))),
  );
  if (found !== undefined) return found.id;
  const values = { projectId: run.projectId, name: story.name, description: story.description };
  const row = await one(run.tx.insert(stories).values(values).returning({ id: stories.id }));
  await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "story", entityId: row.id, after: values });
  return row.id;
}

async function addSegments(run: ImportRun, line: JsonlLine, documentId: number, charCount: number): Promise<void> {
  for (const s of line.record.segments) {
    if (s.end > charCount || s.start >= s.end) {
      refuse(run, `${lineName(line)}, segment ${s.id}`, `the segment ${s.start}–${s.end} is outside the text (${charCount} code points)`);
      continue;
    }
    const originalOutletId = s.originalOutlet === null ? null : await outletFor(run, { name: s.originalOutlet.name });
    const values = {
      documentId,
      start: s.start,
      end: s.end,
      originalOutletId,
      originalUrl: s.originalUrl,
      originalDate: s.originalDate,
      createdBy: run.actor.id,
    };
    const row = await one(run.tx.insert(segments).values(values).returning({ id: segments.id }));
    await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "segment", entityId: row.id, after: values });
  }
}

async function createFromLine(run: ImportRun, line: JsonlLine, text: string): Promise<number> {
  const { record } = line;
  const storyId = record.story === null ? null : await storyFor(run, record.story);
  const values = {
    projectId: run.projectId,
    storyId,
    outletId: record.outlet === null ? null : await outletFor(run, record.outlet),
    title: record.title,
    author: record.author,
    publishedAt: record.publishedAt,
    url: record.url,
    language: record.language,
    text,
    textSha256: record.textSha256,
    charCount: codePointLength(text),
    wordCount: countWords(text),
    sourceFileName: record.sourceFileName,
    importedBy: run.actor.id,
  };
  const row = await one(run.tx.insert(documents).values(values).returning({ id: documents.id }));
  const { text: _text, ...summary } = values;
  await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "document", entityId: row.id, after: summary });
  await addSegments(run, line, row.id, values.charCount);
  return row.id;
}

/** The line's document: the project's document with the same text, else a new one; null when refused. */
export async function documentForLine(run: ImportRun, line: JsonlLine): Promise<number | null> {
  const { record } = line;
  const where = lineName(line);
  const existing = await byHash(run, record.textSha256);
  if (existing !== null) {
    run.report.documents.matched++;
    return existing;
  }
  if (record.text === null) {
    refuse(
      run,
      where,
      `document not in the project: no document here has the text of “${record.title}” (sha256 ${record.textSha256.slice(0, 12)}…), and the line leaves the text out, so it cannot be created`,
    );
    return null;
  }
  const text = normalizeText(record.text);
  if (text === "" || sha256Hex(text) !== record.textSha256) {
    refuse(run, where, `the text of “${record.title}” does not match its textSha256: the line was changed after export`);
    return null;
  }
  run.report.documents.created++;
  return createFromLine(run, line, text);
}

async function byId(run: ImportRun, id: number): Promise<number | null> {
  const row = await first(
    run.tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.projectId, run.projectId), eq(documents.id, id))),
  );
  return row?.id ?? null;
}

async function byTitle(run: ImportRun, title: string): Promise<number | null> {
  const rows = await run.tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.projectId, run.projectId), eq(documents.title, title)))
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** W3C and brat: the project's document the reference names (sha256, id, file stem, title, in that order). */
export async function documentForRef(run: ImportRun, ref: DocumentRef): Promise<number | null> {
  if (ref.sha256 !== undefined) {
    const found = await byHash(run, ref.sha256);
    if (found !== null) return found;
  }
  if (ref.documentId !== undefined) {
    const found = await byId(run, ref.documentId);
    if (found !== null) return found;
  }
  const stemId = ref.fileStem === undefined ? null : /^(\d+)(?:-|$)/.exec(ref.fileStem)?.[1];
  if (stemId !== undefined && stemId !== null) {
    const found = await byId(run, Number(stemId));
    if (found !== null) return found;
  }
  return ref.title === undefined ? null : byTitle(run, ref.title);
}

export function describeRef(ref: DocumentRef): string {
  const parts = [
    ref.fileStem !== undefined ? `file ${ref.fileStem}` : null,
    ref.documentId !== undefined ? `id ${ref.documentId}` : null,
    ref.title !== undefined ? `“${ref.title}”` : null,
    ref.sha256 !== undefined ? `sha256 ${ref.sha256.slice(0, 12)}…` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? "the file does not say which document" : parts.join(", ");
}
