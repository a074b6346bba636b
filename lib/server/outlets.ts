// Outlet profiles and published reference ratings. Outlets are shared by all projects (so one
// profile gathers an outlet's coverage), and so are the ratings AllSides, Ad Fontes or MBFC
// publish: anyone signed in may read them. What an outlet's profile lists of *documents* is
// limited to projects the viewer is a member of, in the query.
import { and, asc, count, desc, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, outlets, projectMembers, projects, referenceRatings, type Outlet, type ProjectRole } from "@/db/tables";
import { firstIssue, outletProfileSchema, referenceRatingSchema, type OutletProfileInput, type ReferenceRatingInput } from "@/lib/validation/ratings";
import { fail, invalid, type Failure } from "./annotations/result";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./db-errors";
import type { SessionUser } from "./session";
import { first, one } from "@/db/rows";
import { foldCase } from "@/db/sql";

export type OutletProfile = Pick<Outlet, "id" | "name" | "domain" | "kind" | "country" | "notes">;

const profileColumns = { id: outlets.id, name: outlets.name, domain: outlets.domain, kind: outlets.kind, country: outlets.country, notes: outlets.notes };

const outletNotFound = (): Failure => fail(404, "not_found", "This outlet does not exist.");

export async function getOutlet(outletId: number): Promise<OutletProfile | null> {
  return (await first(getDb().select(profileColumns).from(outlets).where(eq(outlets.id, outletId)))) ?? null;
}

export interface OutletListRow extends OutletProfile {
  /** Documents from this outlet in the viewer's projects. */
  documentCount: number;
}

export async function listOutletsForViewer(user: SessionUser): Promise<OutletListRow[]> {
  return await getDb()
    .select({ ...profileColumns, documentCount: count(projectMembers.userId) })
    .from(outlets)
    .leftJoin(documents, eq(documents.outletId, outlets.id))
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
    .groupBy(outlets.id)
    .orderBy(asc(foldCase(outlets.name)));
}

export type UpdateOutletResult = { ok: true; outlet: OutletProfile } | Failure;

type OutletValues = Omit<OutletProfile, "id">;

/** Admins edit an outlet's profile; audited. Names stay unique in any letter case. */
export async function updateOutlet(user: SessionUser, outletId: number, input: OutletProfileInput): Promise<UpdateOutletResult> {
  if (user.role !== "admin") return fail(403, "forbidden", "Only admins can edit an outlet's profile.");
  const before = await getOutlet(outletId);
  if (before === null) return outletNotFound();
  const parsed = outletProfileSchema.safeParse(input);
  if (!parsed.success) return invalid(firstIssue(parsed.error));
  const values: OutletValues = { ...parsed.data, domain: parsed.data.domain ?? null, country: parsed.data.country ?? null };
  const nameTaken = fail(409, "duplicate", `Another outlet is already named “${values.name}”.`);
  try {
    return await writeOutlet(user, outletId, before, values, nameTaken);
  } catch (error) {
    // Another edit took the name since the check (the unique index decides, also on PostgreSQL).
    if (isUniqueViolation(error, "outlets")) return nameTaken;
    throw error;
  }
}

async function writeOutlet(user: SessionUser, outletId: number, before: OutletProfile, values: OutletValues, nameTaken: Failure): Promise<UpdateOutletResult> {
  return await getDb().transaction(
    async (tx): Promise<UpdateOutletResult> => {
      const clash = await first(
        tx
          .select({ id: outlets.id })
          .from(outlets)
          .where(and(eq(foldCase(outlets.name), foldCase(values.name)), ne(outlets.id, outletId))),
      );
      if (clash !== undefined) return nameTaken;
      const outlet = (await first(tx.update(outlets).set(values).where(eq(outlets.id, outletId)).returning(profileColumns)))!;
      await recordAudit(tx, { actorId: user.id, action: "update", entity: "outlet", entityId: outletId, before, after: outlet });
      return { ok: true, outlet };
    },
    { behavior: "immediate" },
  );
}

export interface OutletDocumentRow {
  id: number;
  title: string;
  publishedAt: string | null;
  projectId: number;
  projectName: string;
}

