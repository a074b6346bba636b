// The data layer is asynchronous so the same code can run on an asynchronous database driver.
// On SQLite the queries still execute on one better-sqlite3 connection, through drizzle's
// sqlite-proxy driver: every query is awaited, waits at the gate while another context's
// transaction is open, and reuses a prepared statement per SQL text (drizzle's own
// better-sqlite3 session prepares each statement afresh on every call).
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle, type SqliteRemoteDatabase } from "drizzle-orm/sqlite-proxy";
import type { TransactionGate } from "./gate";
import * as schema from "./schema";

export type AsyncDB = SqliteRemoteDatabase<typeof schema>;
type Method = "run" | "all" | "values" | "get";

/** What a `run` answers: how many rows changed (drizzle's proxy passes this through as is). */
export interface RunResult {
  rows: unknown[];
  changes: number;
  lastInsertRowid: number | bigint;
}

const STATEMENT_CACHE_SIZE = 500;

function statementCache(sqlite: Database.Database): (text: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (text) => {
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = sqlite.prepare(text);
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      statements.set(text, statement);
    }
    return statement;
  };
}

function execute(statement: Database.Statement, params: unknown[], method: Method): { rows: unknown } {
  if (method === "run") {
    const info = statement.run(...params);
    return { rows: [], changes: info.changes, lastInsertRowid: info.lastInsertRowid } as RunResult;
  }
  if (!statement.reader) {
    statement.run(...params);
    return { rows: method === "get" ? undefined : [] };
  }
  statement.raw(true);
  return { rows: method === "get" ? statement.get(...params) : statement.all(...params) };
}

/** A drizzle database whose queries run on `sqlite`, one transaction at a time through `gate`. */
export function asyncDatabase(sqlite: Database.Database, gate: TransactionGate): AsyncDB {
  const prepare = statementCache(sqlite);
  const db = drizzle(
    async (text, params, method) => {
      while (gate.mustWait()) await gate.clear();
      return execute(prepare(text), params, method) as { rows: unknown[] };
    },
    { schema },
  );
  const begin = db.transaction.bind(db);
  let savepoints = 0;
  db.transaction = async (body, config) => {
    if (!gate.holds()) return gate.exclusive(() => begin(body, config));
    // Called again from inside the open transaction: nest as a savepoint, as better-sqlite3 did.
    const name = sql.raw(`nested_${++savepoints}`);
    await db.run(sql`savepoint ${name}`);
    try {
      const result = await body(db as unknown as Parameters<typeof body>[0]);
      await db.run(sql`release savepoint ${name}`);
      return result;
    } catch (error) {
      await db.run(sql`rollback to savepoint ${name}`);
      await db.run(sql`release savepoint ${name}`);
      throw error;
    }
  };
  return db;
}
