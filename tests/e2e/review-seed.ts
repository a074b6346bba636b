// Seeds the database of a running test server through lib/server, in this process: users,
// a project, documents and spans made by the app's own functions (no SQL of our own), for
// browser tests whose set-up would take minutes through the UI (3,000 spans).
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/tables";
import { createAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { importDocuments } from "@/lib/server/documents";
import { addProjectMember } from "@/lib/server/members";
import { createProject } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { createUserAsAdmin } from "@/lib/server/users";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { first } from "@/db/rows";

export const REVIEWER_PASSWORD = "a long reviewer password";

/** Points this process's lib/server at the server's database (call before any other helper). */
export { useServerDatabase } from "./server-database";

export async function userNamed(username: string): Promise<SessionUser> {
  const row = await first(getDb().select().from(users).where(eq(users.username, username)));
  if (row === undefined) throw new Error(`no user ${username}`);
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

export async function seedProject(admin: SessionUser, name: string, reviewers: { username: string; displayName: string }[]): Promise<number> {
  for (const r of reviewers) {
    const made = await createUserAsAdmin(admin, { ...r, password: REVIEWER_PASSWORD });
    if (!made.ok) throw new Error(made.error);
  }
  const project = await createProject(admin, { name, description: "" });
  if (!project.ok) throw new Error(project.error);
  for (const r of reviewers) {
    const added = await addProjectMember(admin, project.projectId, { username: r.username, role: "annotator" });
    if (!added.ok) throw new Error(added.error);
  }
  return project.projectId;
}

export async function seedDocument(projectId: number, title: string, text: string): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "e2e" }, projectId, [{ text, meta: { title } }], {});
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

/** Spans over the first occurrence of each needle (ASCII texts: indexes are code points). */
export async function seedSpans(
  user: SessionUser,
  projectId: number,
  documentId: number,
  text: string,
  spans: { kind: AnnotationKind; exact: string; from?: number }[],
): Promise<void> {
  // One transaction around all of them: thousands of commits would each wait for the disk.
  // Each createAnnotation's own transaction nests inside it as a savepoint.
  await getDb().transaction(async () => {
    for (const s of spans) {
      const start = text.indexOf(s.exact, s.from ?? 0);
      if (start < 0) throw new Error(`not in text: ${s.exact}`);
      const made = await createAnnotation(user, projectId, documentId, { kind: s.kind, start, end: start + s.exact.length, exact: s.exact });
      if (!made.ok) throw new Error(made.error);
    }
  });
}

export async function markDone(user: SessionUser, projectId: number, documentId: number): Promise<void> {
  const result = await markDocumentDone(user, projectId, documentId);
  if (!result.ok) throw new Error(result.error);
}
