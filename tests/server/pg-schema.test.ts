// db/pg on a real PostgreSQL server (tests/pg-cluster.ts), next to SQLite made by db/migrations:
// both schema modules describe the same tables, and the same SQL text is accepted or refused
// alike by both databases (triggers, checks, unique keys, foreign keys, code point lengths).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pgSchema from "@/db/pg/schema";
import * as sqliteSchema from "@/db/schema";
import { startPgCluster, type PgCluster } from "../pg-cluster";
import { type Dialects, openDialects, outline, tablesOf } from "./pg-schema-helpers";

let cluster: PgCluster;
let dbs: Dialects;

const sha = (digit: string): string => digit.repeat(64);
const EMOJI_TEXT = "Hi 🌍🌍!"; // 6 code points, 8 UTF-16 units

beforeAll(async () => {
  cluster = await startPgCluster();
  dbs = await openDialects(cluster.url);
  const seed = await dbs.both(`
    insert into users (id, username, display_name, password_hash) values (1, 'ana', 'Ana', 'x'), (2, 'ben', 'Ben', 'x');
    insert into projects (id, name, created_by) values (1, 'Wire study', 2);
    insert into outlets (id, name) values (1, 'Wire');
    insert into documents (id, project_id, outlet_id, title, text, text_sha256, char_count, word_count)
      values (1, 1, 1, 'Plain', 'Hello world', '${sha("1")}', 11, 2),
             (2, 1, null, 'Emoji', '${EMOJI_TEXT}', '${sha("2")}', ${[...EMOJI_TEXT].length}, 2);`);
  expect(seed).toEqual({ sqlite: "ok", pg: "ok" });
}, 120_000);

afterAll(async () => {
  await dbs?.close();
  await cluster?.stop();
});

const span = (documentId: number, start: number, end: number): string =>
  `insert into annotations (document_id, annotator_id, kind, start, "end", exact) values (${documentId}, 1, 'claim', ${start}, ${end}, 'x')`;
const segment = (documentId: number, start: number, end: number): string =>
  `insert into segments (document_id, start, "end") values (${documentId}, ${start}, ${end})`;

/** Both databases refused the statement, each with a message matching its pattern. */
async function refusedByBoth(statement: string, sqlite: RegExp, pg: RegExp = sqlite): Promise<void> {
  const outcome = await dbs.both(statement);
  expect(outcome.sqlite).toMatch(sqlite);
  expect(outcome.pg).toMatch(pg);
}

async function acceptedByBoth(statement: string): Promise<void> {
  expect(await dbs.both(statement)).toEqual({ sqlite: "ok", pg: "ok" });
}

