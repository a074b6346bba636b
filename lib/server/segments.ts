// Segments: a region of a document that re-publishes another outlet's piece (a blog page
// re-posting six publishers), with the original outlet, date and web address. Offsets are
// code points into the frozen text, end exclusive, like every span. Segments of one document
// never overlap: a region has one original publisher.
import { and, asc, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { outlets, segments, users } from "@/db/tables";
import { firstIssue } from "@/lib/validation/ratings";
import { segmentSchema, type SegmentInput } from "@/lib/validation/stories";
import { offsetProblem } from "./annotations/checks";
import { documentNotFound, fail, invalid, type Failure } from "./annotations/result";
import { documentScope, type Conn } from "./annotations/scope";
import { recordAudit } from "./audit";
import { findOrCreateOutlet } from "./catalog";
import { lockDocument } from "./locks";
import type { SessionUser } from "./session";
import { first, one } from "@/db/rows";

export interface SegmentDto {
  id: number;
  start: number;
  end: number;
  originalOutletId: number | null;
  originalOutletName: string | null;
  originalDate: string | null;
  originalUrl: string | null;
  createdById: number | null;
  createdByName: string | null;
}

export type SegmentResult = { ok: true; segment: SegmentDto; createdOutlet: boolean } | Failure;

async function findSegments(conn: Conn, documentId: number, segmentId?: number): Promise<SegmentDto[]> {
  return conn
    .select({
      id: segments.id,
      start: segments.start,
      end: segments.end,
      originalOutletId: segments.originalOutletId,
      originalOutletName: outlets.name,
      originalDate: segments.originalDate,
      originalUrl: segments.originalUrl,
      createdById: segments.createdBy,
      createdByName: users.displayName,
    })
    .from(segments)
    .leftJoin(outlets, eq(outlets.id, segments.originalOutletId))
    .leftJoin(users, eq(users.id, segments.createdBy))
    .where(and(eq(segments.documentId, documentId), segmentId === undefined ? undefined : eq(segments.id, segmentId)))
    .orderBy(asc(segments.start));
}

/** The document's segments in reading order; null for a non-member or another project's document. */
export async function listSegments(user: SessionUser, projectId: number, documentId: number): Promise<SegmentDto[] | null> {
  const db = getDb();
  return (await documentScope(db, user, projectId, documentId)) === null ? null : findSegments(db, documentId);
}

async function overlapProblem(conn: Conn, documentId: number, start: number, end: number): Promise<string | null> {
  const other = await first(
    conn
      .select({ start: segments.start, end: segments.end, outlet: outlets.name })
      .from(segments)
      .leftJoin(outlets, eq(outlets.id, segments.originalOutletId))
      .where(and(eq(segments.documentId, documentId), lt(segments.start, end), gt(segments.end, start)))
      .orderBy(asc(segments.start)),
  );
  if (other === undefined) return null;
  const where = `${other.start}–${other.end}`;
  return `This region overlaps the segment at ${where}${other.outlet ? ` re-published from ${other.outlet}` : ""}. Segments cannot overlap: delete that one first, or mark a region outside it.`;
}

/** Any member marks a region as re-published; the original outlet is found by name or created. */
export async function createSegment(user: SessionUser, projectId: number, documentId: number, input: SegmentInput): Promise<SegmentResult> {
  const scope = await documentScope(getDb(), user, projectId, documentId);
  if (scope === null) return documentNotFound();
  const parsed = segmentSchema.safeParse(input);
  if (!parsed.success) return invalid(firstIssue(parsed.error));
  const { start, end, outlet, originalDate, originalUrl } = parsed.data;
  const offsets = offsetProblem(scope.charCount, start, end);
  if (offsets !== null) return invalid(offsets);
  return getDb().transaction(
    async (tx): Promise<SegmentResult> => {
      await lockDocument(tx, documentId); // the overlap check holds until the insert, also on PostgreSQL
      const overlap = await overlapProblem(tx, documentId, start, end);
      if (overlap !== null) return fail(409, "duplicate", overlap);
      const original = await findOrCreateOutlet(tx, outlet);
      const values = {
        documentId,
        start,
        end,
        originalOutletId: original.id,
        originalDate: originalDate ?? null,
        originalUrl: originalUrl ?? null,
        createdBy: user.id,
      };
      const row = await one(tx.insert(segments).values(values).returning({ id: segments.id }));
      await recordAudit(tx, { actorId: user.id, action: "create", entity: "segment", entityId: row.id, after: { ...values, outlet } });
      return { ok: true, segment: (await findSegments(tx, documentId, row.id))[0]!, createdOutlet: original.created };
    },
    { behavior: "immediate" },
  );
}

/** Whoever marked the segment, or a manager, removes it; audited with what it was. */
export async function deleteSegment(user: SessionUser, projectId: number, documentId: number, segmentId: number): Promise<{ ok: true } | Failure> {
  const scope = await documentScope(getDb(), user, projectId, documentId);
  if (scope === null) return documentNotFound();
  return getDb().transaction(async (tx): Promise<{ ok: true } | Failure> => {
    const before = (await findSegments(tx, documentId, segmentId))[0];
    if (before === undefined) return fail(404, "not_found", "This segment does not exist or was already removed.");
    if (before.createdById !== user.id && scope.role !== "manager") {
      return fail(403, "forbidden", "Only the reviewer who marked this segment, or a manager, can remove it.");
    }
    await tx.delete(segments).where(eq(segments.id, segmentId));
    await recordAudit(tx, { actorId: user.id, action: "delete", entity: "segment", entityId: segmentId, before: { ...before, documentId } });
    return { ok: true };
  });
}
