// Shared set-up for the agreement and adjudication tests: documents and spans made through
// the app's own import and annotation code.
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { adjudications, annotations, auditLog } from "@/db/tables";
import { createAnnotation } from "@/lib/server/annotations";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { first } from "@/db/rows";

export async function addDocument(projectId: number, text: string, outlet?: string): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], outlet === undefined ? {} : { outlet });
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

/** Creates a span at code-point offsets (the test texts are ASCII, so indexes are code points). */
export async function mark(
  user: SessionUser,
  projectId: number,
  documentId: number,
  text: string,
  kind: AnnotationKind,
  start: number,
  end: number,
  attributes: Record<string, unknown> = {},
): Promise<number> {
  const result = await createAnnotation(user, projectId, documentId, { kind, start, end, exact: text.slice(start, end), attributes });
  if (!result.ok) throw new Error(result.error);
  return result.annotation.id;
}

/** Marks the first occurrence of `needle`. */
export async function markText(
  user: SessionUser,
  projectId: number,
  documentId: number,
  text: string,
  kind: AnnotationKind,
  needle: string,
  attributes: Record<string, unknown> = {},
): Promise<number> {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`not in text: ${needle}`);
  return await mark(user, projectId, documentId, text, kind, start, start + needle.length, attributes);
}

export async function counts(): Promise<{ gold: number; adjudications: number; audit: number }> {
  const db = getDb();
  return {
    gold: (await first(db.select({ n: count() }).from(annotations).where(eq(annotations.layer, "gold"))))!.n,
    adjudications: (await first(db.select({ n: count() }).from(adjudications)))!.n,
    audit: (await first(db.select({ n: count() }).from(auditLog)))!.n,
  };
}
