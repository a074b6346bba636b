import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { projectMembers, users, type ProjectRole } from "@/db/schema";
import { createProject } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { createFirstAdmin, createUserAsAdmin, userCount } from "@/lib/server/users";

let counter = 0;

export const PASSWORD = "correct horse battery";

function asSessionUser(id: number): SessionUser {
  const row = getDb().select().from(users).where(eq(users.id, id)).get()!;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

/** The first admin of this file's database (created on first call). */
export async function admin(): Promise<SessionUser> {
  if (userCount() === 0) {
    const result = await createFirstAdmin({ username: "admin", displayName: "Admin", password: PASSWORD });
    if (!result.ok) throw new Error(result.error);
  }
  return asSessionUser(getDb().select().from(users).where(eq(users.username, "admin")).get()!.id);
}

export async function reviewer(name = `reviewer${++counter}`): Promise<SessionUser> {
  const result = await createUserAsAdmin(await admin(), { username: name, displayName: name, password: PASSWORD });
  if (!result.ok) throw new Error(result.error);
  return asSessionUser(result.userId);
}

export async function project(name = `Project ${++counter}`): Promise<number> {
  const result = createProject(await admin(), { name, description: "" });
  if (!result.ok) throw new Error(result.error);
  return result.projectId;
}

export function addMember(projectId: number, user: SessionUser, role: ProjectRole): void {
  getDb().insert(projectMembers).values({ projectId, userId: user.id, role }).run();
}
