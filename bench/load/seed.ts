// The database every load phase starts from, built through the app's own lib/server functions
// on a database the real migrations create (SQLite or PostgreSQL, bench/load/db-child.ts): an
// administrator (the project's manager), `reviewers` reviewer accounts, one project with them
// all as annotators, and the articles.
import { closeDb, getDb } from "@/db";
import { getDocumentForMember } from "@/lib/server/document-reads";
import { importDocuments } from "@/lib/server/documents";
import { addProjectMember } from "@/lib/server/members";
import { createProject } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { createFirstAdmin, createUserAsAdmin } from "@/lib/server/users";
import type { ArticleSpec } from "./texts";

export const ADMIN = { username: "loadadmin", password: "load bench admin password" };
export const REVIEWER_PASSWORD = "load bench reviewer password";
export const reviewerName = (i: number): string => `reviewer${String(i + 1).padStart(3, "0")}`;

export interface SeededDocument {
  id: number;
  text: string;
  wordCount: number;
}

export interface Seed {
  projectId: number;
  documents: SeededDocument[];
  reviewers: number;
}

async function createReviewers(admin: SessionUser, projectId: number, count: number): Promise<void> {
  // Hashing is argon2id on libuv's threads: a handful at a time keeps both cores busy.
  for (let first = 0; first < count; first += 8) {
    const batch = Array.from({ length: Math.min(8, count - first) }, (_, k) => reviewerName(first + k));
    const created = await Promise.all(
      batch.map((username) => createUserAsAdmin(admin, { username, displayName: `Reviewer ${username.slice(-3)}`, password: REVIEWER_PASSWORD })),
    );
    for (const [k, result] of created.entries()) {
      if (!result.ok) throw new Error(`creating ${batch[k]}: ${result.error}`);
      const member = await addProjectMember(admin, projectId, { username: batch[k], role: "annotator" });
      if (!member.ok) throw new Error(`adding ${batch[k]}: ${member.error}`);
    }
  }
}

/** Seeds this process's database (a new SQLite file at DATABASE_PATH, or an empty PostgreSQL database at DATABASE_URL) and closes it. */
export async function seedDatabase(reviewers: number, articles: ArticleSpec[]): Promise<Seed> {
  getDb(); // creates the file and applies the migrations (on PostgreSQL, before the first query)
  const first = await createFirstAdmin({ username: ADMIN.username, displayName: "Load Admin", password: ADMIN.password });
  if (!first.ok) throw new Error(first.error);
  const admin: SessionUser = { id: first.userId, username: ADMIN.username, displayName: "Load Admin", role: "admin" };
  const project = await createProject(admin, { name: "Load benchmark", description: "Articles for the load benchmark." });
  if (!project.ok) throw new Error(project.error);
  const items = articles.map((a) => ({ text: a.text, meta: { title: a.title, outlet: a.outlet, story: a.story, publishedAt: a.publishedAt } }));
  const imported = await importDocuments({ kind: "user", user: admin }, project.projectId, items, {});
  if (!imported.ok) throw new Error(imported.problems.map((p) => `${p.source}: ${p.message}`).join("\n"));
  await createReviewers(admin, project.projectId, reviewers);
  // The stored text, as normalized on import: the offsets the reviewers send are counted in it.
  const documents = await Promise.all(
    imported.documents.map(async ({ id }) => {
      const doc = (await getDocumentForMember(admin, project.projectId, id))!;
      return { id, text: doc.text, wordCount: doc.wordCount };
    }),
  );
  await closeDb();
  return { projectId: project.projectId, documents, reviewers };
}