describe("the PostgreSQL schema", () => {
  it("has every table and column of the SQLite schema, with the same names, keys, indexes and checks", () => {
    const sqliteTables = tablesOf(sqliteSchema);
    const pgTables = tablesOf(pgSchema);
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(15);
    for (const [name, table] of sqliteTables) {
      expect({ name, ...(outline(pgTables.get(name)!) as object) }).toEqual({ name, ...(outline(table) as object) });
    }
  });

  it("creates those tables and columns in the database, and the same triggers", async () => {
    const sqliteColumns = new Map<string, string[]>();
    for (const table of tablesOf(sqliteSchema).values()) {
      const { name, columns } = outline(table) as { name: string; columns: { name: string }[] };
      sqliteColumns.set(name, columns.map((column) => column.name).sort());
    }
    const { rows } = await dbs.pool.query<{ table_name: string; column_name: string }>(
      "select table_name, column_name from information_schema.columns where table_schema = 'public' order by column_name",
    );
    const pgColumns = new Map<string, string[]>();
    for (const row of rows) pgColumns.set(row.table_name, [...(pgColumns.get(row.table_name) ?? []), row.column_name]);
    expect(pgColumns).toEqual(sqliteColumns);

    const triggers = dbs.sqlite.prepare("select name from sqlite_master where type = 'trigger' order by name").all();
    const pgTriggers = await dbs.pool.query<{ name: string }>("select distinct trigger_name as name from information_schema.triggers order by name");
    expect(pgTriggers.rows).toEqual(triggers);
    expect(triggers).toHaveLength(5);
  });

  it("refuses a span or a segment ending past its document's text, as SQLite does", async () => {
    await refusedByBoth(span(1, 0, 12), /^annotation end is past the end of the document text$/);
    await refusedByBoth(segment(1, 5, 12), /^segment end is past the end of the document text$/);
    await acceptedByBoth(span(1, 0, 11));
    await acceptedByBoth(segment(1, 0, 11));
    // Moving an existing span or segment past the end is refused too.
    await refusedByBoth(`update annotations set "end" = 20 where document_id = 1`, /^annotation end is past the end of the document text$/);
    await refusedByBoth(`update segments set "end" = 20 where document_id = 1`, /^segment end is past the end of the document text$/);
  });

  it("keeps a document's text frozen but lets its other fields change", async () => {
    await refusedByBoth(`update documents set text = 'Hello there' where id = 1`, /^document text is frozen after import$/);
    await refusedByBoth(`update documents set char_count = 11 where id = 1`, /^document text is frozen after import$/);
    await acceptedByBoth(`update documents set title = 'Renamed' where id = 1`);
  });

  it("measures text in code points, as SQLite does, so a span may end at the last emoji", async () => {
    const lengths = await dbs.rows("select length(text) as n from documents where id = 2");
    const pgLengths = await dbs.pool.query<{ n: number }>("select char_length(text) as n from documents where id = 2");
    expect(lengths.sqlite).toEqual([{ n: 6 }]);
    expect(pgLengths.rows).toEqual([{ n: 6 }]);
    await acceptedByBoth(span(2, 3, 6)); // the two globes and "!"
    await refusedByBoth(span(2, 3, 7), /^annotation end is past the end of the document text$/);
    await refusedByBoth(span(2, 3, 8), /^annotation end is past the end of the document text$/); // 8 UTF-16 units
  });

  it("refuses a span or a segment that starts at or after its end, or before 0", async () => {
    await refusedByBoth(span(1, 4, 4), /CHECK constraint failed: annotations_offsets_check/, /violates check constraint "annotations_offsets_check"/);
    await refusedByBoth(span(1, 5, 4), /CHECK constraint failed: annotations_offsets_check/, /violates check constraint "annotations_offsets_check"/);
    await refusedByBoth(span(1, -1, 4), /CHECK constraint failed: annotations_offsets_check/, /violates check constraint "annotations_offsets_check"/);
    await refusedByBoth(segment(1, -1, 4), /CHECK constraint failed: segments_offsets_check/, /violates check constraint "segments_offsets_check"/);
    await refusedByBoth(
      `insert into suggestion_decisions (project_id, document_id, user_id, key, decision) values (1, 1, 1, 'x:1', 'rejected')`,
      /CHECK constraint failed: suggestion_decisions_key_check/,
      /violates check constraint "suggestion_decisions_key_check"/,
    );
  });

  it("refuses a duplicate under a unique index, folding ASCII case only, as SQLite's lower() does", async () => {
    await refusedByBoth(
      `insert into outlets (id, name) values (2, 'WIRE')`,
      /UNIQUE constraint failed: index 'outlets_name_unique'/,
      /unique constraint "outlets_name_unique"/,
    );
    await acceptedByBoth(`insert into outlets (id, name) values (3, 'Élan'); insert into outlets (id, name) values (4, 'élan')`);
    await acceptedByBoth(`insert into assignments (project_id, document_id, user_id) values (1, 1, 1)`);
    await refusedByBoth(
      `insert into assignments (project_id, document_id, user_id, status) values (1, 1, 1, 'submitted')`,
      /UNIQUE constraint failed: assignments.document_id, assignments.user_id/,
      /unique constraint "assignments_document_user_unique"/,
    );
  });

  it("deletes, keeps or empties the rows that point at a deleted row, as SQLite does", async () => {
    const count = (table: string): Promise<{ sqlite: unknown[]; pg: unknown[] }> => dbs.rows(`select cast(count(*) as integer) as n from ${table}`);
    // restrict: an outlet with documents stays.
    await refusedByBoth(`delete from outlets where id = 1`, /FOREIGN KEY constraint failed/, /violates foreign key constraint/);
    // set null: the project outlives the user who created it.
    await acceptedByBoth(`delete from users where id = 2`);
    expect(await dbs.rows("select created_by from projects where id = 1")).toEqual({ sqlite: [{ created_by: null }], pg: [{ created_by: null }] });
    // cascade: deleting the project deletes its documents, their spans, segments and assignments.
    expect(await count("annotations")).toEqual({ sqlite: [{ n: 2 }], pg: [{ n: 2 }] });
    await acceptedByBoth(`delete from projects where id = 1`);
    for (const table of ["documents", "annotations", "segments", "assignments"]) {
      expect(await count(table)).toEqual({ sqlite: [{ n: 0 }], pg: [{ n: 0 }] });
    }
  });

  it("reads a row back through drizzle as the same JavaScript values", async () => {
    await acceptedByBoth(`insert into projects (id, name, settings) values (5, 'Values', '{"blind":true}')`);
    const at = new Date(1_700_000_000_123);
    dbs.sqliteDb.update(sqliteSchema.projects).set({ createdAt: at }).where(eq(sqliteSchema.projects.id, 5)).run();
    await dbs.pgDb.update(pgSchema.projects).set({ createdAt: at }).where(eq(pgSchema.projects.id, 5));
    const fromSqlite = dbs.sqliteDb.select().from(sqliteSchema.projects).where(eq(sqliteSchema.projects.id, 5)).get();
    const [fromPg] = await dbs.pgDb.select().from(pgSchema.projects).where(eq(pgSchema.projects.id, 5));
    expect(fromSqlite).toMatchObject({ createdAt: at, isDemo: false, suggestionsEnabled: true, suggestionCues: [], settings: { blind: true } });
    expect(fromPg).toEqual(fromSqlite);
  });
});
