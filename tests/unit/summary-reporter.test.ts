// The closing line CI reads must tell the truth, including about a file that fails before any
// of its tests runs. Runs real vitest child processes on the fixtures in tests/fixtures/reporter.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const config = path.join(root, "tests", "fixtures", "reporter", "vitest.config.ts");

function closingLine(fixture: string): { line: string; status: number | null } {
  const run = spawnSync(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--config", config], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, REPORTER_FIXTURE: fixture, FORCE_COLOR: "0" },
  });
  const lines = run.stdout.trimEnd().split("\n");
  return { line: lines[lines.length - 1] ?? "", status: run.status };
}

describe("the closing line", () => {
  it("counts a file whose set-up throws as failed, with its tests skipped", () => {
    const { line, status } = closingLine("setup-fails.fixture.ts");
    expect(line).toBe("0 passed, 1 failed, 2 skipped");
    expect(status).toBe(1);
  }, 60_000);

  it("counts an ordinary failing test once", () => {
    expect(closingLine("one-fails.fixture.ts").line).toBe("1 passed, 1 failed, 0 skipped");
  }, 60_000);
});
