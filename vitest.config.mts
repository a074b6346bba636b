import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

/** Server tests about SQLite itself, or that compare the dialects (they start their own PostgreSQL). */
const SQLITE_ONLY_SERVER_TESTS = [
  "tests/server/backup.test.ts",
  "tests/server/db-gate.test.ts",
  "tests/server/schema.test.ts",
  "tests/server/pg-*.test.ts",
  "tests/server/db-copy.test.ts",
];

/** Browser tests about the SQLite file itself: a SIGKILL mid-write and the WAL, integrity_check. */
const SQLITE_ONLY_E2E_TESTS = ["tests/e2e/durability.test.ts"];

/** Browser tests that need a database server several processes share. */
const PG_ONLY_E2E_TESTS = ["tests/e2e/two-instances.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", "./tests/summary-reporter.ts"],
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: "server",
          include: ["tests/server/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/server/setup.ts"],
          sequence: { groupOrder: 1 },
          // argon2 hashing and real SQLite files: keep the per-test budget generous.
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "server-pg",
          include: ["tests/server/**/*.test.ts"],
          // SQLite's own features (backups, the transaction gate, its schema), and the tests that
          // compare the two dialects, which start their own PostgreSQL.
          exclude: SQLITE_ONLY_SERVER_TESTS,
          environment: "node",
          env: { DATABASE_URL: "postgres://pending/" },
          globalSetup: ["tests/pg-global-setup.ts"],
          setupFiles: ["tests/server/setup-pg.ts"],
          sequence: { groupOrder: 1 },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: PG_ONLY_E2E_TESTS,
          environment: "node",
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Browser tests run last, after the fast suites, with their own worker limit.
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each file starts its own server and browser; two at a time fit on two cores.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e-pg",
          include: ["tests/e2e/**/*.test.ts"],
          exclude: SQLITE_ONLY_E2E_TESTS,
          environment: "node",
          // The placeholder makes this process load the PostgreSQL tables; each server gets a
          // database of its own in the run's cluster (tests/e2e/server-database.ts).
          env: { DATABASE_URL: "postgres://pending/" },
          globalSetup: ["tests/pg-global-setup.ts", "tests/e2e/global-setup.ts"],
          // After the SQLite browser run, not beside it: two browser files at a time in all.
          sequence: { groupOrder: 3 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
