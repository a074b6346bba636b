// Runs once when the Next.js server starts: the database is opened (created and migrated
// if needed) and a new database gets the demo project, before the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db");
  const { ensureDemoProject } = await import("./lib/server/demo");
  getDb();
  if (process.env.PROVENANCE_DEMO !== "0") ensureDemoProject();
}
