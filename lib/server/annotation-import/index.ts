// Importing annotated corpora back (JSONL as exported, W3C Web Annotation, brat standoff).
// One IMMEDIATE transaction does every read and write, so a batch is all or nothing: anything
// refused rolls the whole batch back, and a dry run rolls back a run that would have succeeded.
// The dry run's report is therefore the real run's report, computed by the same code.
import { getDb } from "@/db";
import type { JsonlLine } from "@/lib/export/jsonl-read";
import { importOptionsSchema } from "@/lib/validation/annotation-import";
import { fail, type Failure } from "../annotations/result";
import { lockDocument, lockProject } from "../locks";
import { refuseUnlessManager } from "../members";
import type { SessionUser } from "../session";
import { documentForLine, documentForRef, describeRef, outletFor } from "./documents";
import { restoreAssignments, restoreDecisions, restoreDocumentRatings, restoreOutletRatings } from "./extras";
import { parseFiles } from "./files";
import { targetOf } from "./people";
import { jobKey, writeSpans, type SpanJob } from "./spans";
import { emptyReport, refuse, type AnnotationImportInput, type ImportReport, type ImportRun, type SpanInput } from "./types";

export type { AnnotationImportInput, ImportReport, Refusal, ImportFile } from "./types";

export type AnnotationImportResult = { ok: true; report: ImportReport } | Failure;

/** Thrown to leave the transaction without committing; carries nothing, the report is outside. */
class RollBack extends Error {}

async function importLine(run: ImportRun, line: JsonlLine): Promise<void> {
  const documentId = await documentForLine(run, line);
  if (documentId === null) return;
  await lockDocument(getDb(), documentId); // getDb() inside the transaction is its connection
  const asExported = run.layer === "as-exported";
  const jobs: SpanJob[] = [];
  for (const span of line.spans) {
    const target = await targetOf(run, span);
    if (target !== null) jobs.push({ span, documentId, target, strictOffsets: true, assignmentsFromFile: asExported });
  }
  const ids = await writeSpans(run, jobs);
  if (!asExported) return;
  const byFileId = new Map(line.spans.map((s) => [s.fileId, ids.get(jobKey(documentId, s.ref))]));
  await restoreAssignments(run, line, documentId);
  await restoreDecisions(run, line, documentId, (fileId) => byFileId.get(fileId) ?? undefined);
  await restoreDocumentRatings(run, line, documentId);
  if (line.record.outlet !== null) await restoreOutletRatings(run, line, await outletFor(run, line.record.outlet));
}

async function importSpans(run: ImportRun, spans: SpanInput[]): Promise<void> {
  const jobs: SpanJob[] = [];
  for (const span of spans) {
    const documentId = await documentForRef(run, span.document);
    if (documentId === null) {
      refuse(
        run,
        span.ref,
        `document not in the project (${describeRef(span.document)}): W3C and brat files annotate documents already here; import the documents first`,
      );
      continue;
    }
    const target = await targetOf(run, span);
    if (target !== null) jobs.push({ span, documentId, target, strictOffsets: false, assignmentsFromFile: false });
  }
  const documentIds = [...new Set(jobs.map((j) => j.documentId))].sort((a, b) => a - b);
  for (const id of documentIds) await lockDocument(getDb(), id); // in id order, so two lockers cannot wait on each other
  await writeSpans(run, jobs);
}

async function runImport(actor: SessionUser, projectId: number, input: AnnotationImportInput): Promise<ImportReport> {
  const report = emptyReport(input.format, input.layer, input.dryRun);
  const parsed = parseFiles(input.format, input.files);
  for (const p of parsed.problems) report.refused.push({ ref: p.where, reason: p.message });
  try {
    await getDb().transaction(
      async (tx) => {
        // The project first (its assignments and ratings, and one import at a time), then each document written to.
        await lockProject(tx, projectId);
        const run: ImportRun = { tx, projectId, actor, layer: input.layer, report, members: new Map(), texts: new Map(), speakers: new Map(), live: new Map() };
        for (const line of parsed.lines) await importLine(run, line);
        await importSpans(run, parsed.spans);
        if (report.refused.length > 0 || input.dryRun) throw new RollBack();
      },
      { behavior: "immediate" },
    );
    report.written = true;
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return report;
}

/**
 * A project's managers import annotations: JSONL into this project (documents matched by their
 * text's sha256 or created), W3C and brat onto its documents. Non-members get the 404 of a
 * project that does not exist; other members a 403. Refusals are in the report, never thrown.
 */
export async function importAnnotations(user: SessionUser, projectId: number, input: AnnotationImportInput): Promise<AnnotationImportResult> {
  const refusal = await refuseUnlessManager(user, projectId, "import annotations");
  if (refusal !== null) return refusal;
  const options = importOptionsSchema.safeParse({ format: input.format, layer: input.layer, dryRun: input.dryRun });
  if (!options.success) return fail(422, "invalid", options.error.issues[0]!.message);
  return { ok: true, report: await runImport(user, projectId, { ...input, ...options.data }) };
}
