// Fixtures for the team, assignment, progress and authorization tests (beside ./helpers.ts).
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { assignments, auditLog, projectMembers, projects, users } from "@/db/tables";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { reviewer } from "./helpers";
import { first } from "@/db/rows";

let n = 0;

/** Imports one small document with system rights and returns its id. */
export async function newDocument(projectId: number, text = `Document number ${++n}. The mayor said the levy is fair.`): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], {});
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

/** An administrator who is a member of no project (admins get no rights in projects by role alone). */
export async function outsideAdmin(name = `admin${++n}`): Promise<SessionUser> {
  const user = await reviewer(name);
  await getDb().update(users).set({ role: "admin" }).where(eq(users.id, user.id));
  return { ...user, role: "admin" };
}

export const auditCount = async (): Promise<number> => (await first(getDb().select({ n: count() }).from(auditLog)))!.n;

export const lastAudit = async () => (await getDb().select().from(auditLog).orderBy(auditLog.id)).at(-1);

export async function membersOf(projectId: number): Promise<{ userId: number; role: string }[]> {
  return await getDb()
    .select({ userId: projectMembers.userId, role: projectMembers.role })
    .from(projectMembers)
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(projectMembers.userId);
}

export async function assignmentsOf(projectId: number): Promise<{ documentId: number; userId: number; status: string }[]> {
  return await getDb()
    .select({ documentId: assignments.documentId, userId: assignments.userId, status: assignments.status })
    .from(assignments)
    .where(eq(assignments.projectId, projectId))
    .orderBy(assignments.documentId, assignments.userId);
}

export async function projectRow(projectId: number): Promise<{ guidelines: string; settings: unknown }> {
  return (await first(getDb().select({ guidelines: projects.guidelines, settings: projects.settings }).from(projects).where(eq(projects.id, projectId))))!;
}
