// The export CLI as a person runs it: a child process on a real database file, writing a file
// or stdout, and refusing bad choices with a message and exit code 1, leaving no partial file.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES, DEMO_PROJECT, DEMO_STORY } from "@/db/seed/demo";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "pd-export-cli-"));
const dbPath = path.join(dir, "cli.db");
// Read when a child starts: on PostgreSQL the suite's setup names this file's database in beforeAll.
const env = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_PATH: dbPath });
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return run(tsx, ["scripts/export.ts", ...args], { env: env(), cwd: process.cwd(), maxBuffer: 64 * 1024 * 1024 })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));
}

beforeAll(async () => {
  // A new database with the demo project: three articles by three outlets on one story.
  await run(tsx, ["db/migrate.ts"], { env: env(), cwd: process.cwd() });
}, 60_000);

describe("npm run export", () => {
  it("writes one JSONL line per document of the story, text and all", async () => {
    const out = path.join(dir, "story.jsonl");
    const result = await cli("--project", DEMO_PROJECT.name.toUpperCase(), "--format", "jsonl", "--layer", "all", "--story", DEMO_STORY, "--out", out);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Exporting 3 documents`);
    const lines = readFileSync(out, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { title: string; text: string });
    expect(lines.map((l) => l.title).sort()).toEqual(DEMO_ARTICLES.map((a) => a.title).sort());
    expect(lines.every((l) => l.text.length > 0)).toBe(true);
  });

  it("writes to stdout with --out -, and filters by outlet", async () => {
    const outlet = DEMO_ARTICLES[0]!.outlet.name;
    const result = await cli("--project", DEMO_PROJECT.name, "--format", "jsonl", "--outlet", outlet, "--no-text", "--out", "-");
    const lines = result.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { outlet: { name: string }; text: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outlet: { name: outlet }, text: null });
  });

  it("writes a zip for the zip formats", async () => {
    const out = path.join(dir, "demo.brat.zip");
    expect((await cli("--project", DEMO_PROJECT.name, "--format", "brat", "--out", out)).code).toBe(0);
    const names = Object.keys(unzipSync(readFileSync(out)));
    expect(names).toContain("annotation.conf");
    // The default layer is gold where a document has it, else every reviewer's own folder: the
    // demo has gold on two articles and two reviewers on the third.
    const texts = names.filter((n) => n.endsWith(".txt"));
    expect(new Set(texts.map((n) => path.basename(n))).size).toBe(3);
    expect(texts.filter((n) => n.startsWith("gold/"))).toHaveLength(2);
    for (const t of texts) expect(names).toContain(t.replace(/\.txt$/, ".ann"));
  });

  it("refuses an unknown format, project, story or reviewer with exit code 1 and writes nothing", async () => {
    const out = path.join(dir, "refused.jsonl");
    const cases: [string[], RegExp][] = [
      [["--format", "xlsx"], /Unknown format “xlsx”. Choose one of: jsonl, csv, w3c, brat, conll, uima-xmi/],
      [["--format", "jsonl", "--story", "No such story"], /No story named “No such story”/],
      [["--format", "jsonl", "--layer", "reviewer:nobody"], /No reviewer of this project is called “nobody”/],
    ];
    for (const [args, message] of cases) {
      const result = await cli("--project", DEMO_PROJECT.name, ...args, "--out", out);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    const unknown = await cli("--project", "Nope", "--format", "jsonl", "--out", out);
    expect(unknown.stderr).toContain("No project named “Nope”");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });
});
