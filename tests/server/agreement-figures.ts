// `npx tsx tests/server/agreement-figures.ts <projectId> <userId>`: prints the project's agreement
// figures as JSON, from the database this process selects (DATABASE_URL or DATABASE_PATH). The
// copy test runs it against PostgreSQL in a child process, since a process picks its dialect once.
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { first } from "@/db/rows";
import { users } from "@/db/tables";
import { getProjectAgreement } from "@/lib/server/agreement";
import type { SessionUser } from "@/lib/server/session";

/** Both layer filters' agreement views of the project, as the Agreement page gets them. */
export async function agreementFigures(user: SessionUser, projectId: number): Promise<unknown> {
  const figures: Record<string, unknown> = {};
  for (const layers of ["all", "done"] as const) {
    const view = await getProjectAgreement(user, projectId, layers);
    if ("ok" in view) throw new Error(view.error);
    figures[layers] = { report: view.report, documents: view.documents, reviewers: view.reviewerNames, ratings: view.ratings };
  }
  return JSON.parse(JSON.stringify(figures));
}

async function main(): Promise<void> {
  const [projectId, userId] = process.argv.slice(2).map(Number);
  const row = await first(getDb().select().from(users).where(eq(users.id, userId!)));
  if (row === undefined) throw new Error(`no user ${userId}`);
  const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
  process.stdout.write(JSON.stringify(await agreementFigures(user, projectId!)));
  await closeDb();
}

if (process.argv[1]?.endsWith("agreement-figures.ts")) void main();
