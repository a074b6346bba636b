// Runs once when the Next.js server starts: the database is opened (created and migrated
// if needed) and a new database gets the demo project, before the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so the hook is in place as early as possible; exits on an invalid TRUST_PROXY.
  (await import("./lib/server/peer-address")).capturePeerAddresses();
  const { databaseReady } = await import("./db");
  const { ensureDemoProject } = await import("./lib/server/demo");
  await databaseReady();
  if (process.env.PROVENANCE_DEMO !== "0") await ensureDemoProject();
}
