// The load bench measures the production build, so it makes sure there is a current one:
// it builds when .next/BUILD_ID is missing or older than any file the build is made from,
// and says which it did.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "lib", "db", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json"];

/** The most recently changed file under `entry` (a file or folder), with its time. */
function newest(entry: string): { file: string; mtimeMs: number } | null {
  if (!existsSync(entry)) return null;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return { file: entry, mtimeMs: stat.mtimeMs };
  let best: { file: string; mtimeMs: number } | null = null;
  for (const name of readdirSync(entry)) {
    const found = newest(path.join(entry, name));
    if (found !== null && (best === null || found.mtimeMs > best.mtimeMs)) best = found;
  }
  return best;
}

/** Why the build must be redone, or null when it is current. */
export function buildStaleness(root: string): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "there is no production build (.next/BUILD_ID is missing)";
  const built = statSync(buildId).mtimeMs;
  for (const source of SOURCES) {
    const found = newest(path.join(root, source));
    if (found !== null && found.mtimeMs > built) return `${path.relative(root, found.file)} changed after the last build`;
  }
  return null;
}

/** Builds when needed; returns the line to print about it. */
export function ensureBuild(root: string, allowBuild: boolean): string {
  const reason = buildStaleness(root);
  if (reason === null) return `Using the existing production build (${new Date(statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs).toISOString()}).`;
  if (!allowBuild && !existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new Error("No production build, and --no-build forbids making one: run `npm run build` first.");
  if (!allowBuild) return `Using the existing production build although ${reason} (--no-build).`;
  console.log(`Building (next build) because ${reason}…`);
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return `Built the app first (next build, ${Math.round((Date.now() - started) / 1000)} s) because ${reason}.`;
}
