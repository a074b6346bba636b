// Projects and membership checks. Every read of project data goes through
// getProjectForMember or memberRole, so a non-member sees nothing (and gets a 404).
import { and, asc, count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { documents, projectMembers, projects, type ProjectRole } from "@/db/tables";
import { parseProjectSettings, type NewProjectInput, type ProjectSettings } from "@/lib/validation/projects";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./db-errors";
import type { SessionUser } from "./session";
import { first, one } from "@/db/rows";
import { foldCase } from "@/db/sql";

export interface ProjectForMember {
  id: number;
  name: string;
  description: string;
  guidelines: string;
  settings: ProjectSettings;
  isDemo: boolean;
  role: ProjectRole;
}

export async function memberRole(userId: number, projectId: number): Promise<ProjectRole | null> {
  const row = await first(
    getDb()
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))),
  );
  return row?.role ?? null;
}

export async function getProjectForMember(user: SessionUser, projectId: number): Promise<ProjectForMember | null> {
  const row = await first(
    getDb()
      .select({
        id: projects.id,
        name: projects.name,
        description: projects.description,
        guidelines: projects.guidelines,
        settings: projects.settings,
        isDemo: projects.isDemo,
        role: projectMembers.role,
      })
      .from(projects)
      .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, user.id)))
      .where(eq(projects.id, projectId)),
  );
  if (row === undefined) return null;
  return { ...row, settings: parseProjectSettings(row.settings) };
}

export interface ProjectListRow {
  id: number;
  name: string;
  description: string;
  isDemo: boolean;
  role: ProjectRole;
  documentCount: number;
}

export async function listProjectsForUser(user: SessionUser): Promise<ProjectListRow[]> {
  return await getDb()
    .select({
      id: projects.id,
      name: projects.name,
      description: projects.description,
      isDemo: projects.isDemo,
      role: projectMembers.role,
      documentCount: sql<number>`(select count(*) from ${documents} where ${documents.projectId} = ${projects.id})`,
    })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, user.id)))
    .orderBy(asc(projects.isDemo), asc(projects.name));
}

export type CreateProjectResult = { ok: true; projectId: number } | { ok: false; error: string };

export async function projectNameTaken(name: string): Promise<boolean> {
  const row = await first(
    getDb()
      .select({ n: count() })
      .from(projects)
      .where(eq(foldCase(projects.name), foldCase(name))),
  );
  return (row?.n ?? 0) > 0;
}

/** Admins create projects and become their first manager. */
export async function createProject(user: SessionUser, input: NewProjectInput, isDemo = false): Promise<CreateProjectResult> {
  if (user.role !== "admin") return { ok: false, error: "Only admins can create projects." };
  const nameTaken = { ok: false, error: `A project named “${input.name}” already exists.` } as const;
  if (await projectNameTaken(input.name)) return nameTaken;
  try {
    return { ok: true, projectId: await insertProject(user, input, isDemo) };
  } catch (error) {
    // Another request created a project of this name since the check above (the unique index decides).
    if (isUniqueViolation(error, "projects")) return nameTaken;
    throw error;
  }
}

async function insertProject(user: SessionUser, input: NewProjectInput, isDemo: boolean): Promise<number> {
  return await getDb().transaction(async (tx) => {
    const row = await one(
      tx
        .insert(projects)
        .values({ ...input, settings: parseProjectSettings({}), createdBy: user.id, isDemo })
        .returning({ id: projects.id }),
    );
    await tx.insert(projectMembers).values({ projectId: row.id, userId: user.id, role: "manager" });
    await recordAudit(tx, { actorId: user.id, action: "create", entity: "project", entityId: row.id, after: input });
    return row.id;
  });
}

/** For trusted command-line tools, which act with system rights. */
export async function findProjectByName(name: string): Promise<{ id: number; name: string } | null> {
  return (
    (await first(
      getDb()
        .select({ id: projects.id, name: projects.name })
        .from(projects)
        .where(eq(foldCase(projects.name), foldCase(name))),
    )) ?? null
  );
}

export async function listProjectNames(): Promise<string[]> {
  const rows = await getDb().select({ name: projects.name }).from(projects).orderBy(asc(projects.name));
  return rows.map((p) => p.name);
}
