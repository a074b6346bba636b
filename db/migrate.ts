// `npm run db:migrate`: applies the committed migrations to DATABASE_PATH (default
// data/provenance.db) and loads the demo project into a new, empty database.
import { ensureDemoProject } from "@/lib/server/demo";
import { closeDb, databasePath, getDb } from "./index";

async function main(): Promise<void> {
  getDb();
  const seeded = process.env.PROVENANCE_DEMO === "0" ? false : await ensureDemoProject();
  console.log(`database ready: ${databasePath()}${seeded ? " (demo project loaded)" : ""}`);
  await closeDb();
}

void main();
