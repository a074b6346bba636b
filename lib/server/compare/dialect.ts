// The comparison's one SQL fragment whose spelling differs between SQLite and PostgreSQL.
import { type SQL, sql } from "drizzle-orm";
import { usesPostgres } from "@/db/dialect";

/**
 * The integers of a JSON array column as a FROM item `e` with one column `value`, one row per
 * element, for `from t, ${jsonIntegers(sql`t.column`)}` (correlated to the row of t).
 */
export function jsonIntegers(column: SQL): SQL {
  if (usesPostgres()) return sql`lateral (select cast(x as integer) as value from jsonb_array_elements_text(${column}) as x) as e`;
  return sql`json_each(${column}) as e`;
}
