// Documents: import (web form, CLI and demo share importDocuments), list and read.
// Reads take the acting user and join on membership, so a document of a project the user
// is not in is indistinguishable from one that does not exist.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, outlets, projectMembers, stories } from "@/db/schema";
import { ImportError, prepareDocument, type PreparedDocument } from "@/lib/import";
import type { DocumentListQuery, DocumentMetadata } from "@/lib/validation/documents";
import { recordAudit } from "./audit";
import { findOrCreateOutlet, findOrCreateStory } from "./catalog";
import { memberRole } from "./projects";
import type { SessionUser } from "./session";

export type ImportActor = { kind: "user"; user: SessionUser } | { kind: "system"; label: string };

export type ImportItem =
  | { fileName?: string; bytes: Uint8Array; text?: undefined }
  | { fileName?: string; text: string; bytes?: undefined };

export interface ImportProblem {
  source: string;
  message: string;
}

export interface ImportedDocument {
  id: number;
  title: string;
  source: string;
  charCount: number;
  wordCount: number;
  textSha256: string;
}

export type ImportResult =
  | { ok: true; documents: ImportedDocument[]; createdOutlet: string | null; createdStory: string | null }
  | { ok: false; problems: ImportProblem[] };

const sourceName = (item: ImportItem): string => item.fileName || "The pasted text";

interface Prepared {
  item: ImportItem;
  doc: PreparedDocument;
}

function prepareAll(items: ImportItem[], meta: DocumentMetadata): { prepared: Prepared[]; problems: ImportProblem[] } {
  const prepared: Prepared[] = [];
  const problems: ImportProblem[] = [];
  for (const item of items) {
    try {
      const common = { fileName: item.fileName, title: meta.title, author: meta.author, publishedAt: meta.publishedAt, url: meta.url };
      const doc =
        item.bytes !== undefined ? prepareDocument({ ...common, bytes: item.bytes }) : prepareDocument({ ...common, text: item.text });
      prepared.push({ item, doc });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push({ source: sourceName(item), message: error.message });
    }
  }
  return { prepared, problems };
}

function duplicateProblems(projectId: number, prepared: Prepared[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, string>();
  prepared.forEach(({ item, doc }) => {
    const source = sourceName(item);
    const earlier = seen.get(doc.textSha256);
    if (earlier !== undefined) problems.push({ source, message: `${source} has the same text as ${earlier}.` });
    seen.set(doc.textSha256, source);
  });
  const hashes = [...seen.keys()];
  if (hashes.length === 0) return problems;
  const existing = getDb()
    .select({ id: documents.id, title: documents.title, sha: documents.textSha256 })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), inArray(documents.textSha256, hashes)))
    .all();
  for (const row of existing) {
    const source = seen.get(row.sha)!;
    problems.push({
      source,
      message: `${source} has the same text as “${row.title}” (document ${row.id}), already in this project.`,
    });
  }
  return problems;
}

/**
 * Imports one or more documents into a project, all or nothing: if any item is refused
 * (too large, not UTF-8, unsupported, empty, duplicate), nothing is written and every
 * problem is reported, so the person can fix the batch and send it again.
 */
export function importDocuments(actor: ImportActor, projectId: number, items: ImportItem[], meta: DocumentMetadata): ImportResult {
  if (actor.kind === "user" && memberRole(actor.user.id, projectId) !== "manager") {
    return { ok: false, problems: [{ source: "Project", message: "Only a manager of this project can add documents." }] };
  }
  if (items.length === 0) return { ok: false, problems: [{ source: "Import", message: "Choose at least one file or paste some text." }] };
  if (items.length > 1 && meta.title !== undefined) {
    return {
      ok: false,
      problems: [{ source: "Title", message: "Leave the title empty when importing several files: each title is taken from its file." }],
    };
  }
  const { prepared, problems } = prepareAll(items, meta);
  problems.push(...duplicateProblems(projectId, prepared));
  if (problems.length > 0) return { ok: false, problems };
  return writeDocuments(actor, projectId, prepared, meta);
}

