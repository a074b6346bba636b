// npm run backup and npm run restore as a person runs them: child processes on real database
// files, some of them open in other processes (a writer saving spans, an idle connection as a
// server holds, a process killed with its WAL left behind).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, getSqlite } from "@/db";
import { ensureDemoProject } from "@/lib/server/demo";
import { child, children, cli, damagePage, freshDatabase, hashOf, leftovers, readOnly, rowCounts, until } from "./backup-helpers";
import { admin } from "./helpers";

const dir = mkdtempSync(path.join(tmpdir(), "pd-backup-cli-"));

let source: string;
let spanTarget: { user: number; project: number; document: number };

beforeAll(async () => {
  // This file's own database (tests/server/setup.ts), open in this process as in a server: the
  // filled demo project and an administrator who may annotate it.
  source = databasePath();
  await ensureDemoProject("full");
  const user = await admin();
  const doc = getSqlite().prepare<[], { id: number; projectId: number }>("select id, project_id as projectId from documents order by id limit 1").get()!;
  spanTarget = { user: user.id, project: doc.projectId, document: doc.id };
});

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run backup", () => {
  it("copies the database while another process saves spans: the copy is sound and holds every save committed before it began", async () => {
    const writer = await child(source, "writer", String(spanTarget.user), String(spanTarget.project), String(spanTarget.document));
    await until(() => writer.lines.length > 200 || writer.process.exitCode !== null);
    const before = writer.lines.slice(1).map(Number); // committed before the backup started
    const out = path.join(dir, "during-writes.db");
    const result = await cli("backup", source, out);
    const duringOrAfter = writer.lines.length - 1 - before.length;
    writer.process.kill("SIGTERM");
    await writer.exited;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Backed up .* integrity ok; 1 project, 3 documents, [\d,]+ spans/);
    expect(duringOrAfter, "the writer kept saving while the backup ran").toBeGreaterThan(0);

    const all = writer.lines.slice(1).map(Number);
    const copied = readOnly(out, (db) => ({
      integrity: db.pragma("integrity_check", { simple: true }),
      ids: db
        .prepare<[], { id: number }>("select id from annotations where note like 'backup-writer %' order by id")
        .all()
        .map((r) => r.id),
    }));
    expect(copied.integrity).toBe("ok");
    expect(copied.ids).toEqual(expect.arrayContaining(before));
    // A snapshot: exactly the saves committed up to one moment, with none missing in between.
    expect(copied.ids).toEqual(all.slice(0, copied.ids.length));
    expect(existsSync(`${out}-wal`) || existsSync(`${out}.partial`)).toBe(false);
  }, 60_000);

  it("refuses bad paths with a message and exit code 1, and replaces a file only with --force", async () => {
    const folder = path.join(dir, "refusals");
    mkdirSync(folder);
    const existing = path.join(folder, "existing.db");
    writeFileSync(existing, "an older backup");
    const cases: [string, string[], RegExp][] = [
      [source, [], /^usage: npm run backup -- PATH \[--force\]/],
      [source, ["--overwrite", existing], /Unknown option '--overwrite'/],
      [source, [existing], /existing\.db already exists\. Pass --force to replace it/],
      [source, [path.join(folder, "no", "such", "b.db")], /The folder .*no\/such does not exist/],
      [source, [folder], /refusals is a folder\. Give the backup a file name/],
      [source, [source], /cannot be written over the database itself/],
      [path.join(folder, "missing.db"), [path.join(folder, "b.db")], /There is no database at .*missing\.db/],
    ];
    const results = await Promise.all(cases.map(([db, args]) => cli("backup", db, ...args)));
    cases.forEach(([, args, message], i) => {
      expect(results[i]!.code, args.join(" ")).toBe(1);
      expect(results[i]!.stderr).toMatch(message);
    });
    expect(readFileSync(existing, "utf8")).toBe("an older backup");
    expect(readdirSync(folder).sort()).toEqual(["existing.db"]);

    const forced = await cli("backup", source, existing, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(readOnly(existing, rowCounts)).toEqual(rowCounts(getSqlite()));
    expect(readdirSync(folder).sort()).toEqual(["existing.db"]);
  }, 60_000);
});

