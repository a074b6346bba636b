// Reviewers' perspective ratings of outlets and documents, per project, on the project's axes.
// One rating per (project, rater, target, axis): rating again updates it, and every create and
// update goes to the audit log with before and after. Blind mode is applied in the query: an
// annotator's read returns their own rows only, so nothing of the others can leak downstream.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, perspectiveRatings, users } from "@/db/tables";
import { axisValueProblem, documentStanceAxis, findAxis, unknownAxisProblem } from "@/lib/perspective/axes";
import { ratingsByAxis, type AxisRatings, type RatingEntry } from "@/lib/perspective/views";
import { GENRE_AXIS, documentRatingSchema, firstIssue, outletRatingSchema, type DocumentRatingInput, type OutletRatingInput } from "@/lib/validation/ratings";
import type { PerspectiveAxis } from "@/lib/validation/projects";
import { documentNotFound, fail, invalid, type Failure } from "./annotations/result";
import { documentScope } from "./annotations/scope";
import { recordAudit } from "./audit";
import { lockUser } from "./locks";
import { getProjectForMember, type ProjectForMember } from "./projects";
import type { SessionUser } from "./session";
import { first, one } from "@/db/rows";

export type RatingResult = { ok: true; rating: RatingEntry; created: boolean } | Failure;

/** A document's axes: its genre (a label) and its stance (the project's stance axis). */
export interface DocumentAxis {
  key: string;
  label: string;
  min?: number;
  max?: number;
  step?: number;
}

export interface RatingsView<A extends { key: string }> {
  /** False for an annotator while blind mode is on: they see their own ratings only. */
  seesOthers: boolean;
  axes: AxisRatings<A>[];
}

interface Target {
  projectId: number;
  outletId: number | null;
  documentId: number | null;
}

const projectNotFound = (): Failure => fail(404, "not_found", "This project does not exist, or you are not a member of it.");

export const seesOthersIn = (project: Pick<ProjectForMember, "role" | "settings">): boolean => !project.settings.blindMode || project.role !== "annotator";

function targetIs(target: Target): SQL {
  const column = target.outletId !== null ? eq(perspectiveRatings.outletId, target.outletId) : eq(perspectiveRatings.documentId, target.documentId ?? -1);
  return and(eq(perspectiveRatings.projectId, target.projectId), column, eq(perspectiveRatings.isGold, false))!;
}

async function readRatings(where: SQL): Promise<RatingEntry[]> {
  const rows = await getDb()
    .select({
      id: perspectiveRatings.id,
      raterId: perspectiveRatings.raterId,
      raterName: users.displayName,
      axis: perspectiveRatings.axis,
      value: perspectiveRatings.value,
      label: perspectiveRatings.label,
      rationale: perspectiveRatings.rationale,
      updatedAt: perspectiveRatings.updatedAt,
    })
    .from(perspectiveRatings)
    .innerJoin(users, eq(users.id, perspectiveRatings.raterId))
    .where(where)
    .orderBy(asc(perspectiveRatings.axis), asc(users.displayName));
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
}

async function visibleRatings(user: SessionUser, target: Target, seesOthers: boolean): Promise<RatingEntry[]> {
  const own = seesOthers ? undefined : eq(perspectiveRatings.raterId, user.id);
  return readRatings(and(targetIs(target), own)!);
}

interface Fields {
  axis: string;
  value: number | null;
  label: string | null;
  rationale: string;
}

/** Creates the rater's rating on this axis, or updates the one they already have; audited either way. */
async function saveRating(user: SessionUser, target: Target, fields: Fields): Promise<RatingResult> {
  return await getDb().transaction(
    async (tx): Promise<RatingResult> => {
      // The rater's own rows: a second tab saving at once waits, then updates what this one wrote.
      await lockUser(tx, user.id);
      const mine = and(targetIs(target), eq(perspectiveRatings.raterId, user.id), eq(perspectiveRatings.axis, fields.axis));
      const before = await first(tx.select().from(perspectiveRatings).where(mine));
      const row =
        before === undefined
          ? await one(
              tx
                .insert(perspectiveRatings)
                .values({ ...target, raterId: user.id, ...fields })
                .returning(),
            )
          : (await first(
              tx
                .update(perspectiveRatings)
                .set({ ...fields, updatedAt: new Date() })
                .where(eq(perspectiveRatings.id, before.id))
                .returning(),
            ))!;
      const snapshot = (r: typeof row) => ({ ...target, raterId: r.raterId, axis: r.axis, value: r.value, label: r.label, rationale: r.rationale });
      await recordAudit(tx, {
        actorId: user.id,
        action: before === undefined ? "create" : "update",
        entity: "perspective_rating",
        entityId: row.id,
        before: before === undefined ? null : snapshot(before),
        after: snapshot(row),
      });
      const rating = { ...snapshot(row), id: row.id, raterName: user.displayName, updatedAt: row.updatedAt.toISOString() };
      return { ok: true, rating, created: before === undefined };
    },
    { behavior: "immediate" },
  );
}

