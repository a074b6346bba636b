// `npm test` on a machine without Chromium: as a user who cannot install it, the pretest step
// stops at once with the command to run (as root it would install it, which CI exercises).
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

it("stops before building with the one command that installs the browser", () => {
  const script = path.join(process.cwd(), "scripts", "pretest.mjs");
  const env = { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" };
  const asRoot = process.getuid?.() === 0;
  // As root the script would install the package; run it as an unprivileged user instead, from a
  // copy that user can read (the checkout may sit in a private folder, such as one from mktemp -d).
  const readable = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), "pd-pretest-"));
    chmodSync(dir, 0o755);
    copyFileSync(script, path.join(dir, "pretest.mjs"));
    return path.join(dir, "pretest.mjs");
  };
  const run = asRoot
    ? spawnSync("runuser", ["-u", "nobody", "--", process.execPath, readable()], { env, encoding: "utf8", cwd: tmpdir() })
    : spawnSync(process.execPath, [script], { env, encoding: "utf8" });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain("sudo apt-get install -y chromium");
  expect(run.stderr).toContain("CHROMIUM_PATH");
}, 30_000);
