// The server suite on PostgreSQL: every test file gets its own database in the shared cluster,
// made by db/pg/migrations on first use (vitest.config.ts sets DATABASE_URL to a postgres://
// placeholder, so the PostgreSQL tables are chosen when the modules load).
import path from "node:path";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { closeDb, databaseReady } from "@/db";
import { createTestDatabase } from "../pg-database";

let drop: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const file = path.basename(expect.getState().testPath ?? "test");
  const database = await createTestDatabase(inject("pgAdminUrl"), file.replace(/\.test\.ts$/, ""));
  process.env.DATABASE_URL = database.url;
  drop = database.drop;
  await databaseReady();
});

afterAll(async () => {
  await closeDb();
  await drop();
});
