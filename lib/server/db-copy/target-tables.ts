// What the copy does to the target's tables around the rows themselves, inside its transaction:
// lock them, refuse (or with --replace empty) a target that holds data, and afterwards move
// each identity sequence past the largest copied id.
import { sql } from "drizzle-orm";
import { CopyError } from "./errors";
import type { TargetDb } from "./rows";
import type { CopyTable } from "./tables";

const tableList = (tables: CopyTable[]) =>
  sql.join(
    tables.map((t) => sql`${t.pg}`),
    sql`, `,
  );

/** The app tables that hold at least one row. */
export async function tablesWithRows(target: TargetDb, tables: CopyTable[]): Promise<string[]> {
  const held: string[] = [];
  for (const table of tables) {
    const any = await target
      .select({ one: sql`1` })
      .from(table.pg)
      .limit(1);
    if (any.length > 0) held.push(table.name);
  }
  return held;
}

/**
 * Locks every app table against writers for the rest of the transaction (readers go on), then
 * checks the target is empty, or empties it when `replace` is set. An app instance already
 * running on the target waits for the copy instead of writing between the check and the rows.
 */
export async function prepareTarget(target: TargetDb, tables: CopyTable[], replace: boolean): Promise<void> {
  await target.execute(sql`lock table ${tableList(tables)} in exclusive mode`);
  if (replace) {
    await target.execute(sql`truncate table ${tableList(tables)} restart identity cascade`);
    return;
  }
  const held = await tablesWithRows(target, tables);
  if (held.length > 0) {
    throw new CopyError(
      `The target database already holds rows (in ${held.join(", ")}); nothing was copied. ` +
        "Run again with --replace to empty every app table first (in the same transaction as the copy, so a failed copy leaves the rows as they are).",
    );
  }
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Moves each identity sequence so the app's next insert gets the id after the largest copied one. */
export async function resetSequences(target: TargetDb, tables: CopyTable[]): Promise<void> {
  for (const table of tables) {
    if (table.identity === null) continue;
    const id = sql.identifier(table.identity);
    // An empty table restarts at 1: setval(…, 1, false) makes 1 the next value.
    await target.execute(
      sql`select setval(pg_get_serial_sequence(${quoted(table.name)}, ${table.identity}), coalesce(max(${id}), 1), max(${id}) is not null) from ${table.pg}`,
    );
  }
}
