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
    ],
  },
});
