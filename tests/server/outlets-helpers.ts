// Shared by the outlet, rating, story and segment tests: documents from named outlets, and
// row counts to show that a refused write wrote nothing.
import { count, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db";
import { auditLog, documents } from "@/db/tables";
import { importDocuments } from "@/lib/server/documents";
import { first } from "@/db/rows";

let n = 0;

/** Imports one document into the project; returns its id and its outlet's id. */
export async function addDocument(
  projectId: number,
  meta: { outlet?: string; story?: string; text?: string; title?: string } = {},
): Promise<{ documentId: number; outletId: number | null }> {
  const text = meta.text ?? `Words of document ${++n}, written for a test.`;
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], { outlet: meta.outlet, story: meta.story, title: meta.title });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  const documentId = result.documents[0]!.id;
  const row = (await first(getDb().select({ outletId: documents.outletId }).from(documents).where(eq(documents.id, documentId))))!;
  return { documentId, outletId: row.outletId };
}

export async function rows(table: SQLiteTable): Promise<number> {
  return (await first(getDb().select({ n: count() }).from(table)))?.n ?? 0;
}

/** The number of rows in `table` and in the audit log, to compare before and after a refusal. */
export async function snapshotCounts(table: SQLiteTable): Promise<{ rows: number; audit: number }> {
  return { rows: await rows(table), audit: await rows(auditLog) };
}

export { signInAs } from "./helpers";