/** The outlet's documents in the projects the viewer is a member of, newest first. */
export async function listOutletDocuments(user: SessionUser, outletId: number): Promise<OutletDocumentRow[]> {
  return await getDb()
    .select({ id: documents.id, title: documents.title, publishedAt: documents.publishedAt, projectId: projects.id, projectName: projects.name })
    .from(documents)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(documents.outletId, outletId))
    .orderBy(asc(projects.name), sql`${documents.publishedAt} is null`, desc(documents.publishedAt), asc(documents.id));
}

export interface OutletProject {
  id: number;
  name: string;
  role: ProjectRole;
  documentCount: number;
}

/** The viewer's projects holding documents from this outlet: where the viewer can rate it. */
export async function outletProjectsFor(user: SessionUser, outletId: number): Promise<OutletProject[]> {
  return await getDb()
    .select({ id: projects.id, name: projects.name, role: projectMembers.role, documentCount: count(documents.id) })
    .from(documents)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, documents.projectId), eq(projectMembers.userId, user.id)))
    .innerJoin(projects, eq(projects.id, documents.projectId))
    .where(eq(documents.outletId, outletId))
    .groupBy(projects.id, projects.name, projectMembers.role)
    .orderBy(asc(projects.name));
}

/** Admins, and managers of a project with documents from the outlet, record published ratings. */
export async function canRecordReferences(user: SessionUser, outletId: number): Promise<boolean> {
  return user.role === "admin" || (await outletProjectsFor(user, outletId)).some((p) => p.role === "manager");
}

export interface ReferenceRatingDto {
  id: number;
  publisher: string;
  axis: string;
  value: number | null;
  label: string | null;
  retrievedAt: string;
  url: string;
}

const referenceColumns = {
  id: referenceRatings.id,
  publisher: referenceRatings.publisher,
  axis: referenceRatings.axis,
  value: referenceRatings.value,
  label: referenceRatings.label,
  retrievedAt: referenceRatings.retrievedAt,
  url: referenceRatings.url,
};

/** Every published rating recorded for the outlet, by publisher, newest observation first. */
export async function listReferenceRatings(outletId: number): Promise<ReferenceRatingDto[]> {
  return await getDb()
    .select(referenceColumns)
    .from(referenceRatings)
    .where(eq(referenceRatings.outletId, outletId))
    .orderBy(asc(foldCase(referenceRatings.publisher)), desc(referenceRatings.retrievedAt), asc(referenceRatings.axis));
}

export type ReferenceResult = { ok: true; reference: ReferenceRatingDto } | Failure;

const mayNotRecord = (): Failure => fail(403, "forbidden", "Only admins and managers of a project with this outlet's documents can record published ratings.");

export async function recordReferenceRating(user: SessionUser, outletId: number, input: ReferenceRatingInput): Promise<ReferenceResult> {
  if ((await getOutlet(outletId)) === null) return outletNotFound();
  if (!(await canRecordReferences(user, outletId))) return mayNotRecord();
  const parsed = referenceRatingSchema.safeParse(input);
  if (!parsed.success) return invalid(firstIssue(parsed.error));
  const values = { ...parsed.data, value: parsed.data.value ?? null, label: parsed.data.label ?? null, outletId, recordedBy: user.id };
  return await getDb().transaction(async (tx): Promise<ReferenceResult> => {
    const reference = await one(tx.insert(referenceRatings).values(values).returning(referenceColumns));
    await recordAudit(tx, { actorId: user.id, action: "create", entity: "reference_rating", entityId: reference.id, after: { ...reference, outletId } });
    return { ok: true, reference };
  });
}

export async function deleteReferenceRating(user: SessionUser, outletId: number, referenceId: number): Promise<{ ok: true } | Failure> {
  if (!(await canRecordReferences(user, outletId))) return mayNotRecord();
  return await getDb().transaction(async (tx): Promise<{ ok: true } | Failure> => {
    const where = and(eq(referenceRatings.id, referenceId), eq(referenceRatings.outletId, outletId));
    const before = await first(tx.select(referenceColumns).from(referenceRatings).where(where));
    if (before === undefined) return fail(404, "not_found", "This published rating does not exist or was already removed.");
    await tx.delete(referenceRatings).where(where);
    await recordAudit(tx, { actorId: user.id, action: "delete", entity: "reference_rating", entityId: referenceId, before: { ...before, outletId } });
    return { ok: true };
  });
}
