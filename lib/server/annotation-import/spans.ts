// Writing the spans of a batch. Each span is placed on its document's text (by position, else
// by its quote), its attributes are checked per kind with its speakers resolved, its parent is
// written first, and a span identical to a live one (same document, layer, author, kind and
// offsets) is not written again: that is what makes importing the same file twice a no-op.
import { and, eq, isNull } from "drizzle-orm";
import { annotations } from "@/db/tables";
import { anchorRefusal, anchorSpan } from "@/lib/export/anchor";
import { textQuoteSelector } from "@/lib/text";
import { ANNOTATION_KINDS, NOTE_MAX, parseAttributes, type AnnotationAttributes } from "@/lib/validation/annotations";
import { startAssignment } from "../assignments";
import { recordAudit } from "../audit";
import { textOf } from "./documents";
import type { LayerTarget } from "./people";
import { speakerId } from "./speakers";
import { refuse, type ImportRun, type SpanInput } from "./types";
import { one } from "@/db/rows";

export interface SpanJob {
  span: SpanInput;
  documentId: number;
  target: LayerTarget;
  /** JSONL carries the document's own text, so offsets outside it are an error, not drift. */
  strictOffsets: boolean;
  /** Reviewer assignments come from the file (JSONL as exported) rather than from the new spans. */
  assignmentsFromFile: boolean;
}

/** jobKey → the id the span has here (new or already present); null when refused. */
export type SpanIds = Map<string, number | null>;

async function liveSpans(run: ImportRun, documentId: number, target: LayerTarget): Promise<Map<string, number>> {
  // Gold holds one span per kind and offsets whoever wrote it (see adjudication/gold.ts).
  const key = target.layer === "gold" ? `${documentId}|gold` : `${documentId}|a|${target.annotatorId}`;
  let live = run.live.get(key);
  if (live !== undefined) return live;
  const where = [eq(annotations.documentId, documentId), eq(annotations.layer, target.layer), isNull(annotations.deletedAt)];
  if (target.layer === "annotator") where.push(eq(annotations.annotatorId, target.annotatorId));
  const rows = await run.tx
    .select({ id: annotations.id, kind: annotations.kind, start: annotations.start, end: annotations.end })
    .from(annotations)
    .where(and(...where));
  live = new Map(rows.map((r) => [`${r.kind}|${r.start}|${r.end}`, r.id]));
  run.live.set(key, live);
  return live;
}

async function place(run: ImportRun, job: SpanJob): Promise<{ start: number; end: number } | null> {
  const { span, documentId } = job;
  const text = await textOf(run, documentId);
  const length = text.codePointLength;
  if (job.strictOffsets && !(0 <= span.start && span.start < span.end && span.end <= length)) {
    refuse(run, span.ref, `the offsets ${span.start}–${span.end} are outside the text of document ${documentId} (${length} code points)`);
    return null;
  }
  const anchored = anchorSpan(text, span);
  if (!anchored.ok) {
    refuse(run, span.ref, anchorRefusal(anchored.reason, span.exact, documentId));
    return null;
  }
  if (anchored.how === "quote") run.report.spans.reanchored++;
  return { start: anchored.start, end: anchored.end };
}

async function attributesOf(run: ImportRun, span: SpanInput): Promise<AnnotationAttributes | null> {
  const raw: Record<string, unknown> = { ...span.attributes };
  if (span.speaker !== null && span.speaker.name.trim() !== "") raw.source_id = await speakerId(run, span.speaker);
  const targets = span.targets.filter((t) => t.name.trim() !== "");
  if (targets.length > 0) {
    const ids: number[] = [];
    for (const t of targets) ids.push(await speakerId(run, t));
    raw.targets = [...new Set(ids)];
  }
  const parsed = parseAttributes(span.kind, raw);
  if (parsed.ok) return parsed.attributes;
  refuse(run, span.ref, parsed.error);
  return null;
}

interface Batch {
  run: ImportRun;
  /** By jobKey: refs are unique within one document of a file (a brat T3 is per .ann). */
  jobs: Map<string, SpanJob>;
  ids: SpanIds;
  visiting: Set<string>;
}

export const jobKey = (documentId: number, ref: string): string => `${documentId}|${ref}`;

