// Gold outlet ratings: the adjudicator settles one value per outlet and axis, with the
// reviewers' ratings and rationales beside it. A gold row is versioned by its updated_at: a
// settle names the gold it saw, so of two adjudicators settling at once exactly one wins.
import { and, asc, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, outlets, perspectiveRatings, users } from "@/db/tables";
import { axisValueProblem, findAxis, unknownAxisProblem } from "@/lib/perspective/axes";
import { goldRatingSchema } from "@/lib/review/validation";
import type { PerspectiveAxis } from "@/lib/validation/projects";
import { fail, invalid, type Failure } from "../annotations/result";
import { recordAudit } from "../audit";
import { lockProject } from "../locks";
import { projectForReviewer } from "../agreement";
import type { SessionUser } from "../session";
import { first, one } from "@/db/rows";

export interface RatingView {
  raterName: string;
  value: number;
  rationale: string;
}

export interface GoldRatingView extends RatingView {
  /** updated_at in ms: the version a settle must name. */
  version: number;
}

export interface OutletAxisView {
  axis: PerspectiveAxis;
  ratings: RatingView[];
  gold: GoldRatingView | null;
}

export interface OutletRatingsView {
  outletId: number;
  outletName: string;
  axes: OutletAxisView[];
}

/** Outlets with documents in the project, or already rated in it. */
async function projectOutlets(projectId: number): Promise<{ id: number; name: string }[]> {
  const inDocs = getDb()
    .selectDistinct({ id: documents.outletId })
    .from(documents)
    .where(and(eq(documents.projectId, projectId), isNotNull(documents.outletId)));
  const rated = getDb()
    .selectDistinct({ id: perspectiveRatings.outletId })
    .from(perspectiveRatings)
    .where(and(eq(perspectiveRatings.projectId, projectId), isNotNull(perspectiveRatings.outletId)));
  return await getDb()
    .select({ id: outlets.id, name: outlets.name })
    .from(outlets)
    .where(or(inArray(outlets.id, inDocs), inArray(outlets.id, rated)))
    .orderBy(asc(outlets.name));
}

async function outletRows(projectId: number) {
  return await getDb()
    .select({
      id: perspectiveRatings.id,
      outletId: perspectiveRatings.outletId,
      axis: perspectiveRatings.axis,
      value: perspectiveRatings.value,
      rationale: perspectiveRatings.rationale,
      isGold: perspectiveRatings.isGold,
      raterName: users.displayName,
      updatedAt: perspectiveRatings.updatedAt,
    })
    .from(perspectiveRatings)
    .innerJoin(users, eq(users.id, perspectiveRatings.raterId))
    .where(and(eq(perspectiveRatings.projectId, projectId), isNotNull(perspectiveRatings.outletId), isNotNull(perspectiveRatings.value)))
    .orderBy(asc(users.displayName), desc(perspectiveRatings.updatedAt));
}

/** Every outlet × axis with the reviewers' ratings and the gold one; for adjudicators and managers. */
export async function listRatingsForAdjudication(
  user: SessionUser,
  projectId: number,
): Promise<{ projectName: string; outlets: OutletRatingsView[] } | Failure> {
  const project = await projectForReviewer(user, projectId);
  if ("ok" in project) return project;
  const rows = await outletRows(projectId);
  const outletViews = (await projectOutlets(projectId)).map((o) => ({
    outletId: o.id,
    outletName: o.name,
    axes: project.settings.axes.map((axis) => {
      const here = rows.filter((r) => r.outletId === o.id && r.axis === axis.key);
      const gold = here.find((r) => r.isGold);
      return {
        axis,
        ratings: here.filter((r) => !r.isGold).map((r) => ({ raterName: r.raterName, value: r.value!, rationale: r.rationale })),
        gold: gold === undefined ? null : { raterName: gold.raterName, value: gold.value!, rationale: gold.rationale, version: gold.updatedAt.getTime() },
      };
    }),
  }));
  return { projectName: project.name, outlets: outletViews };
}

export type SettleResult = { ok: true; message: string; version: number } | Failure;

/** Sets (or changes) the gold rating of an outlet on an axis; the adjudicator becomes its rater. */
export async function settleGoldRating(user: SessionUser, projectId: number, raw: unknown): Promise<SettleResult> {
  const project = await projectForReviewer(user, projectId);
  if ("ok" in project) return project;
  const parsed = goldRatingSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
  const input = parsed.data;
  const axis = findAxis(project.settings.axes, input.axis);
  if (axis === null) return invalid(unknownAxisProblem(project.settings.axes, input.axis));
  const problem = axisValueProblem(axis, input.value);
  if (problem !== null) return invalid(problem);
  if (!(await projectOutlets(projectId)).some((o) => o.id === input.outletId)) return fail(404, "not_found", "This outlet is not covered by this project.");
  return getDb().transaction(
    async (tx): Promise<SettleResult> => {
      // Two adjudicators are different raters, so the unique key does not stop a second gold row.
      await lockProject(tx, projectId);
      const where = and(
        eq(perspectiveRatings.projectId, projectId),
        eq(perspectiveRatings.outletId, input.outletId),
        eq(perspectiveRatings.axis, axis.key),
        eq(perspectiveRatings.isGold, true),
      );
      const before = await first(tx.select().from(perspectiveRatings).where(where).orderBy(desc(perspectiveRatings.updatedAt)));
      const seen = before?.updatedAt.getTime() ?? null;
      if (seen !== input.expectedUpdatedAt) {
        const now = before === undefined ? "none" : `${before.value}`;
        return fail(
          409,
          "stale",
          `Another adjudicator settled this rating while you were deciding (gold is now ${now}). Nothing was changed; reload to see it.`,
        );
      }
      // A new version must differ from the one seen even within the same millisecond.
      const updatedAt = new Date(Math.max(Date.now(), (seen ?? 0) + 1));
      const fields = { value: input.value, rationale: input.rationale, raterId: user.id, updatedAt };
      const row =
        before === undefined
          ? await one(
              tx
                .insert(perspectiveRatings)
                .values({ projectId, outletId: input.outletId, axis: axis.key, isGold: true, ...fields })
                .returning(),
            )
          : (await first(tx.update(perspectiveRatings).set(fields).where(eq(perspectiveRatings.id, before.id)).returning()))!;
      await recordAudit(tx, {
        actorId: user.id,
        action: before === undefined ? "create" : "update",
        entity: "perspective_rating",
        entityId: row.id,
        before: before ?? null,
        after: row,
      });
      return { ok: true, message: `Gold ${axis.label} rating set to ${input.value}.`, version: row.updatedAt.getTime() };
    },
    { behavior: "immediate" },
  );
}
