import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, auditLog, users } from "@/db/tables";
import type { AnnotationDto, HistoryEntry } from "@/lib/validation/annotations";
import type { SessionUser } from "../session";
import { findSpans, memberSees } from "./dto";
import { visibleSpan } from "./own-span";
import { documentScope } from "./scope";

export interface ListAnnotationsOptions {
  includeDeleted?: boolean;
  /** Only this annotator's spans (for managers and adjudicators comparing layers). */
  annotatorId?: number;
}

/**
 * A document's annotator-layer spans in reading order, or null when the document is not in
 * the project or the user is not a member. While blind mode is on, an annotator gets only
 * their own spans: the filter is part of the query, so nothing else ever leaves the database.
 */
export async function listAnnotations(
  user: SessionUser,
  projectId: number,
  documentId: number,
  opts: ListAnnotationsOptions = {},
): Promise<AnnotationDto[] | null> {
  const db = getDb();
  const scope = await documentScope(db, user, projectId, documentId);
  if (scope === null) return null;
  const where: SQL[] = [eq(annotations.documentId, documentId), memberSees(user, projectId)];
  if (!opts.includeDeleted) where.push(isNull(annotations.deletedAt));
  if (!scope.seesOthers) where.push(eq(annotations.annotatorId, user.id));
  if (opts.annotatorId !== undefined) where.push(eq(annotations.annotatorId, opts.annotatorId));
  return findSpans(db, and(...where));
}

export type { HistoryEntry };

/** The audit trail of one span, oldest first; null for anyone who cannot see the span. */
export async function annotationHistory(user: SessionUser, projectId: number, documentId: number, annotationId: number): Promise<HistoryEntry[] | null> {
  const db = getDb();
  const scope = await documentScope(db, user, projectId, documentId);
  if (scope === null || (await visibleSpan(db, user, scope, annotationId)) === null) return null;
  const rows = await db
    .select({
      action: auditLog.action,
      actorName: users.displayName,
      at: auditLog.at,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entity, "annotation"), eq(auditLog.entityId, annotationId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
