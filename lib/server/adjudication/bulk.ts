// "Accept all unanimous spans" and undoing a decision; both lock the document first, like decide.
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { adjudications, annotations } from "@/db/tables";
import { acceptUnanimousSchema, undoSchema } from "@/lib/review/validation";
import { fail, invalid, type Failure } from "../annotations/result";
import { documentText } from "../annotations/scope";
import { recordAudit } from "../audit";
import { lockDocument } from "../locks";
import type { SessionUser } from "../session";
import { duplicateGold, writeGoldSpan } from "./gold";
import { adjudicatorScope, decisionsOf, loadReviewState } from "./state";
import { first } from "@/db/rows";

export type BulkResult = { ok: true; accepted: number; message: string } | Failure;

/** Thrown inside a transaction to roll back everything it wrote. */
class Abort extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
  }
}

/**
 * Copies to gold, in one step, every undecided span that all reviewers who are done (or all
 * reviewers, when fewer than two are done) marked with the same kind, offsets and compared
 * attributes. Running it again accepts nothing new.
 */
export async function acceptAllUnanimous(user: SessionUser, projectId: number, documentId: number, raw: unknown = {}): Promise<BulkResult> {
  const parsed = acceptUnanimousSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
  try {
    return await getDb().transaction(
      async (tx): Promise<BulkResult> => {
        await lockDocument(tx, documentId);
        const scope = await adjudicatorScope(tx, user, projectId, documentId);
        if ("ok" in scope) return scope;
        const state = await loadReviewState(tx, documentId);
        const text = await documentText(tx, documentId);
        let accepted = 0;
        for (const d of state.review.differences) {
          if (!state.review.unanimous.has(d.key) || d.spans.some((s) => state.coveredBy.has(s.id))) continue;
          const source = d.spans[0]!;
          const fields = { kind: source.kind, start: source.start, end: source.end, attributes: { ...source.attributes } };
          if (duplicateGold(state.gold, fields) !== null) continue;
          const written = await writeGoldSpan(tx, user, scope, text, fields, {
            decision: "accepted",
            fromAnnotationIds: d.spans.map((s) => s.id),
            reason: parsed.data.reason,
          });
          if (!written.ok) throw new Abort(written);
          state.gold.push({ id: written.goldAnnotationId!, ...fields, exact: "" });
          accepted++;
        }
        const message =
          accepted === 0
            ? "No undecided unanimous spans: nothing was accepted."
            : `Accepted ${accepted} unanimous span${accepted === 1 ? "" : "s"} into the gold layer.`;
        return { ok: true, accepted, message };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof Abort) return error.failure;
    throw error;
  }
}

export type UndoResult = { ok: true; message: string } | Failure;

/** Takes a decision back: its gold span is soft-deleted and its spans are undecided again. */
export async function undoDecision(user: SessionUser, projectId: number, documentId: number, raw: unknown): Promise<UndoResult> {
  const parsed = undoSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
  return getDb().transaction(
    async (tx): Promise<UndoResult> => {
      await lockDocument(tx, documentId);
      const scope = await adjudicatorScope(tx, user, projectId, documentId);
      if ("ok" in scope) return scope;
      const decision = (await decisionsOf(tx, documentId)).find((d) => d.id === parsed.data.adjudicationId);
      if (decision === undefined) return fail(404, "not_found", "This decision does not exist any more; it may have been undone already.");
      await tx.delete(adjudications).where(eq(adjudications.id, decision.id));
      await recordAudit(tx, {
        actorId: user.id,
        action: "undo",
        entity: "adjudication",
        entityId: decision.id,
        before: { ...decision, at: decision.at.toISOString() },
      });
      if (decision.goldAnnotationId !== null) {
        const gold = and(eq(annotations.id, decision.goldAnnotationId), eq(annotations.layer, "gold"), isNull(annotations.deletedAt));
        const row = await first(tx.select().from(annotations).where(gold));
        if (row !== undefined) {
          const deletedAt = new Date();
          await tx
            .update(annotations)
            .set({ deletedAt, updatedAt: deletedAt, version: row.version + 1 })
            .where(eq(annotations.id, row.id));
          await recordAudit(tx, {
            actorId: user.id,
            action: "delete",
            entity: "annotation",
            entityId: row.id,
            before: row,
            after: { ...row, deletedAt, version: row.version + 1 },
          });
        }
      }
      return { ok: true, message: "Decision undone: its spans are undecided again." };
    },
    { behavior: "immediate" },
  );
}
