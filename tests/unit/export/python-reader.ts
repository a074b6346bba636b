// Runs an independent reader on an export: Debian's /usr/bin/python3, whose str indexing is in
// code points, so a UTF-16 offset bug in a writer shows up as a failed slice. The files are
// written to a temp folder (passed as sys.argv[1]); the script prints one JSON value on stdout
// (json.dumps escapes non-ASCII, so the console encoding does not matter).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PYTHON = "/usr/bin/python3";

export function runPython(script: string, files: Record<string, string | Uint8Array>): unknown {
  const dir = mkdtempSync(path.join(tmpdir(), "export-check-"));
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
    const run = spawnSync(PYTHON, ["-c", script, dir], { encoding: "utf8" });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`python failed (${run.status}):\n${run.stderr}`);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
