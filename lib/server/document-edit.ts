// A document's metadata after import (title, outlet, story, author, date, URL) and its
// deletion: managers only, audited with before and after. The text is frozen and spans point
// into it, so neither path touches text or spans; reviewers may be annotating meanwhile.
// There is no version column on documents, so a concurrent edit is caught by comparing the
// values the form was loaded with against the stored ones, inside the writing transaction.
import { and, count, countDistinct, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type DB } from "@/db";
import { annotations, assignments, claimLinks, claimLinkSpans, documents, outlets, perspectiveRatings, segments, stories } from "@/db/tables";
import { documentEditSchema, METADATA_FIELDS, type MetadataField, type MetadataValues } from "@/lib/validation/documents";
import { fieldErrors } from "@/lib/validation/users";
import { documentNotFound, fail, type Failure } from "./annotations/result";
import { recordAudit } from "./audit";
import { findOrCreateOutlet, findOrCreateStory } from "./catalog";
import { lockDocument, lockProject } from "./locks";
import { memberRole } from "./projects";
import type { SessionUser } from "./session";
import { first } from "@/db/rows";

type Tx = Pick<DB, "select" | "selectDistinct" | "insert" | "update" | "delete">;

/** What deleting the document takes with it. */
export interface DeletionImpact {
  spans: number;
  reviewers: number;
  goldSpans: number;
  segments: number;
  ratings: number;
  /** Claim links that include a span of this document. */
  links: number;
  assignments: number;
}

export interface DocumentDetails {
  id: number;
  projectId: number;
  values: MetadataValues;
  sourceFileName: string | null;
  wordCount: number;
  impact: DeletionImpact;
}

export type EditFailure = Failure & { fields?: Record<string, string>; stored?: MetadataValues; changed?: MetadataField[] };
export type EditResult = { ok: true; values: MetadataValues; changed: MetadataField[] } | EditFailure;

const LABELS: Record<MetadataField, string> = { title: "title", outlet: "outlet", story: "story", author: "author", publishedAt: "date", url: "URL" };

/** 404 for a non-member or a document not in this project, then 403 for anyone but a manager. */
async function managerGuard(conn: Tx, user: SessionUser, projectId: number, documentId: number): Promise<Failure | null> {
  const role = await memberRole(user.id, projectId);
  const exists = await first(
    conn
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, documentId), eq(documents.projectId, projectId))),
  );
  if (role === null || exists === undefined) return documentNotFound();
  return role === "manager" ? null : fail(403, "forbidden", "Only a manager of this project can change or delete its documents.");
}

async function storedRow(conn: Tx, documentId: number) {
  const row = await first(
    conn
      .select({
        title: documents.title,
        outlet: outlets.name,
        story: stories.name,
        author: documents.author,
        publishedAt: documents.publishedAt,
        url: documents.url,
        outletId: documents.outletId,
        storyId: documents.storyId,
        sourceFileName: documents.sourceFileName,
        wordCount: documents.wordCount,
      })
      .from(documents)
      .leftJoin(outlets, eq(outlets.id, documents.outletId))
      .leftJoin(stories, eq(stories.id, documents.storyId))
      .where(eq(documents.id, documentId)),
  );
  return row!;
}

function valuesOf(row: Awaited<ReturnType<typeof storedRow>>): MetadataValues {
  return Object.fromEntries(METADATA_FIELDS.map((f) => [f, row[f] ?? ""])) as MetadataValues;
}

async function impactOf(conn: Tx, documentId: number): Promise<DeletionImpact> {
  const live = and(eq(annotations.documentId, documentId), isNull(annotations.deletedAt));
  const spans = (await first(
    conn
      .select({ n: count(), reviewers: countDistinct(annotations.annotatorId) })
      .from(annotations)
      .where(and(live, eq(annotations.layer, "annotator"))),
  ))!;
  const gold = (await first(
    conn
      .select({ n: count() })
      .from(annotations)
      .where(and(live, eq(annotations.layer, "gold"))),
  ))!;
  const links = (await first(
    conn
      .select({ n: countDistinct(claimLinkSpans.linkId) })
      .from(claimLinkSpans)
      .innerJoin(annotations, eq(annotations.id, claimLinkSpans.annotationId))
      .where(eq(annotations.documentId, documentId)),
  ))!;
  const n = async (table: typeof segments | typeof perspectiveRatings | typeof assignments): Promise<number> =>
    (await first(conn.select({ n: count() }).from(table).where(eq(table.documentId, documentId))))!.n;
  return {
    spans: spans.n,
    reviewers: spans.reviewers,
    goldSpans: gold.n,
    segments: await n(segments),
    ratings: await n(perspectiveRatings),
    links: links.n,
    assignments: await n(assignments),
  };
}

/** The document's metadata and what deleting it would take, for its manager. */
export async function getDocumentDetails(user: SessionUser, projectId: number, documentId: number): Promise<{ ok: true; details: DocumentDetails } | Failure> {
  const db = getDb();
  const refused = await managerGuard(db, user, projectId, documentId);
  if (refused !== null) return refused;
  const row = await storedRow(db, documentId);
  return {
    ok: true,
    details: {
      id: documentId,
      projectId,
      values: valuesOf(row),
      sourceFileName: row.sourceFileName,
      wordCount: row.wordCount,
      impact: await impactOf(db, documentId),
    },
  };
}

/** The form's values as loaded; anything missing counts as empty. */
function loadedValues(raw: unknown): MetadataValues {
  const object = (raw ?? {}) as Record<string, unknown>;
  return Object.fromEntries(METADATA_FIELDS.map((f) => [f, typeof object[f] === "string" ? (object[f] as string).trim() : ""])) as MetadataValues;
}

