// What a JSONL line carries beyond spans, restored when it is imported as exported: each
// reviewer's status on the document, the adjudicator's decisions (their span ids remapped to
// the spans as written here) and the team's ratings of the document and its outlet. Each is
// matched first, so importing the same file again adds nothing.
import { and, eq, isNull } from "drizzle-orm";
import { adjudications, assignments, perspectiveRatings, referenceRatings } from "@/db/tables";
import { lineName, type JsonlLine } from "@/lib/export/jsonl-read";
import type { JsonlOutlet, JsonlRating } from "@/lib/validation/annotation-import";
import { recordAudit } from "../audit";
import { memberByUsername } from "./people";
import type { ImportRun } from "./types";
import { first, one } from "@/db/rows";

const STATUS_ORDER = { todo: 0, in_progress: 1, submitted: 2 } as const;

/** Reviewers' statuses only move forward: an import never reopens a layer someone marked done. */
export async function restoreAssignments(run: ImportRun, line: JsonlLine, documentId: number): Promise<void> {
  for (const layer of line.record.layers) {
    if (layer.reviewer === null || layer.status === null) continue;
    const reviewer = await memberByUsername(run, layer.reviewer.username, `reviewer of layer ${layer.name} on ${lineName(line)}`);
    if (reviewer === null) continue;
    const where = and(eq(assignments.documentId, documentId), eq(assignments.userId, reviewer.id));
    const before = await first(run.tx.select({ id: assignments.id, status: assignments.status }).from(assignments).where(where));
    if (before !== undefined && STATUS_ORDER[before.status] >= STATUS_ORDER[layer.status]) {
      run.report.assignments.present++;
      continue;
    }
    const submittedAt = layer.status === "submitted" ? new Date() : null;
    const after = { projectId: run.projectId, documentId, userId: reviewer.id, status: layer.status, submittedAt };
    const row =
      before === undefined
        ? await one(run.tx.insert(assignments).values(after).returning({ id: assignments.id }))
        : await first(run.tx.update(assignments).set({ status: layer.status, submittedAt }).where(where).returning({ id: assignments.id }));
    await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "assignment", entityId: row!.id, before: before ?? null, after });
    run.report.assignments.restored++;
  }
}

const sameIds = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/** `idOf` maps a span id of the line to its id here (undefined when the span is not in the file). */
export async function restoreDecisions(run: ImportRun, line: JsonlLine, documentId: number, idOf: (fileId: number) => number | undefined): Promise<void> {
  for (const d of line.record.decisions) {
    const gold = d.goldAnnotationId === null ? null : idOf(d.goldAnnotationId);
    const from = d.fromAnnotationIds.map(idOf);
    if (gold === undefined || from.some((id) => id === undefined)) {
      run.report.decisions.dropped++;
      continue;
    }
    const adjudicator = await memberByUsername(run, d.adjudicator.username, `adjudicator of decision ${d.id} on ${lineName(line)}`);
    if (adjudicator === null) continue;
    const fromIds = from as number[];
    const candidates = await run.tx
      .select({ from: adjudications.fromAnnotationIds, reason: adjudications.reason })
      .from(adjudications)
      .where(
        and(
          eq(adjudications.documentId, documentId),
          eq(adjudications.decision, d.decision),
          gold === null ? isNull(adjudications.goldAnnotationId) : eq(adjudications.goldAnnotationId, gold),
          eq(adjudications.adjudicatorId, adjudicator.id),
        ),
      );
    if (candidates.some((c) => c.reason === d.reason && sameIds(c.from, fromIds))) {
      run.report.decisions.present++;
      continue;
    }
    const values = {
      documentId,
      goldAnnotationId: gold,
      decision: d.decision,
      fromAnnotationIds: fromIds,
      reason: d.reason,
      adjudicatorId: adjudicator.id,
      at: new Date(d.at),
    };
    const row = await one(run.tx.insert(adjudications).values(values).returning({ id: adjudications.id }));
    await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "adjudication", entityId: row.id, after: values });
    run.report.decisions.added++;
  }
}

type Target = { outletId: number; documentId?: undefined } | { documentId: number; outletId?: undefined };

async function restoreRating(run: ImportRun, r: JsonlRating, target: Target, where: string): Promise<void> {
  const rater = await memberByUsername(run, r.rater.username, where);
  if (rater === null) return;
  const on = target.outletId !== undefined ? eq(perspectiveRatings.outletId, target.outletId) : eq(perspectiveRatings.documentId, target.documentId);
  const before = await first(
    run.tx
      .select({ value: perspectiveRatings.value, label: perspectiveRatings.label, rationale: perspectiveRatings.rationale })
      .from(perspectiveRatings)
      .where(
        and(
          eq(perspectiveRatings.projectId, run.projectId),
          eq(perspectiveRatings.raterId, rater.id),
          on,
          eq(perspectiveRatings.axis, r.axis),
          eq(perspectiveRatings.isGold, r.gold),
        ),
      ),
  );
  if (before !== undefined) {
    const same = before.value === r.value && before.label === r.label && before.rationale === r.rationale;
    if (same) run.report.ratings.present++;
    else run.report.ratings.kept++;
    return;
  }
  const at = new Date(r.updatedAt);
  const values = {
    projectId: run.projectId,
    raterId: rater.id,
    outletId: target.outletId ?? null,
    documentId: target.documentId ?? null,
    axis: r.axis,
    value: r.value,
    label: r.label,
    rationale: r.rationale,
    isGold: r.gold,
    createdAt: at,
    updatedAt: at,
  };
  const row = await one(run.tx.insert(perspectiveRatings).values(values).returning({ id: perspectiveRatings.id }));
  await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "perspective_rating", entityId: row.id, after: values });
  run.report.ratings.added++;
}

export async function restoreDocumentRatings(run: ImportRun, line: JsonlLine, documentId: number): Promise<void> {
  for (const r of line.record.ratings) await restoreRating(run, r, { documentId }, `rater of the document on ${lineName(line)}`);
}

async function restoreReferences(run: ImportRun, outlet: JsonlOutlet, outletId: number): Promise<void> {
  for (const r of outlet.references) {
    const rows = await run.tx
      .select({ value: referenceRatings.value, label: referenceRatings.label, url: referenceRatings.url })
      .from(referenceRatings)
      .where(
        and(
          eq(referenceRatings.outletId, outletId),
          eq(referenceRatings.publisher, r.publisher),
          eq(referenceRatings.axis, r.axis),
          eq(referenceRatings.retrievedAt, r.retrievedAt),
        ),
      );
    if (rows.some((x) => x.value === r.value && x.label === r.label && x.url === r.url)) {
      run.report.references.present++;
      continue;
    }
    const values = {
      outletId,
      publisher: r.publisher,
      axis: r.axis,
      value: r.value,
      label: r.label,
      retrievedAt: r.retrievedAt,
      url: r.url,
      recordedBy: run.actor.id,
    };
    const row = await one(run.tx.insert(referenceRatings).values(values).returning({ id: referenceRatings.id }));
    await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "reference_rating", entityId: row.id, after: values });
    run.report.references.added++;
  }
}

/** The team's ratings of the outlet (repeated on every line of its documents; written once) and its published ratings. */
export async function restoreOutletRatings(run: ImportRun, line: JsonlLine, outletId: number): Promise<void> {
  const outlet = line.record.outlet;
  if (outlet === null) return;
  for (const r of outlet.ratings) await restoreRating(run, r, { outletId }, `rater of “${outlet.name}” on ${lineName(line)}`);
  await restoreReferences(run, outlet, outletId);
}
