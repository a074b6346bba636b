// The import CLI as a person runs it: a child process on this test file's database (the SQLite
// file or the PostgreSQL database the server suite gave it), read back through getDb().
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/rows";
import { auditLog, documents } from "@/db/tables";
import { normalizeText } from "@/lib/text";
import { sha256Hex } from "@/lib/text/hash";

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");
const dir = mkdtempSync(path.join(tmpdir(), "pd-cli-"));
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
// Read when a child starts: on PostgreSQL the suite's setup names the database in beforeAll.
const env = (): NodeJS.ProcessEnv => ({ ...process.env });

function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return run(tsx, ["scripts/import.ts", ...args], { env: env(), cwd: process.cwd() })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));
}

beforeAll(async () => {
  // A new database: migrated and given the demo project, as on first start.
  await run(tsx, ["db/migrate.ts"], { env: env(), cwd: process.cwd() });
}, 60_000);

describe("npm run import", () => {
  it("refuses an unknown project and lists the ones that exist", async () => {
    const result = await cli("--project", "No such project", "x.txt");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No project named “No such project”");
    expect(result.stderr).toContain("Demo: the Port Calder water levy");
  });

  it.skipIf(!existsSync(CORPUS))(
    "imports the five sample files through the web form's code path, text intact",
    async () => {
      const files = readdirSync(CORPUS)
        .filter((f) => /^\d{3}_.*\.txt$/.test(f))
        .map((f) => path.join(CORPUS, f));
      const result = await cli("--project", "demo: the port calder water levy", "--outlet", "Sample outlets", "--story", "Iran in Iraq", ...files);
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain("5 documents imported into “Demo: the Port Calder water levy”");
      expect(result.stdout).toContain("created outlet “Sample outlets”");
      for (const file of files) {
        const expected = normalizeText(readFileSync(file, "utf8"));
        const row = await first(
          getDb()
            .select({ text: documents.text, textSha256: documents.textSha256 })
            .from(documents)
            .where(eq(documents.sourceFileName, path.basename(file))),
        );
        expect(row?.text).toBe(expected);
        expect(row?.textSha256).toBe(sha256Hex(expected));
      }
      const audit = await first(getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "import")));
      expect(audit?.n).toBe(3 + 5); // the demo's three and these five
    },
    60_000,
  );

  it("imports nothing when one file of a batch is bad, and says why", async () => {
    const good = path.join(dir, "good.txt");
    const bad = path.join(dir, "bad.txt");
    writeFileSync(good, "A good title\n\nA good body.");
    writeFileSync(bad, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const result = await cli("--project", "Demo: the Port Calder water levy", good, bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad.txt is not valid UTF-8");
    const imported = await first(getDb().select({ n: count() }).from(documents).where(eq(documents.sourceFileName, "good.txt")));
    expect(imported?.n).toBe(0);
  }, 60_000);
});