/** The parent's id here, written first if need be; undefined when the span must be refused. */
async function parentId(batch: Batch, job: SpanJob): Promise<number | null | undefined> {
  const { run } = batch;
  const ref = job.span.parentRef;
  if (ref === null) return null;
  const key = jobKey(job.documentId, ref);
  const parent = batch.jobs.get(key);
  if (parent === undefined) {
    refuse(run, job.span.ref, `its parent ${ref} is not in the file for the same document`);
    return undefined;
  }
  if (parent.target.layer !== job.target.layer || parent.target.annotatorId !== job.target.annotatorId) {
    refuse(run, job.span.ref, `its parent ${ref} is in another layer`);
    return undefined;
  }
  if (batch.visiting.has(key)) {
    refuse(run, job.span.ref, "its parent links form a loop");
    return undefined;
  }
  // A refused parent is already reported; the batch will not be written either way.
  return (await writeJob(batch, parent)) ?? null;
}

async function insert(
  run: ImportRun,
  job: SpanJob,
  at: { start: number; end: number },
  attributes: AnnotationAttributes,
  parent: number | null,
): Promise<number> {
  const { span, documentId, target } = job;
  const { exact, prefix, suffix } = textQuoteSelector(await textOf(run, documentId), at.start, at.end);
  const dates = span.createdAt === undefined ? {} : { createdAt: new Date(span.createdAt), updatedAt: new Date(span.updatedAt ?? span.createdAt) };
  const values = {
    documentId,
    annotatorId: target.annotatorId,
    layer: target.layer,
    kind: span.kind,
    ...at,
    exact,
    prefix,
    suffix,
    attributes,
    note: span.note,
    parentId: parent,
    version: 1,
    ...dates,
  };
  const row = await one(run.tx.insert(annotations).values(values).returning({ id: annotations.id }));
  await recordAudit(run.tx, {
    actorId: run.actor.id,
    action: "import",
    entity: "annotation",
    entityId: row.id,
    after: { id: row.id, ...values, from: span.ref },
  });
  if (target.layer === "annotator" && !job.assignmentsFromFile) await startAssignment(run.tx, run.projectId, documentId, target.annotatorId);
  return row.id;
}

function basicProblem(job: SpanJob): string | null {
  if (!ANNOTATION_KINDS.includes(job.span.kind)) return `unknown kind “${String(job.span.kind)}”: a span is a claim, an opinion or a quote`;
  if (job.span.note.length > NOTE_MAX) return `the note is longer than ${NOTE_MAX} characters`;
  return null;
}

/** Checks every rule (so all of a span's problems are reported), then writes it unless it is already there. */
async function checkAndWrite(batch: Batch, job: SpanJob): Promise<number | null> {
  const { run } = batch;
  const problem = basicProblem(job);
  if (problem !== null) {
    refuse(run, job.span.ref, problem);
    return null;
  }
  const at = await place(run, job);
  const attributes = await attributesOf(run, job.span);
  const parent = await parentId(batch, job);
  if (at === null || attributes === null || parent === undefined) return null;
  const live = await liveSpans(run, job.documentId, job.target);
  const key = `${job.span.kind}|${at.start}|${at.end}`;
  const existing = live.get(key);
  if (existing !== undefined) {
    run.report.spans.present++;
    return existing;
  }
  const id = await insert(run, job, at, attributes, parent);
  live.set(key, id);
  run.report.spans.added++;
  return id;
}

async function writeJob(batch: Batch, job: SpanJob): Promise<number | null> {
  const key = jobKey(job.documentId, job.span.ref);
  const done = batch.ids.get(key);
  if (done !== undefined) return done;
  batch.visiting.add(key);
  const id = await checkAndWrite(batch, job);
  batch.visiting.delete(key);
  batch.ids.set(key, id);
  return id;
}

/** Writes every span (parents before children); returns the id each span has here, by jobKey. */
export async function writeSpans(run: ImportRun, jobs: SpanJob[]): Promise<SpanIds> {
  const batch: Batch = { run, jobs: new Map(jobs.map((j) => [jobKey(j.documentId, j.span.ref), j])), ids: new Map(), visiting: new Set() };
  for (const job of jobs) await writeJob(batch, job);
  return batch.ids;
}
