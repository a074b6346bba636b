// npm run db:copy on real databases: this file's SQLite database, filled through the app's own
// code with a row in every table, copied into a throwaway PostgreSQL cluster made by db/pg's
// migrations; then what it refuses (a target holding rows, U+0000, a stale or foreign source,
// a bad address) and the command as a person runs it.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { getTableName, is } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { getTableConfig, integer as pgInteger, pgTable } from "drizzle-orm/pg-core";
import { integer, SQLiteTable, sqliteTable } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSqlite } from "@/db";
import { migratePostgres } from "@/db/pg/migrate";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/schema";
import { parseCopyArgs } from "@/lib/server/db-copy/args";
import { rowsPerInsert } from "@/lib/server/db-copy/copy-table";
import { CopyError } from "@/lib/server/db-copy/errors";
import { runCopy } from "@/lib/server/db-copy/run";
import { copyTables } from "@/lib/server/db-copy/tables";
import { formatChecks, type TableCheck, verify } from "@/lib/server/db-copy/verify";
import { freePort } from "../free-port";
import { type PgCluster, startPgCluster } from "../pg-cluster";
import { editSqlite, fileCopy, plainCounts, seedEveryTable } from "./db-copy-helpers";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const dir = mkdtempSync(path.join(tmpdir(), "pd-db-copy-"));
const tables = copyTables();
const names = tables.map((t) => t.name);

let cluster: PgCluster;
let pool: pg.Pool;
let source: string;
let firstCopy: TableCheck[];

