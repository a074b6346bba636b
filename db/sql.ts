// SQL fragments whose spelling differs between SQLite and PostgreSQL, for the queries the query
// builder cannot express, and the read snapshot. Each fragment answers the same values on both
// (see db/pg/connect.ts for how raw rows are read: times as milliseconds, booleans as 1/0, JSON as text).
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { usesPostgres } from "./dialect";
import { getDb } from "./index";

/** A JSON object column's member `key` as text (null when absent). */
export function jsonText(column: AnyColumn | SQL, key: string): SQL<string | null> {
  if (usesPostgres()) return sql<string | null>`(${column} ->> ${key})`;
  return sql<string | null>`cast(json_extract(${column}, ${`$.${key}`}) as text)`;
}

const intArray = (ids: readonly number[]): string => `{${ids.join(",")}}`;

/**
 * A list of integer ids as a one-column subquery, for `x in ${idsIn(ids)}` or a CTE: the list
 * travels as one parameter, so the statement's text (and its prepared plan) is the same for any
 * length. PostgreSQL gets an integer array, whose length its planner sees (for a JSON set function
 * it guesses 100 rows, and then scanned whole tables).
 */
export function idsIn(ids: readonly number[]): SQL {
  if (usesPostgres()) return sql`(select unnest(cast(${intArray(ids)} as integer[])))`;
  return sql`(select value from json_each(${JSON.stringify(ids)}))`;
}

/** `column in (ids)`, one parameter whatever the list holds; PostgreSQL's `= any` of an array reads the index. */
export function inIds(column: AnyColumn | SQL, ids: readonly number[]): SQL {
  if (usesPostgres()) return sql`${column} = any(cast(${intArray(ids)} as integer[]))`;
  return sql`${column} in ${idsIn(ids)}`;
}

/** A list of strings as a one-column subquery (`x in ${textsIn(list)}`); one parameter whatever its length. */
export function textsIn(list: readonly string[]): SQL {
  const json = JSON.stringify(list);
  if (usesPostgres()) return sql`(select value from jsonb_array_elements_text(cast(${json} as jsonb)) as value)`;
  return sql`(select value from json_each(${json}))`;
}

/** A FROM item `e` whose column `value` holds the integers of a JSON array column, one row each (correlated: `from t, ${jsonIntegers(sql`t.c`)}`). */
export function jsonIntegers(column: AnyColumn | SQL): SQL {
  if (usesPostgres()) return sql`lateral (select cast(x.v as integer) as value from jsonb_array_elements_text(${column}) as x(v)) as e`;
  return sql`json_each(${column}) as e`;
}

/**
 * Text in byte order, as SQLite compares it: PostgreSQL would otherwise sort by the database's
 * collation (where "b" may come before "B_" and spaces are skipped), and outputs would differ.
 */
export function bytewise(column: AnyColumn | SQL): SQL {
  return usesPostgres() ? sql`${column} collate "C"` : sql`${column}`;
}

/** A JSON object column's member `key` as a number when it is a JSON integer, else null. */
export function jsonInteger(column: AnyColumn | SQL, key: string): SQL<number | null> {
  if (usesPostgres()) {
    // jsonb has one number type: an integer is a number written without fraction or exponent.
    return sql<number | null>`(case when jsonb_typeof(${column} -> ${key}) = 'number' and (${column} ->> ${key}) ~ '^-?[0-9]+$'
      then cast(${column} ->> ${key} as bigint) end)`;
  }
  const path = `$.${key}`;
  return sql<number | null>`(case when json_type(${column}, ${path}) = 'integer' then json_extract(${column}, ${path}) end)`;
}

/** Whether the JSON array at member `key` holds the integer `value` (false when there is no such array). */
export function jsonArrayHas(column: AnyColumn | SQL, key: string, value: number): SQL<boolean> {
  if (usesPostgres()) {
    return sql<boolean>`(jsonb_typeof(${column} -> ${key}) = 'array' and (${column} -> ${key}) @> to_jsonb(cast(${value} as bigint)))`;
  }
  const path = `$.${key}`;
  return sql<boolean>`(json_type(${column}, ${path}) = 'array' and exists (select 1 from json_each(${column}, ${path}) t where t.value = ${value}))`;
}

/**
 * A name folded to lower case as the case-insensitive unique keys fold it: ASCII letters only,
 * as SQLite's lower() does. On PostgreSQL lower() follows the database's locale (É → é), so the
 * text is compared in the "C" collation, the same expression as those keys' indexes.
 */
export function foldCase(value: AnyColumn | SQL | string): SQL<string> {
  if (!usesPostgres()) return sql<string>`lower(${value})`;
  if (typeof value === "string") return sql<string>`lower(cast(${value} as text) collate "C")`;
  return sql<string>`lower(${value} collate "C")`;
}

/**
 * Runs `read` (queries through getDb()) as one read-only snapshot of the database, for reads that
 * must answer each other (a comparison view; an export batch's gold state and spans).
 *  - SQLite: a transaction; the gate keeps every other transaction of this process out while it
 *    is open, and SQLite's read transaction (WAL) holds one snapshot against other processes.
 *  - PostgreSQL: a plain transaction is READ COMMITTED (a new snapshot per statement), so it asks
 *    for REPEATABLE READ, READ ONLY. Not inside another transaction: nested, it would be a
 *    savepoint, where PostgreSQL refuses SET TRANSACTION.
 */
export async function readSnapshot<T>(read: () => Promise<T>): Promise<T> {
  return await getDb().transaction(async (tx) => {
    if (usesPostgres()) await tx.run(sql`set transaction isolation level repeatable read, read only`);
    return await read();
  });
}
