// A project's inter-annotator agreement, for its managers and adjudicators. Loads the live
// annotator-layer spans and the outlet ratings in a few flat queries and hands them to the
// pure computations in lib/review (which call lib/agreement for every number).
import { and, asc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { jsonInteger, jsonText } from "@/db/sql";
import { adjudications, annotations, assignments, documents, perspectiveRatings, users } from "@/db/tables";
import {
  AgreementAccumulator,
  ratingsAgreement,
  reviewGroups,
  reviewProgress,
  type AgreementDocument,
  type DocumentAgreement,
  type ProjectAgreement,
  type RatingAgreement,
  type ReviewProgress,
  type ReviewSpan,
} from "@/lib/review";
import { ANNOTATION_KINDS } from "@/lib/validation/annotations";
import type { PerspectiveAxis } from "@/lib/validation/projects";
import { fail, type Failure } from "./annotations/result";
import { getProjectForMember, type ProjectForMember } from "./projects";
import type { SessionUser } from "./session";

/** Whose layers are compared: everyone who started the document, or only layers marked done. */
export type LayerFilter = "all" | "done";

/** Managers and adjudicators review; an annotator (or a non-member) is refused. */
export async function projectForReviewer(user: SessionUser, projectId: number): Promise<ProjectForMember | Failure> {
  const project = await getProjectForMember(user, projectId);
  if (project === null) return fail(404, "not_found", "This project does not exist, or you are not a member of it.");
  if (project.role === "annotator") {
    return fail(403, "forbidden", "Only the project's managers and adjudicators can review agreement and disagreements.");
  }
  return project;
}

interface DocumentRow {
  id: number;
  title: string;
  charCount: number;
}

/** Who started (true: submitted) each document, from the assignments. */
async function assignmentsByDocument(projectId: number): Promise<Map<number, Map<number, boolean>>> {
  const rows = await getDb()
    .select({ documentId: assignments.documentId, userId: assignments.userId, status: assignments.status })
    .from(assignments)
    .where(and(eq(assignments.projectId, projectId), ne(assignments.status, "todo")));
  const byDoc = new Map<number, Map<number, boolean>>();
  for (const r of rows) {
    const m = byDoc.get(r.documentId) ?? new Map<number, boolean>();
    m.set(r.userId, r.status === "submitted");
    byDoc.set(r.documentId, m);
  }
  return byDoc;
}

type SpanTuple = [number, number, number, number, number, number, unknown, unknown, unknown];

/** Kinds travel as small integers: one string fewer to allocate per span. */
const KIND_CODE = sql<number>`case ${annotations.kind} when 'claim' then 0 when 'opinion' then 1 else 2 end`;
const KIND_OF = ANNOTATION_KINDS;

/**
 * Live annotator-layer spans of some documents, with only the attributes agreement compares (a
 * quote's speaker, speaker type and mode). Read as plain tuples: on 300,000 spans, building
 * row objects and parsing every span's JSON would cost more than all the measures together.
 */
async function documentSpans(documentIds: number[]): Promise<(ReviewSpan & { documentId: number })[]> {
  const quoteAttr = (value: SQL) => sql<unknown>`case when ${annotations.kind} = 'quote' then ${value} end`;
  const query = getDb()
    .select({
      id: annotations.id,
      documentId: annotations.documentId,
      reviewerId: annotations.annotatorId,
      kind: KIND_CODE,
      start: annotations.start,
      end: annotations.end,
      sourceId: quoteAttr(jsonInteger(annotations.attributes, "source_id")),
      speakerType: quoteAttr(jsonText(annotations.attributes, "speaker_type")),
      mode: quoteAttr(jsonText(annotations.attributes, "mode")),
    })
    .from(annotations)
    .where(and(inArray(annotations.documentId, documentIds), eq(annotations.layer, "annotator"), isNull(annotations.deletedAt)));
  const rows = await getDb().values<SpanTuple>(query);
  const none = {};
  return rows.map(([id, documentId, reviewerId, code, start, end, sourceId, speakerType, mode]) => ({
    id,
    documentId,
    reviewerId,
    kind: KIND_OF[code]!,
    start,
    end,
    attributes: code === 2 ? { source_id: sourceId, speaker_type: speakerType, mode } : none,
  }));
}

export interface LoadedDocument extends AgreementDocument {
  readonly doneReviewers: number;
  readonly spanIds: readonly number[];
}

// Documents are read a batch at a time and measured as they come, so memory stays bounded
// and the garbage collector only ever sees short-lived objects.
const BATCH = 100;

/**
 * Visits the project's documents as agreement inputs; with "done", only layers marked done count.
 * The batches are read in one transaction, so every batch sees the project as it was at the first.
 */
export async function forEachAgreementDocument(projectId: number, layers: LayerFilter, visit: (doc: LoadedDocument) => void): Promise<void> {
  await getDb().transaction(async (tx) => {
    const docs: DocumentRow[] = await tx
      .select({ id: documents.id, title: documents.title, charCount: documents.charCount })
      .from(documents)
      .where(eq(documents.projectId, projectId))
      .orderBy(asc(documents.id));
    const started = await assignmentsByDocument(projectId);
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const spansByDoc = new Map<number, ReviewSpan[]>();
      for (const s of await documentSpans(batch.map((d) => d.id))) {
        const list = spansByDoc.get(s.documentId);
        if (list === undefined) spansByDoc.set(s.documentId, [s]);
        else list.push(s);
      }
      for (const doc of batch) visit(toLoaded(doc, started.get(doc.id), spansByDoc.get(doc.id) ?? [], layers));
    }
  });
}