beforeAll(async () => {
  cluster = await startPgCluster();
  pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
  source = await seedEveryTable();
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** verify() on the committed target, from a connection of its own on each side. */
async function verifyNow(file = source): Promise<TableCheck[]> {
  const sqlite = new Database(file, { readonly: true });
  try {
    return await verify(drizzleSqlite(sqlite), drizzlePg(pool), tables);
  } finally {
    sqlite.close();
  }
}

const checksums = (checks: TableCheck[]): Record<string, string> => Object.fromEntries(checks.map((c) => [c.table, c.pg.checksum]));
/** Another database of the same cluster. */
const databaseUrl = (name: string): string => cluster.url.replace(/\/[^/]+$/, `/${name}`);
const one = async <T>(query: string): Promise<T> => (await pool.query(query)).rows[0] as T;

describe("copying a SQLite database into PostgreSQL", () => {
  it("copies every table with the same row count and checksum on both sides, children after parents, through the triggers", async () => {
    const outcome = await runCopy(source, cluster.url, { replace: false });
    expect(outcome.ok).toBe(true);
    const everyTable = Object.values(sqliteSchema)
      .filter((v) => is(v, SQLiteTable))
      .map((t) => getTableName(t as SQLiteTable));
    expect(outcome.checks.map((c) => c.table).sort()).toEqual(everyTable.sort());
    for (const check of outcome.checks) {
      expect(check.sqlite.rows, `${check.table} is seeded`).toBeGreaterThan(0);
      expect(check).toMatchObject({ ok: true, pg: check.sqlite });
    }
    const counts = await plainCounts(source, pool, names);
    expect(counts.pg).toEqual(counts.sqlite);
    expect((await verifyNow()).every((c) => c.ok)).toBe(true);
    firstCopy = outcome.checks;

    // The reply written before its parent still points at it.
    const link = getSqlite().prepare<[], { id: number; parent: number }>("select id, parent_id as parent from annotations order by id limit 1").get()!;
    expect(link.parent).toBeGreaterThan(link.id);
    expect(await one(`select parent_id as parent from annotations where id = ${link.id}`)).toEqual({ parent: link.parent });
    // The offsets triggers were there for every span and segment inserted.
    const triggers = (await pool.query<{ name: string }>("select tgname as name from pg_trigger where not tgisinternal")).rows.map((r) => r.name);
    expect(triggers).toEqual(expect.arrayContaining(["annotations_end_within_text_insert", "segments_end_within_text_insert", "documents_text_frozen"]));
    // jsonb reorders keys, so the checksum's key sorting is what makes the settings compare equal.
    const inSqlite = JSON.parse(getSqlite().prepare<[], { s: string }>("select settings as s from projects order by id limit 1").get()!.s) as object;
    const inPg = (await one<{ s: object }>("select settings as s from projects order by id limit 1")).s;
    expect(inPg).toEqual(inSqlite);
    expect(Object.keys(inPg)).not.toEqual(Object.keys(inSqlite));
  }, 60_000);

  it("reads and writes in pages by primary key (integer, text and two-column keys alike), a reply before its parent included", async () => {
    await pool.query("create database paged");
    const paged = await runCopy(source, databaseUrl("paged"), { replace: false, pageRows: 3 });
    expect(paged.ok).toBe(true);
    expect(checksums(paged.checks)).toEqual(checksums(firstCopy));
    for (const name of ["sessions", "claim_link_spans", "annotations"]) expect(paged.checks.find((c) => c.table === name)!.sqlite.rows).toBeGreaterThan(6);
  }, 60_000);

  it("moves each identity sequence past the largest copied id, so the app's next insert gets a fresh id", async () => {
    const identities = await pool.query<{ table: string }>("select table_name as table from information_schema.columns where is_identity = 'YES' order by 1");
    expect(
      tables
        .filter((t) => t.identity !== null)
        .map((t) => t.name)
        .sort(),
    ).toEqual(identities.rows.map((r) => r.table));
    for (const table of tables.filter((t) => t.identity !== null)) {
      const { max, next } = await one<{ max: number | null; next: string }>(
        `select (select max(id) from "${table.name}") as max, (select case when is_called then last_value + 1 else last_value end from ${await sequenceOf(table.name)}) as next`,
      );
      expect(Number(next), table.name).toBe((max ?? 0) + 1);
    }
    const maxOutlet = (await one<{ n: number }>("select max(id) as n from outlets")).n;
    expect(await one("insert into outlets (name) values ('Fresh Outlet') returning id")).toEqual({ id: maxOutlet + 1 });
    const span = await one<{ id: number }>(
      "insert into annotations (document_id, annotator_id, kind, start, \"end\", exact) values ((select min(id) from documents), (select min(id) from users), 'claim', 0, 3, 'The') returning id",
    );
    expect(span.id).toBe((await one<{ n: number }>("select max(id) as n from annotations")).n);
  });

  it("refuses a second copy into a target that holds rows, and with --replace empties it and copies the same data again", async () => {
    const before = await plainCounts(source, pool, names);
    await expect(runCopy(source, cluster.url, { replace: false })).rejects.toThrow(
      /already holds rows \(in .*outlets.*\); nothing was copied\. Run again with --replace/,
    );
    expect((await plainCounts(source, pool, names)).pg).toEqual(before.pg);
    expect(before.pg.outlets).toBe(before.sqlite.outlets! + 1); // the outlet inserted above

    const again = await runCopy(source, cluster.url, { replace: true });
    expect(again.ok).toBe(true);
    expect(checksums(again.checks)).toEqual(checksums(firstCopy));
    expect((await plainCounts(source, pool, names)).pg).toEqual(before.sqlite);
  }, 60_000);

  it("verify() reports a table whose rows differ on the PostgreSQL side, and only that one", async () => {
    await pool.query("update sources set description = description || ' (edited)' where id = (select min(id) from sources)");
    const checks = await verifyNow();
    expect(checks.filter((c) => !c.ok).map((c) => c.table)).toEqual(["sources"]);
    const sources = checks.find((c) => c.table === "sources")!;
    expect(sources.pg.rows).toBe(sources.sqlite.rows);
    expect(sources.pg.checksum).not.toBe(sources.sqlite.checksum);
    expect(formatChecks(checks)).toMatch(/^sources\s+\d+\s+[0-9a-f]{16} ≠ [0-9a-f]{16}\s+MISMATCH$/m);
  });

  it.each([
    ["a text column", "sources", "description", "update sources set description = 'before' || char(0) || 'after' where id = ?"],
    ["a JSON value", "audit_log", "after", "update audit_log set after = json_object('note', 'a' || char(0) || 'b') where id = ?"],
  ])(
    "refuses U+0000 in %s, naming the table, row and column, and leaves the target as it was",
    async (_, table, column, update) => {
      const file = fileCopy(source, dir, `nul-${table}.db`);
      const id = editSqlite(file, (db) => {
        const row = db.prepare<[], { id: number }>(`select max(id) as id from ${table}`).get()!;
        db.prepare(update).run(row.id);
        return row.id;
      });
      const before = await verifyNow();
      const refusal = runCopy(file, cluster.url, { replace: true });
      await expect(refusal).rejects.toThrow(CopyError);
      await expect(refusal).rejects.toThrow(`${table} row id ${id}: column ${column} holds the character U+0000 (NUL)`);
      expect(checksums(await verifyNow())).toEqual(checksums(before));
    },
    60_000,
  );
});

describe("what the copy refuses, in a sentence", () => {
  it("a value PostgreSQL refuses, naming the rows of the insert and PostgreSQL's reason", async () => {
    const file = fileCopy(source, dir, "out-of-range.db");
    const id = editSqlite(
      file,
      (db) => db.prepare("update annotations set version = 3000000000 where id = (select max(id) from annotations) returning id").pluck().get() as number,
    );
    const refusal = await runCopy(file, cluster.url, { replace: true }).catch((error: unknown) => error as Error);
    expect(refusal).toBeInstanceOf(CopyError);
    expect((refusal as Error).message).toMatch(
      new RegExp(`^PostgreSQL refused rows id \\d+ to id ${id} of annotations: value "3000000000" is out of range for type integer\\. Nothing was copied\\.$`),
    );
  });

  it("a source that is stale, not a SQLite database, not this app's, missing or a folder", async () => {
    const stale = fileCopy(source, dir, "stale.db");
    editSqlite(stale, (db) => db.exec("delete from __drizzle_migrations where created_at = (select max(created_at) from __drizzle_migrations)"));
    await expect(runCopy(stale, cluster.url, { replace: true })).rejects.toThrow(
      /lacks 1 of this version's migrations: its schema is stale\. Run npm run db:migrate first/,
    );
    const text = path.join(dir, "notes.txt");
    writeFileSync(text, "not a database, just some notes\n".repeat(100));
    await expect(runCopy(text, cluster.url, { replace: true })).rejects.toThrow(/notes\.txt is not a SQLite database/);
    const other = path.join(dir, "other.db");
    editSqlite(other, (db) => db.exec("create table things (id integer primary key)"));
    await expect(runCopy(other, cluster.url, { replace: true })).rejects.toThrow(/is a SQLite database but not one of Provenance Desk's/);
    await expect(runCopy(path.join(dir, "missing.db"), cluster.url, { replace: true })).rejects.toThrow(/--from: there is no file at .*missing\.db/);
    mkdirSync(path.join(dir, "folder.db"));
    await expect(runCopy(path.join(dir, "folder.db"), cluster.url, { replace: true })).rejects.toThrow(/folder\.db is a folder, not a SQLite database file/);
  });

  it("a --to that is not a PostgreSQL address, a server that does not answer, a database that does not exist", async () => {
    const refused = async (to: string): Promise<unknown> => await runCopy(source, to, { replace: true }).catch((error: unknown) => error);
    expect(await refused("mysql://db.example/provenance")).toMatchObject({
      name: "CopyError",
      message: expect.stringMatching(/postgres:\/\/ or postgresql:\/\//),
    });
    expect(await refused("provenance")).toMatchObject({ name: "CopyError", message: expect.stringMatching(/--to must be a PostgreSQL address/) });
    const port = await freePort();
    expect(await refused(`postgres://postgres@127.0.0.1:${port}/provenance`)).toMatchObject({
      name: "CopyError",
      message: `Cannot reach the PostgreSQL server at 127.0.0.1:${port}/provenance: connection refused. Is the server running, and on that port?`,
    });
    expect(await refused(databaseUrl("no_such_db"))).toMatchObject({
      name: "CopyError",
      message: expect.stringMatching(/has no such database/),
    });
  });

  it("missing --from or --to, or an unknown option, with the usage; --help asks for the usage", () => {
    expect(parseCopyArgs(["--help"])).toEqual({ help: true });
    expect(() => parseCopyArgs([])).toThrow(/^Missing --from and --to\.\nusage: npm run db:copy/);
    expect(() => parseCopyArgs(["--from", "data/provenance.db"])).toThrow(/^Missing --to\./);
    expect(() => parseCopyArgs(["--from", "a.db", "--to", "postgres://h/d", "--force"])).toThrow(/Unknown option '--force'/);
    expect(parseCopyArgs(["--from", "a.db", "--to", "postgres://h/d", "--replace"])).toEqual({
      help: false,
      from: "a.db",
      to: "postgres://h/d",
      replace: true,
    });
  });
});

describe("the tables and batches", () => {
  it("lists every table once, each after the tables its foreign keys point at", () => {
    expect(new Set(names).size).toBe(names.length);
    for (const [i, table] of tables.entries()) {
      for (const fk of getTableConfig(table.pg).foreignKeys) {
        const parent = getTableName(fk.reference().foreignTable);
        if (parent !== table.name) expect(names.indexOf(parent), `${parent} before ${table.name}`).toBeLessThan(i);
      }
    }
    expect(tables.find((t) => t.name === "annotations")!.selfReferences).toEqual(["parentId"]);
  });

  it("refuses schema modules that do not export the same tables", () => {
    const extra = sqliteTable("extra", { id: integer("id").primaryKey() });
    expect(() => copyTables({ ...sqliteSchema, extra }, pgSchema)).toThrow(/only in db\/schema\.ts: extra/);
  });

  it("keeps each insert under PostgreSQL's 65,535 bind parameters, however wide the table", () => {
    const columns = (make: (name: string) => unknown) => Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`c${i}`, make(`c${i}`)]));
    const wide = copyTables(
      { wide: sqliteTable("wide", { id: integer("id").primaryKey(), ...(columns((n) => integer(n)) as Record<string, ReturnType<typeof integer>>) }) },
      { wide: pgTable("wide", { id: pgInteger("id").primaryKey(), ...(columns((n) => pgInteger(n)) as Record<string, ReturnType<typeof pgInteger>>) }) },
    )[0]!;
    expect(rowsPerInsert(wide)).toBe(Math.floor(65_535 / 301));
    for (const table of tables) expect(rowsPerInsert(table) * table.keys.length).toBeLessThanOrEqual(65_535);
  });
});

describe("npm run db:copy", () => {
  const cli = (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> =>
    run(tsx, ["scripts/db-copy.ts", ...args], { cwd: process.cwd() })
      .then((r) => ({ ...r, code: 0 }))
      .catch((e: { stdout: string; stderr: string; code: number }) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));

  it("prints the verification table and exits 0; an expected error is one sentence and exit code 1", async () => {
    const copied = await cli("--from", source, "--to", cluster.url, "--replace");
    expect(copied.code, copied.stderr).toBe(0);
    expect(copied.stdout).toMatch(/^table\s+rows\s+checksum \(sha256\)\s+ok$/m);
    for (const check of firstCopy)
      expect(copied.stdout).toMatch(new RegExp(`^${check.table}\\s+${check.sqlite.rows}\\s+${check.sqlite.checksum.slice(0, 16)}\\s+ok$`, "m"));
    expect(copied.stdout).toMatch(/every table verified/);

    const refused = await cli("--from", source, "--to", cluster.url);
    expect(refused).toMatchObject({ code: 1, stdout: "" });
    expect(refused.stderr).toMatch(/^The target database already holds rows .* --replace .*\n$/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("exits non-zero and commits nothing when a table does not verify", async () => {
    // A target whose own trigger alters every source name on the way in: the copy reads back
    // something else than it wrote, so the verification fails and the transaction rolls back.
    await pool.query("create database tampered");
    const url = databaseUrl("tampered");
    const tampered = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await migratePostgres(tampered);
      await tampered.query(`create function tamper() returns trigger language plpgsql as $$ begin NEW.name := NEW.name || ' (sic)'; return NEW; end; $$;
        create trigger tamper before insert on sources for each row execute function tamper()`);
      const result = await cli("--from", source, "--to", url);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^sources\s+\d+\s+[0-9a-f]{16} ≠ [0-9a-f]{16}\s+MISMATCH$/m);
      expect(result.stdout).toMatch(/^users\s+\d+\s+[0-9a-f]{16}\s+ok$/m);
      expect(result.stderr).toMatch(/did not verify.*nothing was committed/);
      const held = await Promise.all(names.map(async (t) => Number((await tampered.query(`select count(*) as n from "${t}"`)).rows[0].n)));
      expect(held.every((n) => n === 0)).toBe(true);
    } finally {
      await tampered.end();
    }
  }, 60_000);
});

async function sequenceOf(table: string): Promise<string> {
  return (await one<{ s: string }>(`select pg_get_serial_sequence('"${table}"', 'id') as s`)).s;
}
