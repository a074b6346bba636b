// Documents in: import (the web form, the CLI and the demo share importDocuments) and the upload
// preview (inspectImport). Listing and reading them is document-reads.ts.
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type DB } from "@/db";
import { documents, outlets } from "@/db/tables";
import {
  ImportError,
  matchOutlet,
  prepareDocument,
  resolveMetadata,
  type FoundMetadata,
  type KnownOutlet,
  type PreparedDocument,
  type ResolvedMetadata,
} from "@/lib/import";
import type { DocumentMetadata, MetadataValues } from "@/lib/validation/documents";
import type { Failure } from "./annotations/result";
import { recordAudit } from "./audit";
import { findOrCreateOutlet, findOrCreateStory } from "./catalog";
import { refuseUnlessManager } from "./members";
import { memberRole } from "./projects";
import type { SessionUser } from "./session";
import { isUniqueViolation } from "./db-errors";
import { one } from "@/db/rows";

export type ImportActor = { kind: "user"; user: SessionUser } | { kind: "system"; label: string };

/**
 * One file or paste. `meta`, when given, is this item's own metadata from the upload preview
 * and replaces both the batch's and the file's (an emptied field stays empty; only an empty
 * title falls back to the file's).
 */
export type ImportItem = { fileName?: string; meta?: DocumentMetadata } & ({ bytes: Uint8Array; text?: undefined } | { text: string; bytes?: undefined });

export interface ImportProblem {
  source: string;
  message: string;
  /** The item's position in the batch, when the problem is that item's. */
  index?: number;
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
  | {
      ok: true;
      documents: ImportedDocument[];
      /** The first outlet and story created, for callers that give one for the whole batch. */
      createdOutlet: string | null;
      createdStory: string | null;
      createdOutlets: string[];
      createdStories: string[];
    }
  | { ok: false; problems: ImportProblem[] };

const sourceName = (item: ImportItem): string => item.fileName || "The pasted text";

interface Prepared {
  index: number;
  item: ImportItem;
  doc: PreparedDocument;
}

function prepareItem(item: ImportItem, title: string | undefined): PreparedDocument {
  const common = { fileName: item.fileName, title };
  return item.bytes !== undefined ? prepareDocument({ ...common, bytes: item.bytes }) : prepareDocument({ ...common, text: item.text });
}

function prepareAll(items: ImportItem[], meta: DocumentMetadata): { prepared: Prepared[]; problems: ImportProblem[] } {
  const prepared: Prepared[] = [];
  const problems: ImportProblem[] = [];
  items.forEach((item, index) => {
    try {
      prepared.push({ index, item, doc: prepareItem(item, item.meta !== undefined ? item.meta.title : meta.title) });
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push({ source: sourceName(item), message: error.message, index });
    }
  });
  return { prepared, problems };
}

async function duplicateProblems(projectId: number, prepared: Prepared[]): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, Prepared>();
  for (const entry of prepared) {
    const source = sourceName(entry.item);
    const earlier = seen.get(entry.doc.textSha256);
    if (earlier !== undefined) problems.push({ source, message: `${source} has the same text as ${sourceName(earlier.item)}.`, index: entry.index });
    else seen.set(entry.doc.textSha256, entry);
  }
  const hashes = [...seen.keys()];
  if (hashes.length === 0) return problems;
  const existing = await getDb()
    .select({ id: documents.id, title: documents.title, sha: documents.textSha256 })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), inArray(documents.textSha256, hashes)));
  for (const row of existing) {
    const entry = seen.get(row.sha)!;
    const source = sourceName(entry.item);
    problems.push({
      source,
      message: `${source} has the same text as “${row.title}” (document ${row.id}), already in this project.`,
      index: entry.index,
    });
  }
  return problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

async function knownOutlets(): Promise<KnownOutlet[]> {
  return await getDb().select({ name: outlets.name, domain: outlets.domain }).from(outlets);
}

/** What the file says, with its outlet spelled as an existing one where they match. */
function foundWithOutlet(doc: PreparedDocument, known: readonly KnownOutlet[]): FoundMetadata {
  return { ...doc.found, outlet: matchOutlet(doc.found, known) };
}

/**
 * Imports one or more documents into a project, all or nothing: if any item is refused
 * (too large, not UTF-8, unsupported, empty, duplicate), nothing is written and every
 * problem is reported, so the person can fix the batch and send it again.
 */
export async function importDocuments(actor: ImportActor, projectId: number, items: ImportItem[], meta: DocumentMetadata): Promise<ImportResult> {
  if (actor.kind === "user" && (await memberRole(actor.user.id, projectId)) !== "manager") {
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
  problems.push(...(await duplicateProblems(projectId, prepared)));
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)) };
  return await writeDocuments(actor, projectId, prepared, meta);
}