function staleMessage(changed: MetadataField[], stored: MetadataValues): string {
  const what = changed.map((f) => `the ${LABELS[f]} (now ${stored[f] === "" ? "empty" : `“${stored[f]}”`})`);
  return `Someone changed ${what.join(" and ")} while you were editing. Nothing was saved; your values are still in the form. Check them and save again.`;
}

/**
 * Saves a manager's edit of the document's metadata. Refused (409, naming each field) when the
 * stored metadata is no longer what the form was loaded with. Outlet and story are found by
 * name (any letter case) or created. Writes only the documents row and the audit log.
 */
export async function updateDocumentMetadata(user: SessionUser, projectId: number, documentId: number, input: unknown, loaded: unknown): Promise<EditResult> {
  const parsed = documentEditSchema.safeParse(input);
  return await getDb().transaction(
    async (tx): Promise<EditResult> => {
      // The project (its story names), then the document (its stored values, compared below).
      await lockProject(tx, projectId);
      await lockDocument(tx, documentId);
      const refused = await managerGuard(tx, user, projectId, documentId);
      if (refused !== null) return refused;
      if (!parsed.success) return { ...fail(422, "invalid", "Check the marked fields."), fields: fieldErrors(parsed.error) };
      const row = await storedRow(tx, documentId);
      const stored = valuesOf(row);
      const was = loadedValues(loaded);
      const changedMeanwhile = METADATA_FIELDS.filter((f) => stored[f] !== was[f]);
      if (changedMeanwhile.length > 0) return { ...fail(409, "stale", staleMessage(changedMeanwhile, stored)), stored, changed: changedMeanwhile };
      const next = loadedValues(parsed.data);
      const changed = METADATA_FIELDS.filter((f) => stored[f] !== next[f]);
      if (changed.length === 0) return { ok: true, values: stored, changed };
      const outlet = next.outlet === "" ? null : await findOrCreateOutlet(tx, next.outlet);
      const story = next.story === "" ? null : await findOrCreateStory(tx, projectId, next.story);
      const orNull = (v: string): string | null => (v === "" ? null : v);
      await tx
        .update(documents)
        .set({
          title: next.title,
          author: orNull(next.author),
          publishedAt: orNull(next.publishedAt),
          url: orNull(next.url),
          outletId: outlet?.id ?? null,
          storyId: story?.id ?? null,
        })
        .where(eq(documents.id, documentId));
      const saved = valuesOf(await storedRow(tx, documentId));
      await recordAudit(tx, {
        actorId: user.id,
        action: "update",
        entity: "document",
        entityId: documentId,
        before: { ...stored, outletId: row.outletId, storyId: row.storyId },
        after: {
          ...saved,
          outletId: outlet?.id ?? null,
          storyId: story?.id ?? null,
          createdOutlet: outlet?.created ?? false,
          createdStory: story?.created ?? false,
        },
      });
      return { ok: true, values: saved, changed };
    },
    { behavior: "immediate" },
  );
}

/** Links that would be left with fewer than two spans once `documentId` is gone. */
async function linksLeftAlone(tx: Tx, documentId: number): Promise<number[]> {
  const touchedRows = await tx
    .selectDistinct({ id: claimLinkSpans.linkId })
    .from(claimLinkSpans)
    .innerJoin(annotations, eq(annotations.id, claimLinkSpans.annotationId))
    .where(eq(annotations.documentId, documentId));
  const touched = touchedRows.map((r) => r.id);
  if (touched.length === 0) return [];
  const remaining = await tx
    .select({ id: claimLinkSpans.linkId, n: sql<number>`sum(case when ${annotations.documentId} <> ${documentId} then 1 else 0 end)` })
    .from(claimLinkSpans)
    .innerJoin(annotations, eq(annotations.id, claimLinkSpans.annotationId))
    .where(inArray(claimLinkSpans.linkId, touched))
    .groupBy(claimLinkSpans.linkId);
  return remaining.filter((r) => Number(r.n) < 2).map((r) => r.id);
}

/**
 * Deletes the document and, by the schema's cascades, its spans (gold included), adjudications,
 * segments, ratings, assignments and link memberships; a claim link left with fewer than two
 * spans goes too, as when a span is unlinked. The audit row keeps the metadata and the counts.
 */
export async function deleteDocument(
  user: SessionUser,
  projectId: number,
  documentId: number,
): Promise<{ ok: true; title: string; impact: DeletionImpact } | Failure> {
  return await getDb().transaction(
    async (tx): Promise<{ ok: true; title: string; impact: DeletionImpact } | Failure> => {
      const refused = await managerGuard(tx, user, projectId, documentId);
      if (refused !== null) return refused;
      const row = await storedRow(tx, documentId);
      const impact = await impactOf(tx, documentId);
      const emptied = await linksLeftAlone(tx, documentId);
      await tx.delete(documents).where(eq(documents.id, documentId));
      if (emptied.length > 0) await tx.delete(claimLinks).where(inArray(claimLinks.id, emptied));
      await recordAudit(tx, {
        actorId: user.id,
        action: "delete",
        entity: "document",
        entityId: documentId,
        before: {
          ...valuesOf(row),
          projectId,
          outletId: row.outletId,
          storyId: row.storyId,
          sourceFileName: row.sourceFileName,
          impact,
          linksDeleted: emptied,
        },
      });
      return { ok: true, title: row.title, impact };
    },
    { behavior: "immediate" },
  );
}
