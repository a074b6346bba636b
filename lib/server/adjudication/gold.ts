// Writing the gold layer: a gold span (layer "gold", annotator = the adjudicator) and the
// adjudication that explains it, both in the audit log, in the caller's transaction.
import { adjudications, annotations } from "@/db/tables";
import { sliceCodePoints, textQuoteSelector } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { checkSpan } from "../annotations/checks";
import { fail, type Failure } from "../annotations/result";
import type { Conn, DocumentScope } from "../annotations/scope";
import { recordAudit } from "../audit";
import type { SessionUser } from "../session";
import type { Decision, GoldSpan } from "./state";
import { one } from "@/db/rows";

export interface GoldFields {
  kind: AnnotationKind;
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

export interface DecisionRecord {
  decision: Decision["decision"];
  fromAnnotationIds: number[];
  reason: string;
}

export type Written = { ok: true; adjudicationId: number; goldAnnotationId: number | null } | Failure;

const KIND_WORD: Record<AnnotationKind, string> = { claim: "claim", opinion: "opinion", quote: "quote" };

/** Two gold spans of one kind on the same text would be one fact recorded twice. */
export function duplicateGold(gold: readonly GoldSpan[], fields: GoldFields): Failure | null {
  const same = gold.find((g) => g.kind === fields.kind && g.start === fields.start && g.end === fields.end);
  if (same === undefined) return null;
  return fail(409, "duplicate", `The gold layer already has this ${KIND_WORD[fields.kind]} (${fields.start}–${fields.end}); it was not added twice.`);
}

async function recordDecision(conn: Conn, user: SessionUser, documentId: number, goldAnnotationId: number | null, record: DecisionRecord): Promise<number> {
  const row = await one(
    conn
      .insert(adjudications)
      .values({
        documentId,
        goldAnnotationId,
        decision: record.decision,
        fromAnnotationIds: record.fromAnnotationIds,
        reason: record.reason,
        adjudicatorId: user.id,
      })
      .returning({ id: adjudications.id }),
  );
  await recordAudit(conn, {
    actorId: user.id,
    action: `adjudicate:${record.decision}`,
    entity: "adjudication",
    entityId: row.id,
    after: { documentId, goldAnnotationId, ...record },
  });
  return row.id;
}

/** A span copied or edited into gold: checked like any span (offsets, text, attributes, sources). */
export async function writeGoldSpan(
  conn: Conn,
  user: SessionUser,
  scope: DocumentScope,
  text: string,
  fields: GoldFields,
  record: DecisionRecord,
): Promise<Written> {
  const inText =
    Number.isInteger(fields.start) && Number.isInteger(fields.end) && 0 <= fields.start && fields.start < fields.end && fields.end <= scope.charCount;
  const exact = inText ? sliceCodePoints(text, fields.start, fields.end) : "";
  const checked = await checkSpan(conn, scope, text, user.id, { ...fields, exact, note: "", parentId: null }, null);
  if (!checked.ok) return checked;
  const { prefix, suffix } = textQuoteSelector(text, fields.start, fields.end);
  const values = {
    documentId: scope.documentId,
    annotatorId: user.id,
    layer: "gold" as const,
    ...fields,
    attributes: checked.attributes,
    exact,
    prefix,
    suffix,
    version: 1,
  };
  const gold = await one(conn.insert(annotations).values(values).returning({ id: annotations.id }));
  await recordAudit(conn, { actorId: user.id, action: "create", entity: "annotation", entityId: gold.id, after: { id: gold.id, ...values } });
  return { ok: true, adjudicationId: await recordDecision(conn, user, scope.documentId, gold.id, record), goldAnnotationId: gold.id };
}

/** A rejection: the reviewers' spans are settled and nothing goes into gold. */
export async function writeRejection(conn: Conn, user: SessionUser, documentId: number, record: DecisionRecord): Promise<Written> {
  return { ok: true, adjudicationId: await recordDecision(conn, user, documentId, null, record), goldAnnotationId: null };
}
