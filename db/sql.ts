// SQL fragments whose spelling differs between SQLite and PostgreSQL, for the few queries the
// query builder cannot express. Each answers the same values on both (see db/pg/connect.ts for
// how raw rows are read: times as milliseconds, booleans as 1/0, JSON as text).
import { type AnyColumn, type SQL, sql } from "drizzle-orm";
import { usesPostgres } from "./dialect";

/** A JSON object column's member `key` as text (null when absent). */
export function jsonText(column: AnyColumn | SQL, key: string): SQL<string | null> {
  if (usesPostgres()) return sql<string | null>`(${column} ->> ${key})`;
  return sql<string | null>`cast(json_extract(${column}, ${`$.${key}`}) as text)`;
}

/**
 * A list of integer ids as a one-column subquery, for `x in ${idsIn(ids)}`: the list travels as
 * one JSON parameter, so the statement's text (and its prepared plan) is the same for any length.
 */
export function idsIn(ids: readonly number[]): SQL {
  const list = JSON.stringify(ids);
  if (usesPostgres()) return sql`(select cast(value as integer) from jsonb_array_elements_text(cast(${list} as jsonb)) as value)`;
  return sql`(select value from json_each(${list}))`;
}
