// The adjudicator's decisions on one document. Each runs in a transaction that locks the
// document (IMMEDIATE on SQLite, its row on PostgreSQL: ../locks.ts) and then re-reads the
// review state, so two adjudicators deciding the same difference at once are serialized: the
// first wins, the second finds its spans already covered and is told so.
import { getDb } from "@/db";
import { decisionSchema, type DecisionInput } from "@/lib/review/validation";
import { fail, invalid, type Failure } from "../annotations/result";
import { documentText, type Conn, type DocumentScope } from "../annotations/scope";
import { lockDocument } from "../locks";
import type { SessionUser } from "../session";
import { duplicateGold, writeGoldSpan, writeRejection, type GoldFields, type Written } from "./gold";
import { adjudicatorScope, loadReviewState, type Decision, type ReviewState, type ReviewerSpan } from "./state";

export type DecisionResult = { ok: true; message: string; adjudicationId: number } | Failure;

const WORDS: Record<Decision["decision"], string> = { accepted: "accepted", edited: "accepted with changes", rejected: "rejected", added: "added" };

function alreadyDecided(by: Decision): Failure {
  const at = by.at.toISOString().slice(0, 16).replace("T", " ");
  return fail(
    409,
    "duplicate",
    `Already decided: ${by.adjudicatorName} ${WORDS[by.decision]} this at ${at} UTC. Nothing was changed; reload to see the decision.`,
  );
}

const spansChanged = (): Failure =>
  fail(409, "stale", "The reviewers' spans here changed since this page was loaded. Nothing was changed; reload and decide again.");

/**
 * The difference the client decided on, as the server sees it now, or why it cannot be decided:
 * its spans changed since the page was loaded, or every one of them is already decided. Spans
 * decided earlier stay with their decision; the new one settles the rest.
 */
function currentGroup(state: ReviewState, memberIds: readonly number[]): readonly ReviewerSpan[] | Failure {
  const group = state.review.differences.find((d) => d.spans.some((s) => s.id === memberIds[0]));
  const wanted = [...new Set(memberIds)].sort((a, b) => a - b).join("-");
  if (group === undefined || group.key !== wanted) {
    const by = memberIds.map((id) => state.coveredBy.get(id)).find((d) => d !== undefined);
    return by !== undefined && memberIds.every((id) => state.coveredBy.has(id)) ? alreadyDecided(by) : spansChanged();
  }
  const open = group.spans.filter((s) => !state.coveredBy.has(s.id));
  return open.length === 0 ? alreadyDecided(state.coveredBy.get(group.spans[0]!.id)!) : open;
}

type SourcedInput = Extract<DecisionInput, { action: "accept" | "edit" }>;

async function sourcedDecision(tx: Conn, user: SessionUser, scope: DocumentScope, state: ReviewState, input: SourcedInput): Promise<Written> {
  const group = currentGroup(state, input.memberIds);
  if ("ok" in group) return group;
  const decided = state.coveredBy.get(input.sourceId);
  if (decided !== undefined) return alreadyDecided(decided);
  const source = group.find((s) => s.id === input.sourceId);
  if (source === undefined) return invalid("The span to accept is not one of this difference's spans.");
  const fields: GoldFields =
    input.action === "accept"
      ? { kind: source.kind, start: source.start, end: source.end, attributes: { ...source.attributes } }
      : { kind: input.kind, start: input.start, end: input.end, attributes: input.attributes };
  const duplicate = duplicateGold(state.gold, fields);
  if (duplicate !== null) return duplicate;
  // The copied span first, then the others this decision settles (they were overridden).
  const from = [source.id, ...group.filter((s) => s.id !== source.id).map((s) => s.id)];
  const decision = input.action === "accept" ? "accepted" : "edited";
  return writeGoldSpan(tx, user, scope, await documentText(tx, scope.documentId), fields, { decision, fromAnnotationIds: from, reason: input.reason });
}

async function apply(tx: Conn, user: SessionUser, scope: DocumentScope, input: DecisionInput): Promise<Written> {
  const state = await loadReviewState(tx, scope.documentId);
  switch (input.action) {
    case "accept":
    case "edit":
      return sourcedDecision(tx, user, scope, state, input);
    case "reject": {
      const group = currentGroup(state, input.memberIds);
      if ("ok" in group) return group;
      return writeRejection(tx, user, scope.documentId, { decision: "rejected", fromAnnotationIds: group.map((s) => s.id), reason: input.reason });
    }
    case "add": {
      const fields: GoldFields = { kind: input.kind, start: input.start, end: input.end, attributes: input.attributes };
      const duplicate = duplicateGold(state.gold, fields);
      if (duplicate !== null) return duplicate;
      const text = await documentText(tx, scope.documentId);
      return writeGoldSpan(tx, user, scope, text, fields, { decision: "added", fromAnnotationIds: [], reason: input.reason });
    }
  }
}

const DONE: Record<DecisionInput["action"], string> = {
  accept: "Accepted into the gold layer.",
  edit: "The edited span is in the gold layer.",
  reject: "Rejected: nothing from this difference goes into the gold layer.",
  add: "Added to the gold layer.",
};

/** Accept, edit, reject or add, for the document's adjudicators and managers only. */
export async function decide(user: SessionUser, projectId: number, documentId: number, raw: unknown): Promise<DecisionResult> {
  const parsed = decisionSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
  const input = parsed.data;
  return getDb().transaction(
    async (tx): Promise<DecisionResult> => {
      await lockDocument(tx, documentId);
      const scope = await adjudicatorScope(tx, user, projectId, documentId);
      if ("ok" in scope) return scope;
      const written = await apply(tx, user, scope, input);
      if (!written.ok) return written;
      return { ok: true, message: DONE[input.action], adjudicationId: written.adjudicationId };
    },
    { behavior: "immediate" },
  );
}