describe("npm run restore", () => {
  let backup: string;

  beforeAll(async () => {
    backup = path.join(dir, "for-restore.db");
    const made = await cli("backup", source, backup);
    expect(made.code, made.stderr).toBe(0);
  });

  it("puts the backup in place of a database whose last process was killed, and keeps that database whole beside it", async () => {
    const folder = path.join(dir, "round-trip");
    mkdirSync(folder);
    const target = path.join(folder, "provenance.db");
    await freshDatabase(target);
    // Killed with 25 commits still only in its WAL, and its -shm left behind.
    const crashed = await child(target, "crash", "25");
    await crashed.exited;
    expect(existsSync(`${target}-wal`) && existsSync(`${target}-shm`)).toBe(true);

    const result = await cli("restore", target, backup);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Restored .*provenance\.db from .*for-restore\.db: 1 project, 3 documents/);
    const kept = readdirSync(folder).filter((f) => f.includes(".before-restore-"));
    expect(kept).toEqual([expect.stringMatching(/^provenance\.db\.before-restore-\d{8}T\d{6}Z$/)]);
    expect(result.stdout).toContain(`The replaced file is kept as ${path.join(folder, kept[0]!)}`);

    // Every table holds what the source held; no stale WAL or index from the killed process.
    expect(readdirSync(folder).sort()).toEqual(["provenance.db", kept[0]]);
    expect(readOnly(target, rowCounts)).toEqual(rowCounts(getSqlite()));
    expect(readOnly(target, (db) => db.pragma("integrity_check", { simple: true }))).toBe("ok");
    // The replaced database, one file, with the commits that were only in its WAL.
    const old = readOnly(
      path.join(folder, kept[0]!),
      (db) => db.prepare<[], { n: number }>("select count(*) as n from outlets where name like 'crash outlet %'").get()!.n,
    );
    expect(old).toBe(25);
    // The app opens the restored file (and applies nothing: it is at this code's schema).
    await freshDatabase(target);
    expect(readOnly(target, rowCounts)).toEqual(rowCounts(getSqlite()));
  }, 60_000);

  it("refuses while another process has the database open, and changes nothing", async () => {
    const folder = path.join(dir, "in-use");
    mkdirSync(folder);
    const target = path.join(folder, "provenance.db");
    await freshDatabase(target);
    const server = await child(target, "hold");
    const before = hashOf(target);
    const result = await cli("restore", target, backup);
    server.process.kill("SIGTERM");
    await server.exited;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/provenance\.db is open in another process: is the server running\? Stop it .* Nothing was changed\./);
    expect(hashOf(target)).toBe(before);
    expect(leftovers(folder)).toEqual([]);
  }, 60_000);

  it("refuses a file that is not a sound backup of this app, at this version or older, and changes nothing", async () => {
    const folder = path.join(dir, "bad-backups");
    mkdirSync(folder);
    const target = path.join(folder, "provenance.db");
    await freshDatabase(target);
    const before = hashOf(target);

    const text = path.join(folder, "notes.txt");
    writeFileSync(text, "not a database at all\n".repeat(100));
    const foreign = path.join(folder, "other-app.db");
    const other = new Database(foreign);
    other.exec("create table things (id integer primary key, name text); insert into things (name) values ('x');");
    other.close();
    const damaged = path.join(folder, "damaged.db");
    copyFileSync(backup, damaged);
    damagePage(damaged, "annotations");
    const newer = path.join(folder, "newer.db");
    copyFileSync(backup, newer);
    const db = new Database(newer);
    db.prepare("insert into __drizzle_migrations (hash, created_at) values ('from-the-future', ?)").run(Date.now() + 365 * 86_400_000);
    db.close();

    const cases: [string, RegExp][] = [
      [path.join(folder, "missing.db"), /There is no backup file at .*missing\.db/],
      [text, /notes\.txt is not a SQLite database\. Nothing was changed\./],
      [
        foreign,
        /other-app\.db is a SQLite database but not one of Provenance Desk's: it has no __drizzle_migrations, users, projects, documents, annotations table/,
      ],
      [damaged, /damaged\.db is damaged/],
      [newer, /newer\.db was made by a newer version of Provenance Desk.*Update the app, then restore/],
    ];
    const results = await Promise.all(cases.map(([file]) => cli("restore", target, file)));
    cases.forEach(([file, message], i) => {
      expect(results[i]!.code, file).toBe(1);
      expect(results[i]!.stderr).toMatch(message);
    });
    expect(hashOf(target)).toBe(before);
    expect(leftovers(folder)).toEqual([]);
  }, 60_000);
});
