// Builds the production app once before the browser tests; each test file then starts its
// own `next start` on a fresh database. Set E2E_SKIP_BUILD=1 to reuse an existing build. Both
// browser projects (e2e, e2e-pg) name this setup; in one run the app is built once.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export default function setup(): void {
  const root = process.cwd();
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  if (process.env.PROVENANCE_E2E_BUILT === "1") return;
  console.log("[e2e] building the app (next build)…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  // Global setups run in vitest's main process: the other browser project sees this.
  process.env.PROVENANCE_E2E_BUILT = "1";
}
