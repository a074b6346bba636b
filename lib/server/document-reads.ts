// Documents out: a project's list and one document, for a member. Both take the acting user and
// join on membership, so a document of a project the user is not in is indistinguishable from
// one that does not exist.
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { first } from "@/db/rows";
import { foldCase } from "@/db/sql";
import { documents, outlets, projectMembers, stories } from "@/db/tables";
import type { DocumentListQuery } from "@/lib/validation/documents";
import type { SessionUser } from "./session";

export interface DocumentListRow {
  id: number;
  title: string;
  author: string | null;
  publishedAt: string | null;
  outletId: number | null;
  outletName: string | null;
  storyId: number | null;
  storyName: string | null;
  wordCount: number;
}

/** What a list row shows; one document's read adds its text and the rest. */
const LIST_COLUMNS = {
  id: documents.id,
  title: documents.title,
  author: documents.author,
  publishedAt: documents.publishedAt,
  outletId: documents.outletId,
  outletName: outlets.name,
  storyId: documents.storyId,
  storyName: stories.name,
  wordCount: documents.wordCount,
};

const SORTS: Record<DocumentListQuery["sort"], SQL[]> = {
  date_desc: [sql`${documents.publishedAt} is null`, desc(documents.publishedAt), asc(documents.id)],
  date_asc: [sql`${documents.publishedAt} is null`, asc(documents.publishedAt), asc(documents.id)],
  title: [asc(foldCase(documents.title))],
  imported: [desc(documents.importedAt), desc(documents.id)],
};

export async function listDocumentsForMember(user: SessionUser, projectId: number, query: DocumentListQuery): Promise<DocumentListRow[]> {
  const filters: SQL[] = [eq(documents.projectId, projectId)];
  if (query.outlet !== undefined) filters.push(eq(documents.outletId, query.outlet));
  if (query.story !== undefined) filters.push(eq(documents.storyId, query.story));
  return await getDb()
    .select(LIST_COLUMNS)
    .from(documents)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
    .leftJoin(outlets, eq(outlets.id, documents.outletId))
    .leftJoin(stories, eq(stories.id, documents.storyId))
    .where(and(...filters))
    .orderBy(...SORTS[query.sort]);
}

export interface DocumentForReader extends DocumentListRow {
  projectId: number;
  url: string | null;
  text: string;
  textSha256: string;
  charCount: number;
}

/** The document if it belongs to this project and the user is a member of it; otherwise null. */
export async function getDocumentForMember(user: SessionUser, projectId: number, documentId: number): Promise<DocumentForReader | null> {
  const row = await first(
    getDb()
      .select({
        ...LIST_COLUMNS,
        projectId: documents.projectId,
        url: documents.url,
        charCount: documents.charCount,
        text: documents.text,
        textSha256: documents.textSha256,
      })
      .from(documents)
      .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
      .leftJoin(outlets, eq(outlets.id, documents.outletId))
      .leftJoin(stories, eq(stories.id, documents.storyId))
      .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))),
  );
  return row ?? null;
}