async function insertDocument(tx: Tx, projectId: number, actorId: number | null, entry: Prepared, resolved: Resolved): Promise<number> {
  const { item, doc } = entry;
  const row = await one(
    tx
      .insert(documents)
      .values({
        projectId,
        storyId: resolved.storyId,
        outletId: resolved.outletId,
        title: doc.title,
        author: resolved.author ?? null,
        publishedAt: resolved.publishedAt ?? null,
        url: resolved.url ?? null,
        text: doc.text,
        textSha256: doc.textSha256,
        charCount: doc.charCount,
        wordCount: doc.wordCount,
        sourceFileName: item.fileName ?? null,
        importedBy: actorId,
      })
      .returning({ id: documents.id }),
  );
  const { text: _text, found: _found, ...summary } = doc;
  const after = {
    ...summary,
    projectId,
    outlet: resolved.outlet ?? null,
    story: resolved.story ?? null,
    author: resolved.author ?? null,
    publishedAt: resolved.publishedAt ?? null,
    url: resolved.url ?? null,
  };
  await recordAudit(tx, { actorId, action: "import", entity: "document", entityId: row.id, after });
  return row.id;
}

type Tx = Pick<DB, "select" | "insert">;
type Resolved = ResolvedMetadata & { outletId: number | null; storyId: number | null };

async function writeDocuments(actor: ImportActor, projectId: number, prepared: Prepared[], meta: DocumentMetadata): Promise<ImportResult> {
  const actorId = actor.kind === "user" ? actor.user.id : null;
  const known = await knownOutlets();
  try {
    return await getDb().transaction(async (tx) => {
      const createdOutlets: string[] = [];
      const createdStories: string[] = [];
      const imported: ImportedDocument[] = [];
      for (const entry of prepared) {
        const resolved = resolveMetadata(foundWithOutlet(entry.doc, known), meta, entry.item.meta);
        const outlet = resolved.outlet === undefined ? null : await findOrCreateOutlet(tx, resolved.outlet);
        const story = resolved.story === undefined ? null : await findOrCreateStory(tx, projectId, resolved.story);
        if (outlet?.created) createdOutlets.push(resolved.outlet!);
        if (story?.created) createdStories.push(resolved.story!);
        const id = await insertDocument(tx, projectId, actorId, entry, { ...resolved, outletId: outlet?.id ?? null, storyId: story?.id ?? null });
        const { doc } = entry;
        imported.push({ id, title: doc.title, source: sourceName(entry.item), charCount: doc.charCount, wordCount: doc.wordCount, textSha256: doc.textSha256 });
      }
      return {
        ok: true as const,
        documents: imported,
        createdOutlet: createdOutlets[0] ?? null,
        createdStory: createdStories[0] ?? null,
        createdOutlets,
        createdStories,
      };
    });
  } catch (error) {
    // Another import of the same text won the race between our check and our insert.
    if (isUniqueViolation(error, "documents")) {
      return { ok: false, problems: [{ source: "Import", message: "The same text was just added to this project by someone else." }] };
    }
    throw error;
  }
}

/** One file of an upload preview: what it says (pre-filled, editable), or why it would be refused. */
export interface InspectedFile {
  index: number;
  fileName: string;
  values: MetadataValues;
  wordCount: number | null;
  problem: string | null;
}

/**
 * Reads each file as the import would and reports what it found, writing nothing: the upload
 * preview shows one row per file from this before anything is saved. A file that would be
 * refused (type, encoding, size, empty, duplicate) comes back with its problem.
 */
export async function inspectImport(user: SessionUser, projectId: number, items: ImportItem[]): Promise<{ ok: true; files: InspectedFile[] } | Failure> {
  const refused = await refuseUnlessManager(user, projectId, "add documents");
  if (refused !== null) return refused;
  const { prepared, problems } = prepareAll(items, {});
  problems.push(...(await duplicateProblems(projectId, prepared)));
  const known = await knownOutlets();
  const files = items.map((item, index): InspectedFile => {
    const entry = prepared.find((p) => p.index === index);
    const found = entry === undefined ? null : foundWithOutlet(entry.doc, known);
    return {
      index,
      fileName: sourceName(item),
      values: {
        title: found?.title ?? "",
        outlet: found?.outlet ?? "",
        story: "",
        author: found?.author ?? "",
        publishedAt: found?.publishedAt ?? "",
        url: found?.url ?? "",
      },
      wordCount: entry?.doc.wordCount ?? null,
      problem:
        problems
          .filter((p) => p.index === index)
          .map((p) => p.message)
          .join(" ") || null,
    };
  });
  return { ok: true, files };
}
