// The PostgreSQL driver behind the same database object the app uses on SQLite (db/index.ts).
// - A pool of node-postgres connections; the first query waits until db/pg/migrations are applied.
// - A transaction holds one connection. Every query made while it is open, in its async context,
//   runs on that connection, whether it goes through the `tx` handed to the body or through
//   getDb() (as on SQLite, where the gate gives the same guarantee); a nested one is a savepoint.
// - Raw SQL (`db.all`, `db.get`, `db.values`, `db.run`) answers as better-sqlite3 does: rows as
//   arrays, times as milliseconds, booleans as 1/0, JSON as its text; so the few raw queries read
//   their rows the same way on both databases.
import { AsyncLocalStorage } from "node:async_hooks";
import type { SQLWrapper } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { AsyncDB, RunResult } from "../sqlite-async";
import { migratePostgres } from "./migrate";
import * as schema from "./schema";

type PgDatabase = NodePgDatabase<typeof schema>;
type Client = pg.Pool | pg.PoolClient;

interface Scope {
  db: PgDatabase;
  client: pg.PoolClient;
  savepoints: number;
}

// Counts and sums come back as int8/numeric, which node-postgres leaves as strings; SQLite
// answers numbers. Every id and count here fits a double exactly.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

const parseTimestamp = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ) as (text: string) => Date;
const RAW_PARSERS: Record<number, (text: string) => unknown> = {
  [pg.types.builtins.TIMESTAMPTZ]: (text) => parseTimestamp(text).getTime(),
  [pg.types.builtins.BOOL]: (text) => (text === "t" ? 1 : 0),
  [pg.types.builtins.JSONB]: (text) => text,
  [pg.types.builtins.JSON]: (text) => text,
};
const rawTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    RAW_PARSERS[oid] ?? pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

export interface PgHandle {
  url: string;
  db: AsyncDB;
  pool: pg.Pool;
  /** Resolves once the schema is migrated; rejects (and every query with it) when it cannot be. */
  ready: Promise<void>;
  close: () => Promise<void>;
}

/** A pool whose connections are handed out only once the migrations are in. */
class MigratedPool extends pg.Pool {
  ready: Promise<void> = Promise.resolve();

  override async connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | void {
    if (callback) {
      this.ready.then(
        () => super.connect(callback),
        (error: Error) => callback(error, undefined, () => undefined),
      );
      return;
    }
    return this.ready.then(() => super.connect());
  }
}

export function openPostgres(url: string, options: { max?: number } = {}): PgHandle {
  const pool = new MigratedPool({ connectionString: url, max: options.max ?? Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection that dies (server restart, network) must not take the process with it.
  pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const migrator = new pg.Pool({ connectionString: url, max: 1 });
  const ready = migratePostgres(migrator)
    .catch((error: Error) => {
      throw new Error(`The PostgreSQL database at ${withoutPassword(url)} could not be prepared: ${error.message}`, { cause: error });
    })
    .finally(() => migrator.end());
  pool.ready = ready;
  ready.catch(() => undefined); // reported by the first query that awaits it
  const root = drizzle(pool, { schema });
  const dialect = new PgDialect();
  const scope = new AsyncLocalStorage<Scope>();

  const raw = async (query: SQLWrapper, rowMode?: "array"): Promise<pg.QueryResult> => {
    const { sql, params } = dialect.sqlToQuery(query.getSQL());
    const client: Client = scope.getStore()?.client ?? pool;
    if (rowMode === "array") return await client.query({ text: sql, values: params, rowMode, types: rawTypes });
    return await client.query({ text: sql, values: params, types: rawTypes });
  };

  const transaction = async <T>(body: (tx: AsyncDB) => Promise<T>): Promise<T> => {
    const open = scope.getStore();
    if (open) return await savepoint(open, () => body(facade));
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query("begin");
      const result = await scope.run({ db: drizzle(client, { schema }), client, savepoints: 0 }, () => body(facade));
      await client.query("commit");
      return result;
    } catch (error) {
      await client.query("rollback").catch(() => (broken = true));
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: the pool drops it rather than reuse it.
      client.release(broken);
    }
  };

  const methods: Record<string, unknown> = {
    transaction,
    all: async (query: SQLWrapper) => (await raw(query, "array")).rows,
    values: async (query: SQLWrapper) => (await raw(query, "array")).rows,
    get: async (query: SQLWrapper) => (await raw(query, "array")).rows[0],
    run: async (query: SQLWrapper): Promise<RunResult> => {
      const result = await raw(query);
      return { rows: [], changes: result.rowCount ?? 0, lastInsertRowid: 0 };
    },
  };

  // Every other property (select, insert, update, delete, query, …) of the open transaction's
  // database when there is one in this async context, else of the pool's.
  const facade = new Proxy(root, {
    get(_target, property) {
      if (typeof property === "string" && property in methods) return methods[property];
      const current = scope.getStore()?.db ?? root;
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  }) as unknown as AsyncDB;

  return { url, db: facade, pool, ready, close: () => pool.end() };
}

function withoutPassword(url: string): string {
  try {
    const shown = new URL(url);
    shown.password = "";
    return shown.toString();
  } catch {
    return "DATABASE_URL";
  }
}

async function savepoint<T>(open: Scope, body: () => Promise<T>): Promise<T> {
  const name = `nested_${++open.savepoints}`;
  await open.client.query(`savepoint ${name}`);
  try {
    const result = await body();
    await open.client.query(`release savepoint ${name}`);
    return result;
  } catch (error) {
    await open.client.query(`rollback to savepoint ${name}`);
    await open.client.query(`release savepoint ${name}`);
    throw error;
  }
}
