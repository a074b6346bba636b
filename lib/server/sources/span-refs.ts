// Spans that name a source: a quote's speaker (attributes.source_id) and a claim's or an
// opinion's targets (attributes.targets). A merge re-points both, so nothing is left naming a
// source that no longer exists; deleted spans move too, or restoring one would bring back a
// dangling speaker. Every change goes through the span's version, like any edit, so a tab
// still holding the old version gets the usual "changed elsewhere" conflict.
import { and, eq, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { annotations } from "@/db/tables";
import { idsIn, jsonArrayHas, jsonInteger } from "@/db/sql";
import { recordAudit } from "../audit";

export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

export interface SpanRef {
  id: number;
  documentId: number;
  version: number;
  attributes: Record<string, unknown>;
}

/** One span that a merge changed: its attributes before and after. */
export interface MovedSpan {
  id: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** A raw row comes back as its values: id, document id, version, attributes (JSON text). */
type RawRef = [number, number, number, string];

function toRef([id, documentId, version, attributes]: RawRef): SpanRef {
  return { id, documentId, version, attributes: JSON.parse(attributes) as Record<string, unknown> };
}

/** Spans of the project's documents (any layer, deleted or not) whose speaker or targets name `sourceId`. */
export async function spansNaming(tx: Tx, projectId: number, sourceId: number): Promise<SpanRef[]> {
  const rows = await tx.all<RawRef>(sql`
    select a.id, a.document_id as documentId, a.version, a.attributes from annotations a
    where a.document_id in (select id from documents where project_id = ${projectId})
      and ((a.kind = 'quote' and ${jsonInteger(sql`a.attributes`, "source_id")} = ${sourceId}) or ${jsonArrayHas(sql`a.attributes`, "targets", sourceId)})
    order by a.id`);
  return rows.map(toRef);
}

/** The attributes with every mention of `from` replaced by `into` (targets kept free of repeats). */
export function repoint(attributes: Record<string, unknown>, from: number, into: number): Record<string, unknown> {
  const next = { ...attributes };
  if (next.source_id === from) next.source_id = into;
  if (Array.isArray(next.targets)) {
    const targets = (next.targets as unknown[]).map((t) => (t === from ? into : t));
    next.targets = targets.filter((t, i) => targets.indexOf(t) === i);
  }
  return next;
}

/** Writes new attributes to a span read at `version`, growing the version, and audits it on the span. */
export async function rewriteSpan(
  tx: Tx,
  actorId: number,
  span: SpanRef,
  attributes: Record<string, unknown>,
  action: "source-merge" | "source-unmerge",
): Promise<void> {
  await tx
    .update(annotations)
    .set({ attributes, version: span.version + 1, updatedAt: new Date() })
    .where(and(eq(annotations.id, span.id), eq(annotations.version, span.version)));
  await recordAudit(tx, {
    actorId,
    action,
    entity: "annotation",
    entityId: span.id,
    before: { attributes: span.attributes, version: span.version },
    after: { attributes, version: span.version + 1 },
  });
}

/** Current attributes and versions of the given spans (those still there). */
export async function spansById(tx: Tx, ids: number[]): Promise<Map<number, SpanRef>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.all<RawRef>(sql`
    select id, document_id as documentId, version, attributes from annotations
    where id in ${idsIn(ids)}`);
  return new Map(rows.map((r) => [r[0], toRef(r)]));
}
