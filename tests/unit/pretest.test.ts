// `npm test` on a machine without Chromium or PostgreSQL: as a user who cannot install them, the
// pretest step stops at once with the command to run (as root it would install them, which CI
// exercises).
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

const tempDirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-pretest-"));
  chmodSync(dir, 0o755);
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function runPretest(overrides: Record<string, string>): SpawnSyncReturns<string> {
  const script = path.join(process.cwd(), "scripts", "pretest.mjs");
  const env = { ...process.env, ...overrides };
  // As root the script would install the packages; run it as an unprivileged user instead, from a
  // copy that user can read (the checkout may sit in a private folder, such as one from mktemp -d).
  if (process.getuid?.() !== 0) return spawnSync(process.execPath, [script], { env, encoding: "utf8" });
  const copy = path.join(tempDir(), "pretest.mjs");
  copyFileSync(script, copy);
  return spawnSync("runuser", ["-u", "nobody", "--", process.execPath, copy], { env, encoding: "utf8", cwd: tmpdir() });
}

/** A folder with executables named as PostgreSQL's server binaries (the script only looks for them). */
function fakePgBinDir(): string {
  const dir = path.join(tempDir(), "bin");
  mkdirSync(dir, { mode: 0o755 });
  for (const name of ["initdb", "pg_ctl", "postgres"]) writeFileSync(path.join(dir, name), "#!/bin/sh\n", { mode: 0o755 });
  return dir;
}

it("stops before building with the one command that installs the browser", () => {
  const run = runPretest({ CHROMIUM_PATH: "/nonexistent/chromium", PG_BINDIR: fakePgBinDir() });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("sudo apt-get install -y chromium");
  expect(run.stderr).toContain("CHROMIUM_PATH");
  expect(run.stderr).not.toMatch(/install -y .*postgresql/);
}, 30_000);

it("asks for Debian's postgresql when PostgreSQL's server binaries are missing", () => {
  const run = runPretest({ CHROMIUM_PATH: "/nonexistent/chromium", PG_BINDIR: "/nonexistent/pg/bin" });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/sudo apt-get install -y chromium( python3-nltk)? postgresql\n/);
  expect(run.stderr).toContain("PG_BINDIR");
}, 30_000);