function writeDocuments(
  actor: ImportActor,
  projectId: number,
  prepared: Prepared[],
  meta: DocumentMetadata,
): ImportResult {
  const actorId = actor.kind === "user" ? actor.user.id : null;
  try {
    return getDb().transaction((tx) => {
      const outlet = meta.outlet === undefined ? null : findOrCreateOutlet(tx, meta.outlet);
      const story = meta.story === undefined ? null : findOrCreateStory(tx, projectId, meta.story);
      const imported = prepared.map(({ item, doc }): ImportedDocument => {
        const row = tx
          .insert(documents)
          .values({
            projectId,
            storyId: story?.id ?? null,
            outletId: outlet?.id ?? null,
            title: doc.title,
            author: doc.author ?? null,
            publishedAt: doc.publishedAt ?? null,
            url: doc.url ?? null,
            text: doc.text,
            textSha256: doc.textSha256,
            charCount: doc.charCount,
            wordCount: doc.wordCount,
            sourceFileName: item.fileName ?? null,
            importedBy: actorId,
          })
          .returning({ id: documents.id })
          .get();
        const { text: _text, ...summary } = doc;
        recordAudit(tx, { actorId, action: "import", entity: "document", entityId: row.id, after: { ...summary, projectId } });
        return { id: row.id, title: doc.title, source: sourceName(item), charCount: doc.charCount, wordCount: doc.wordCount, textSha256: doc.textSha256 };
      });
      return {
        ok: true as const,
        documents: imported,
        createdOutlet: outlet?.created ? meta.outlet! : null,
        createdStory: story?.created ? meta.story! : null,
      };
    });
  } catch (error) {
    // Another import of the same text won the race between our check and our insert.
    if (String(error).includes("documents_project_sha_unique") || String(error).includes("UNIQUE constraint failed: documents")) {
      return { ok: false, problems: [{ source: "Import", message: "The same text was just added to this project by someone else." }] };
    }
    throw error;
  }
}

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

const SORTS: Record<DocumentListQuery["sort"], SQL[]> = {
  date_desc: [sql`${documents.publishedAt} is null`, desc(documents.publishedAt), asc(documents.id)],
  date_asc: [sql`${documents.publishedAt} is null`, asc(documents.publishedAt), asc(documents.id)],
  title: [asc(sql`lower(${documents.title})`)],
  imported: [desc(documents.importedAt), desc(documents.id)],
};

export function listDocumentsForMember(user: SessionUser, projectId: number, query: DocumentListQuery): DocumentListRow[] {
  const filters: SQL[] = [eq(documents.projectId, projectId)];
  if (query.outlet !== undefined) filters.push(eq(documents.outletId, query.outlet));
  if (query.story !== undefined) filters.push(eq(documents.storyId, query.story));
  return getDb()
    .select({
      id: documents.id,
      title: documents.title,
      author: documents.author,
      publishedAt: documents.publishedAt,
      outletId: documents.outletId,
      outletName: outlets.name,
      storyId: documents.storyId,
      storyName: stories.name,
      wordCount: documents.wordCount,
    })
    .from(documents)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
    .leftJoin(outlets, eq(outlets.id, documents.outletId))
    .leftJoin(stories, eq(stories.id, documents.storyId))
    .where(and(...filters))
    .orderBy(...SORTS[query.sort])
    .all();
}

export interface DocumentForReader extends DocumentListRow {
  projectId: number;
  url: string | null;
  text: string;
  textSha256: string;
  charCount: number;
}

/** The document if it belongs to this project and the user is a member of it; otherwise null. */
export function getDocumentForMember(user: SessionUser, projectId: number, documentId: number): DocumentForReader | null {
  const row = getDb()
    .select({
      id: documents.id,
      projectId: documents.projectId,
      title: documents.title,
      author: documents.author,
      publishedAt: documents.publishedAt,
      url: documents.url,
      outletId: documents.outletId,
      outletName: outlets.name,
      storyId: documents.storyId,
      storyName: stories.name,
      wordCount: documents.wordCount,
      charCount: documents.charCount,
      text: documents.text,
      textSha256: documents.textSha256,
    })
    .from(documents)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
    .leftJoin(outlets, eq(outlets.id, documents.outletId))
    .leftJoin(stories, eq(stories.id, documents.storyId))
    .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId)))
    .get();
  return row ?? null;
}
