import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { projectMembers, users, type ProjectRole } from "@/db/tables";
import { createProject } from "@/lib/server/projects";
import { createSession, generateSessionToken, type SessionUser } from "@/lib/server/session";
import { createFirstAdmin, createUserAsAdmin, adminExists } from "@/lib/server/users";
import { first } from "@/db/rows";

let counter = 0;

export const PASSWORD = "correct horse battery";

async function asSessionUser(id: number): Promise<SessionUser> {
  const row = (await first(getDb().select().from(users).where(eq(users.id, id))))!;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

/** The first admin of this file's database (created on first call). */
export async function admin(): Promise<SessionUser> {
  if (!(await adminExists())) {
    const result = await createFirstAdmin({ username: "admin", displayName: "Admin", password: PASSWORD });
    if (!result.ok) throw new Error(result.error);
  }
  return await asSessionUser((await first(getDb().select().from(users).where(eq(users.username, "admin"))))!.id);
}

export async function reviewer(name = `reviewer${++counter}`): Promise<SessionUser> {
  const result = await createUserAsAdmin(await admin(), { username: name, displayName: name, password: PASSWORD });
  if (!result.ok) throw new Error(result.error);
  return await asSessionUser(result.userId);
}

export async function project(name = `Project ${++counter}`): Promise<number> {
  const result = await createProject(await admin(), { name, description: "" });
  if (!result.ok) throw new Error(result.error);
  return result.projectId;
}

export async function addMember(projectId: number, user: SessionUser, role: ProjectRole): Promise<void> {
  await getDb().insert(projectMembers).values({ projectId, userId: user.id, role });
}

// Route handlers and pages read the session through next/headers, which Next.js provides only
// inside a request. Test files mock it with this, handing over the cookie of a real session:
//   vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
const jar = { token: null as string | null };

export const nextHeadersMock = {
  cookies: async () => ({ get: (name: string) => (name === "pd_session" && jar.token !== null ? { name, value: jar.token } : undefined) }),
  headers: async () => new Headers(),
};

/** Sends this raw cookie value (or none) with the next call: a forged token, say. */
export function presentCookie(token: string | null): void {
  jar.token = token;
}

/** Signs `user` in for the next route or page call; null signs out. */
export async function signInAs(user: SessionUser | null): Promise<void> {
  jar.token = user === null ? null : generateSessionToken();
  if (user !== null && jar.token !== null) await createSession(jar.token, user.id);
}
