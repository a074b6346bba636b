// `npm run import -- --annotations …` as a person runs it: a child process on this test file's
// database (the SQLite file or the PostgreSQL database the server suite gave it), read back
// through getDb().
import { execFile } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, count, eq, max } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/rows";
import { annotations, documents, projects, users } from "@/db/tables";
import { jsonlLine } from "@/lib/export/jsonl";
import { sha256Hex } from "@/lib/text/hash";
import { MAX_ANNOTATION_IMPORT_BYTES } from "@/lib/validation/annotation-import";
import { sampleDocument, sampleMeta, TEXT } from "../unit/export/fixture";

const exec = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "pd-annotation-cli-"));
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const corpus = path.join(dir, "corpus.jsonl");
// Read when a child starts: on PostgreSQL the suite's setup names the database in beforeAll.
const env = (): NodeJS.ProcessEnv => ({ ...process.env, PROVENANCE_DEMO: "0" });

function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return exec(tsx, ["scripts/import.ts", ...args], { env: env(), cwd: process.cwd() })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));
}

beforeAll(async () => {
  await exec(tsx, ["db/migrate.ts"], { env: env(), cwd: process.cwd() });
  await getDb()
    .insert(users)
    .values([
      { username: "root", displayName: "Root", passwordHash: "x", role: "admin" },
      { username: "alice", displayName: "Alice Reviewer", passwordHash: "x", role: "member" },
    ]);
  writeFileSync(corpus, jsonlLine({ ...sampleDocument(), textSha256: sha256Hex(TEXT) }, sampleMeta()));
}, 60_000);

describe("npm run import -- --annotations", () => {
  it("dry-runs into a project it would create, prints every refusal, exits 1 and leaves no project behind", async () => {
    const result = await cli("--project", "Levy corpus", "--annotations", corpus, "--create-project", "--dry-run");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Nothing was imported");
    expect(result.stderr).toMatch(/user alice: “alice” is not a member of this project/);
    expect(result.stderr).toMatch(/user judge: there is no user “judge” here/);
    expect(await first(getDb().select({ n: count() }).from(projects).where(eq(projects.name, "Levy corpus")))).toEqual({ n: 0 });
  }, 60_000);

  it("imports into a new project as the first admin, then changes nothing the second time", async () => {
    const once = await cli("--project", "Levy corpus", "--annotations", corpus, "--create-project", "--layer", "gold");
    expect(once.stderr).toBe("");
    expect(once.code).toBe(0);
    expect(once.stdout).toContain("Imported. (project “Levy corpus”, jsonl, layer gold)");
    expect(once.stdout).toContain("Documents: 1 created, 0 matched by their text.");
    expect(once.stdout).toContain("Spans: 7 added, 1 already present (unchanged).");
    const spans = await first(
      getDb()
        .select({ n: count(), who: max(users.username) })
        .from(annotations)
        .innerJoin(users, eq(users.id, annotations.annotatorId))
        .where(eq(annotations.layer, "gold")),
    );
    expect(spans).toEqual({ n: 7, who: "root" });
    const again = await cli("--project", "levy corpus", "--annotations", corpus, "--layer", "gold");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Documents: 0 created, 1 matched by their text.");
    expect(again.stdout).toContain("Spans: 0 added, 8 already present (unchanged).");
    expect(await first(getDb().select({ n: count() }).from(annotations))).toEqual({ n: 7 });
  }, 60_000);

  it("refuses a user who does not manage the project", async () => {
    const result = await cli("--project", "Levy corpus", "--annotations", corpus, "--as", "alice");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("This project does not exist, or you are not a member of it.");
  }, 60_000);

  it("reads a brat folder onto the project's document, named by its file stem", async () => {
    const folder = path.join(dir, "brat", "gold");
    mkdirSync(folder, { recursive: true });
    // The stem starts with the document's id: not always 1, as a PostgreSQL sequence keeps ids a rolled-back dry run took.
    const { id } = (await first(
      getDb().select({ id: documents.id }).from(documents).innerJoin(projects, eq(projects.id, documents.projectId)).where(eq(projects.name, "Levy corpus")),
    ))!;
    writeFileSync(path.join(folder, `${id}-port-calder.txt`), TEXT);
    // Code points: the emoji counts once, so the sentence ends at 26.
    writeFileSync(path.join(folder, `${id}-port-calder.ann`), "T1\tClaim 0 26\tPort Calder 🌊 votes today.\n");
    const result = await cli("--project", "Levy corpus", "--annotations", path.join(dir, "brat"), "--layer", "reviewer:root");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Imported. (project “Levy corpus”, brat, layer reviewer:root)");
    expect(result.stdout).toContain("Spans: 1 added, 0 already present (unchanged).");
    const span = await first(
      getDb()
        .select({ exact: annotations.exact, start: annotations.start, end: annotations.end })
        .from(annotations)
        .innerJoin(users, eq(users.id, annotations.annotatorId))
        .where(and(eq(users.username, "root"), eq(annotations.layer, "annotator"))),
    );
    expect(span).toEqual({ exact: "Port Calder 🌊 votes today.", start: 0, end: 26 });
  }, 60_000);

  it("refuses a file over the size limit from its size alone", async () => {
    const big = path.join(dir, "big.jsonl");
    // A sparse file: its size is over the limit without writing 25 MB to disk.
    const fd = openSync(big, "w");
    ftruncateSync(fd, MAX_ANNOTATION_IMPORT_BYTES + 1);
    closeSync(fd);
    const result = await cli("--project", "Levy corpus", "--annotations", big);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("big.jsonl is 25.0 MB: the limit is 25 MB.");
  }, 60_000);

  it("asks for --format when the file name does not say", async () => {
    const odd = path.join(dir, "corpus.data");
    writeFileSync(odd, "{}");
    const result = await cli("--project", "Levy corpus", "--annotations", odd);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The format must be jsonl, w3c or brat. Pass --format.");
  }, 60_000);
});
