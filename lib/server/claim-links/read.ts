// Reading links: which link a span is in, and a link's spans as the viewer may see them.
// Deleted members stay in the link (so a restore brings them back) but are never shown.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { annotations, claimLinkSpans, documents, outlets, users } from "@/db/tables";
import type { AnnotationKind } from "@/lib/validation/annotations";
import type { Conn } from "../annotations/scope";
import { visibleTo, type Viewer } from "./access";
import { first } from "@/db/rows";

export interface LinkedSpan {
  annotationId: number;
  documentId: number;
  documentTitle: string;
  outletName: string | null;
  publishedAt: string | null;
  kind: AnnotationKind;
  exact: string;
  annotatorName: string;
  layer: "annotator" | "gold";
}

export async function linkIdOf(conn: Conn, annotationId: number): Promise<number | null> {
  const row = await first(conn.select({ linkId: claimLinkSpans.linkId }).from(claimLinkSpans).where(eq(claimLinkSpans.annotationId, annotationId)));
  return row?.linkId ?? null;
}

/** Every member of a link, deleted or not (for writes). */
export async function memberIds(conn: Conn, linkId: number): Promise<number[]> {
  const rows = await conn
    .select({ id: claimLinkSpans.annotationId })
    .from(claimLinkSpans)
    .where(eq(claimLinkSpans.linkId, linkId))
    .orderBy(asc(claimLinkSpans.annotationId));
  return rows.map((r) => r.id);
}

const linkedColumns = {
  annotationId: annotations.id,
  documentId: annotations.documentId,
  documentTitle: documents.title,
  outletName: outlets.name,
  publishedAt: documents.publishedAt,
  kind: annotations.kind,
  exact: annotations.exact,
  annotatorName: users.displayName,
  layer: annotations.layer,
};

/**
 * The given spans of the project that the viewer may see and that are live, in publication
 * order (undated last), then by document and position. Authorization is in the query.
 */
export async function describeSpans(conn: Conn, viewer: Viewer, projectId: number, ids: readonly number[]): Promise<LinkedSpan[]> {
  if (ids.length === 0) return [];
  return conn
    .select(linkedColumns)
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(users, eq(users.id, annotations.annotatorId))
    .leftJoin(outlets, eq(outlets.id, documents.outletId))
    .where(and(inArray(annotations.id, [...ids]), eq(documents.projectId, projectId), visibleTo(viewer)))
    .orderBy(sql`${documents.publishedAt} is null`, asc(documents.publishedAt), asc(documents.id), asc(annotations.start), asc(annotations.id));
}

/** A link's spans as the viewer sees them. */
export async function linkedSpans(conn: Conn, viewer: Viewer, projectId: number, linkId: number): Promise<LinkedSpan[]> {
  return describeSpans(conn, viewer, projectId, await memberIds(conn, linkId));
}
