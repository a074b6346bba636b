// Reading spans as AnnotationDto (the API's shape). Authorization is the caller's `where`:
// every exported reader in this folder passes one built by memberSees().
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { annotations, documents, projectMembers, users } from "@/db/tables";
import type { AnnotationDto, AnnotationKind } from "@/lib/validation/annotations";
import type { SessionUser } from "../session";
import type { Conn } from "./scope";

const spanColumns = {
  id: annotations.id,
  documentId: annotations.documentId,
  annotatorId: annotations.annotatorId,
  annotatorName: users.displayName,
  layer: annotations.layer,
  kind: annotations.kind,
  start: annotations.start,
  end: annotations.end,
  exact: annotations.exact,
  prefix: annotations.prefix,
  suffix: annotations.suffix,
  attributes: annotations.attributes,
  note: annotations.note,
  parentId: annotations.parentId,
  version: annotations.version,
  createdAt: annotations.createdAt,
  updatedAt: annotations.updatedAt,
  deletedAt: annotations.deletedAt,
};

interface SpanRow extends Omit<AnnotationDto, "attributes" | "createdAt" | "updatedAt" | "deletedAt" | "kind"> {
  kind: AnnotationKind;
  attributes: unknown;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

function toDto(row: SpanRow): AnnotationDto {
  return {
    ...row,
    attributes: (row.attributes ?? {}) as Record<string, unknown>,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt === null ? null : row.deletedAt.toISOString(),
  };
}

/** The span's document is in this project and the user is a member of it. */
export function memberSees(user: SessionUser, projectId: number): SQL {
  return sql`exists (select 1 from ${documents} inner join ${projectMembers}
    on ${projectMembers.projectId} = ${documents.projectId} and ${projectMembers.userId} = ${user.id}
    where ${documents.id} = ${annotations.documentId} and ${documents.projectId} = ${projectId})`;
}

/** Annotator-layer spans matching `where`, in reading order (start asc, end desc). */
export async function findSpans(conn: Conn, where: SQL | undefined): Promise<AnnotationDto[]> {
  const rows = await conn
    .select(spanColumns)
    .from(annotations)
    .innerJoin(users, eq(users.id, annotations.annotatorId))
    .where(and(eq(annotations.layer, "annotator"), where))
    .orderBy(asc(annotations.start), desc(annotations.end), asc(annotations.id));
  return rows.map(toDto);
}

/** One annotator-layer span of a document, deleted or not. Callers have authorized the document. */
export async function getSpan(conn: Conn, documentId: number, annotationId: number): Promise<AnnotationDto | null> {
  return (await findSpans(conn, and(eq(annotations.documentId, documentId), eq(annotations.id, annotationId))))[0] ?? null;
}

/** What the audit log keeps of a span: everything but the derived display name. */
export function auditSnapshot(span: AnnotationDto): Omit<AnnotationDto, "annotatorName"> {
  const { annotatorName: _name, ...rest } = span;
  return rest;
}
