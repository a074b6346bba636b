// Every server test file gets its own SQLite file, built by the real migrations on first use.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDb } from "@/db";

const dir = mkdtempSync(path.join(tmpdir(), "pd-server-test-"));
process.env.DATABASE_PATH = path.join(dir, "test.db");

afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});
