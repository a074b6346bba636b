// The guards shared by edit, delete and restore: only the owner changes a span, never on a
// layer they marked done, and only against the version they last saw.
import { and, eq } from "drizzle-orm";
import { annotations } from "@/db/tables";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { recordAudit } from "../audit";
import type { SessionUser } from "../session";
import { auditSnapshot, getSpan } from "./dto";
import { documentNotFound, fail, frozen, spanNotFound, stale, type AnnotationResult, type Failure } from "./result";
import { documentScope, type Conn, type DocumentScope } from "./scope";

type Writable = Partial<typeof annotations.$inferInsert>;

export interface OwnSpan {
  ok: true;
  scope: DocumentScope;
  span: AnnotationDto;
}

/** The span, if the user may see it; null otherwise (a span you cannot see does not exist). */
export async function visibleSpan(conn: Conn, user: SessionUser, scope: DocumentScope, annotationId: number): Promise<AnnotationDto | null> {
  const span = await getSpan(conn, scope.documentId, annotationId);
  if (span === null) return null;
  return scope.seesOthers || span.annotatorId === user.id ? span : null;
}

/**
 * Loads a span its owner is about to change. `deleted` says which state the change expects:
 * edit and delete need a live span, restore a deleted one.
 */
export async function ownSpan(
  conn: Conn,
  user: SessionUser,
  target: { projectId: number; documentId: number; annotationId: number },
  deleted: boolean,
): Promise<OwnSpan | Failure> {
  const scope = await documentScope(conn, user, target.projectId, target.documentId);
  if (scope === null) return documentNotFound();
  const span = await visibleSpan(conn, user, scope, target.annotationId);
  if (span === null || (!deleted && span.deletedAt !== null)) return spanNotFound();
  if (span.annotatorId !== user.id) return fail(403, "not_owner", "This span belongs to another reviewer.");
  if (scope.myStatus === "submitted") return frozen();
  if (deleted && span.deletedAt === null) return { ...fail(409, "not_deleted", "This span is not deleted."), current: span };
  return { ok: true, scope, span };
}

/**
 * The only way a span row changes: `UPDATE … WHERE id = ? AND version = ?`. If another
 * writer bumped the version since we read it, nothing changes and this returns false, so
 * two requests made against the same version can never both win.
 */
export async function writeIfVersion(conn: Conn, annotationId: number, version: number, values: Writable): Promise<boolean> {
  const changed = await conn
    .update(annotations)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(annotations.id, annotationId), eq(annotations.version, version)))
    .returning({ id: annotations.id });
  return changed.length === 1;
}

/**
 * Applies a change to a span read as `before` (guarded by its version) and records it in
 * the audit log with before and after; a writer that lost the race gets "stale".
 */
export async function applyChange(
  conn: Conn,
  user: SessionUser,
  action: "update" | "delete" | "restore",
  before: AnnotationDto,
  values: Writable,
): Promise<AnnotationResult> {
  if (!(await writeIfVersion(conn, before.id, before.version, values))) return stale((await getSpan(conn, before.documentId, before.id))!);
  const annotation = (await getSpan(conn, before.documentId, before.id))!;
  await recordAudit(conn, {
    actorId: user.id,
    action,
    entity: "annotation",
    entityId: before.id,
    before: auditSnapshot(before),
    after: auditSnapshot(annotation),
  });
  return { ok: true, annotation };
}