/** True when the outlet has at least one document in the project: only then is it rated there. */
export async function outletInProject(projectId: number, outletId: number): Promise<boolean> {
  return (
    (await first(
      getDb()
        .select({ one: sql`1` })
        .from(documents)
        .where(and(eq(documents.projectId, projectId), eq(documents.outletId, outletId)))
        .limit(1),
    )) !== undefined
  );
}

/** Any member rates an outlet that has documents in the project, on one of the project's axes. */
export async function rateOutlet(user: SessionUser, projectId: number, outletId: number, input: OutletRatingInput): Promise<RatingResult> {
  const project = await getProjectForMember(user, projectId);
  if (project === null) return projectNotFound();
  if (!(await outletInProject(projectId, outletId))) return fail(404, "not_found", "This outlet has no documents in this project, so it is not rated here.");
  const parsed = outletRatingSchema.safeParse(input);
  if (!parsed.success) return invalid(firstIssue(parsed.error));
  const axis = findAxis(project.settings.axes, parsed.data.axis);
  if (axis === null) return invalid(unknownAxisProblem(project.settings.axes, parsed.data.axis));
  const problem = axisValueProblem(axis, parsed.data.value);
  if (problem !== null) return invalid(problem);
  const { value, rationale } = parsed.data;
  return await saveRating(user, { projectId, outletId, documentId: null }, { axis: axis.key, value, label: null, rationale });
}

/** The project's ratings of the outlet as the viewer may see them; null for a non-member. */
export async function outletRatingsFor(user: SessionUser, projectId: number, outletId: number): Promise<RatingsView<PerspectiveAxis> | null> {
  const project = await getProjectForMember(user, projectId);
  if (project === null) return null;
  const seesOthers = seesOthersIn(project);
  const rows = await visibleRatings(user, { projectId, outletId, documentId: null }, seesOthers);
  return { seesOthers, axes: ratingsByAxis(project.settings.axes, rows, user.id, seesOthers) };
}

function documentAxes(project: ProjectForMember): DocumentAxis[] {
  return [{ key: GENRE_AXIS, label: "Genre" }, documentStanceAxis(project.settings.axes)];
}

/** Any member gives a document its genre or its stance toward the project's topic. */
export async function rateDocument(user: SessionUser, projectId: number, documentId: number, input: DocumentRatingInput): Promise<RatingResult> {
  const scope = await documentScope(getDb(), user, projectId, documentId);
  const project = scope === null ? null : await getProjectForMember(user, projectId);
  if (project === null) return documentNotFound();
  const parsed = documentRatingSchema.safeParse(input);
  if (!parsed.success) return invalid(firstIssue(parsed.error));
  const target = { projectId, outletId: null, documentId };
  const { rationale } = parsed.data;
  if (parsed.data.axis === GENRE_AXIS) return await saveRating(user, target, { axis: GENRE_AXIS, value: null, label: parsed.data.label, rationale });
  const stance = documentStanceAxis(project.settings.axes);
  const problem = axisValueProblem(stance, parsed.data.value);
  if (problem !== null) return invalid(problem);
  return await saveRating(user, target, { axis: stance.key, value: parsed.data.value, label: null, rationale });
}

/** The document's genre and stance ratings as the viewer may see them; null for a non-member. */
export async function documentRatingsFor(user: SessionUser, projectId: number, documentId: number): Promise<RatingsView<DocumentAxis> | null> {
  const scope = await documentScope(getDb(), user, projectId, documentId);
  const project = scope === null ? null : await getProjectForMember(user, projectId);
  if (scope === null || project === null) return null;
  const rows = await visibleRatings(user, { projectId, outletId: null, documentId }, scope.seesOthers);
  return { seesOthers: scope.seesOthers, axes: ratingsByAxis(documentAxes(project), rows, user.id, scope.seesOthers) };
}
