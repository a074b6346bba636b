// Delete is soft (deleted_at), so a span removed by mistake can be restored and the audit
// log still points at a row. Both lock the document first, like every span write (../locks.ts).
import { getDb } from "@/db";
import { lockDocument } from "../locks";
import type { SessionUser } from "../session";
import { applyChange, ownSpan } from "./own-span";
import { stale, type AnnotationResult } from "./result";

export async function deleteAnnotation(
  user: SessionUser,
  projectId: number,
  documentId: number,
  annotationId: number,
  version: number,
): Promise<AnnotationResult> {
  return getDb().transaction(
    async (tx): Promise<AnnotationResult> => {
      await lockDocument(tx, documentId);
      const found = await ownSpan(tx, user, { projectId, documentId, annotationId }, false);
      if (!found.ok) return found;
      if (version !== found.span.version) return stale(found.span);
      return applyChange(tx, user, "delete", found.span, { deletedAt: new Date() });
    },
    { behavior: "immediate" },
  );
}

/**
 * The owner brings back a soft-deleted span; it gets a new version, like any change. A
 * restore that names a version is held to it exactly like edit and delete: a version other
 * than the stored one (older, or newer than any handed out) is stale.
 */
export async function restoreAnnotation(
  user: SessionUser,
  projectId: number,
  documentId: number,
  annotationId: number,
  version?: number,
): Promise<AnnotationResult> {
  return getDb().transaction(
    async (tx): Promise<AnnotationResult> => {
      await lockDocument(tx, documentId);
      const found = await ownSpan(tx, user, { projectId, documentId, annotationId }, true);
      if (!found.ok) return found;
      if (version !== undefined && version !== found.span.version) return stale(found.span);
      return applyChange(tx, user, "restore", found.span, { deletedAt: null });
    },
    { behavior: "immediate" },
  );
}
