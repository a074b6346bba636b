// `npm run db:migrate`: applies the committed migrations to the database (DATABASE_URL when it is
// a postgres:// address, else the SQLite file at DATABASE_PATH, default data/provenance.db) and
// loads the demo project into a new, empty database.
import { ensureDemoProject } from "@/lib/server/demo";
import { postgresUrl } from "./dialect";
import { closeDb, databasePath, databaseReady } from "./index";

/** Where the database is, without a password. */
function where(): string {
  const url = postgresUrl();
  if (url === null) return databasePath();
  const shown = new URL(url);
  shown.password = "";
  return shown.toString();
}

async function main(): Promise<void> {
  await databaseReady();
  const seeded = process.env.PROVENANCE_DEMO === "0" ? false : await ensureDemoProject();
  console.log(`database ready: ${where()}${seeded ? " (demo project loaded)" : ""}`);
  await closeDb();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  await closeDb().catch(() => undefined);
  process.exit(1);
});