/** Reviewers: anyone with a started or submitted assignment, or with live spans. */
function toLoaded(doc: DocumentRow, started: Map<number, boolean> | undefined, spans: ReviewSpan[], layers: LayerFilter): LoadedDocument {
  const who = new Map(started);
  for (const s of spans) if (!who.has(s.reviewerId)) who.set(s.reviewerId, false);
  const ids = [...who].filter(([, done]) => layers === "all" || done).map(([id]) => id);
  const kept = new Set(ids);
  const docSpans = layers === "all" ? spans : spans.filter((s) => kept.has(s.reviewerId));
  return {
    ...doc,
    reviewerIds: ids.sort((a, b) => a - b),
    spans: docSpans,
    doneReviewers: [...who.values()].filter(Boolean).length,
    spanIds: docSpans.map((s) => s.id),
  };
}

export async function loadAgreementDocuments(projectId: number, layers: LayerFilter): Promise<LoadedDocument[]> {
  const out: LoadedDocument[] = [];
  await forEachAgreementDocument(projectId, layers, (doc) => out.push(doc));
  return out;
}

export interface DocumentAgreementRow extends DocumentAgreement {
  doneReviewers: number;
  gold: boolean;
  undecided: number;
}

export interface RatingAgreementRow extends RatingAgreement {
  label: string;
}

export interface ProjectAgreementView {
  project: ProjectForMember;
  layers: LayerFilter;
  report: Omit<ProjectAgreement, "documents">;
  documents: DocumentAgreementRow[];
  reviewerNames: Record<number, string>;
  ratings: RatingAgreementRow[];
}

async function coveredSpanIds(projectId: number): Promise<{ covered: Set<number>; decisions: Map<number, number> }> {
  const rows = await getDb()
    .select({ documentId: adjudications.documentId, from: adjudications.fromAnnotationIds })
    .from(adjudications)
    .innerJoin(documents, eq(documents.id, adjudications.documentId))
    .where(eq(documents.projectId, projectId));
  const covered = new Set<number>();
  const decisions = new Map<number, number>();
  for (const r of rows) {
    r.from.forEach((id) => covered.add(id));
    decisions.set(r.documentId, (decisions.get(r.documentId) ?? 0) + 1);
  }
  return { covered, decisions };
}

/**
 * A function giving each document its review progress (decisions are read once, up front):
 * differences to decide, counted by lib/review reviewProgress like the review page counts them.
 */
export async function goldTracker(projectId: number): Promise<(doc: LoadedDocument) => ReviewProgress> {
  const { covered, decisions } = await coveredSpanIds(projectId);
  return (doc) =>
    reviewProgress({
      groups: reviewGroups(doc.spans),
      covered,
      reviewers: doc.reviewerIds.length,
      doneReviewers: doc.doneReviewers,
      decisions: decisions.get(doc.id) ?? 0,
    });
}

async function userNames(ids: readonly number[]): Promise<Record<number, string>> {
  if (ids.length === 0) return {};
  const rows = await getDb()
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/** Outlet ratings only (not documents' genre or stance), reviewers' (not gold), numeric. */
export async function outletRatingAgreement(projectId: number, axes: readonly PerspectiveAxis[]): Promise<RatingAgreementRow[]> {
  const found = await getDb()
    .select({ outletId: perspectiveRatings.outletId, axis: perspectiveRatings.axis, raterId: perspectiveRatings.raterId, value: perspectiveRatings.value })
    .from(perspectiveRatings)
    .where(
      and(
        eq(perspectiveRatings.projectId, projectId),
        eq(perspectiveRatings.isGold, false),
        isNotNull(perspectiveRatings.outletId),
        isNotNull(perspectiveRatings.value),
      ),
    );
  const rows = found.map((r) => ({ outletId: r.outletId!, axis: r.axis, raterId: r.raterId, value: r.value! }));
  const labels = new Map(axes.map((a) => [a.key, a.label]));
  return ratingsAgreement(
    rows,
    axes.map((a) => a.key),
  ).map((r) => ({ ...r, label: r.axis === null ? "All axes together" : (labels.get(r.axis) ?? r.axis) }));
}

/** Every agreement measure of the project; refused for annotators and non-members. */
export async function getProjectAgreement(user: SessionUser, projectId: number, layers: LayerFilter): Promise<ProjectAgreementView | Failure> {
  const project = await projectForReviewer(user, projectId);
  if ("ok" in project) return project;
  const accumulator = new AgreementAccumulator();
  const status = await goldTracker(projectId);
  const rows: DocumentAgreementRow[] = [];
  await forEachAgreementDocument(projectId, layers, (doc) => {
    const { gold, undecided } = status(doc);
    rows.push({ ...accumulator.add(doc), doneReviewers: doc.doneReviewers, gold, undecided });
  });
  const report = accumulator.result();
  return {
    project,
    layers,
    report,
    documents: rows,
    reviewerNames: await userNames(report.reviewerIds),
    ratings: await outletRatingAgreement(projectId, project.settings.axes),
  };
}
