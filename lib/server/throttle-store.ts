// The login_throttle counters as rows, and how their readers and writers are kept apart.
// A counter is read, judged and written back (lib/login-throttle), so two attempts on the same
// counter must not both read the old count:
//  - SQLite: one transaction at a time (the transaction gate); nothing more is needed.
//  - PostgreSQL: a transaction first takes a transaction-scoped advisory lock per counter it
//    will read and write (lockCounters). Unlike `select … for update`, that also holds a
//    counter whose row does not exist yet, so two first failures cannot both insert "1". Locks
//    are taken in one global order, so two attempts sharing counters cannot deadlock.
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DB } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { first } from "@/db/rows";
import { loginThrottle } from "@/db/tables";
import type { LoginThrottlePolicy, ThrottleState } from "@/lib/login-throttle";

type Tx = Pick<DB, "select" | "insert" | "delete" | "run">;

// The first key of pg_advisory_xact_lock(int, int), so these locks never meet another
// feature's; the second is the counter's hash. ("thrt" in ASCII.)
const LOCK_SPACE = 0x74687274;

/** A 32-bit FNV-1a hash of the key, as a signed int (PostgreSQL's integer). */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * Holds these counters until the transaction ends (PostgreSQL; on SQLite the gate already
 * does). Taken in ascending hash order: a shared hash is one lock, taken once.
 */
export async function lockCounters(tx: Tx, keys: readonly string[]): Promise<void> {
  if (!usesPostgres()) return;
  for (const h of [...new Set(keys.map(hash))].sort((a, b) => a - b)) await tx.run(sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${h})`);
}

export async function loadState(tx: Pick<DB, "select">, key: string): Promise<ThrottleState | null> {
  const row = await first(tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)));
  if (row === undefined) return null;
  return { failures: row.failures, lastFailureAt: row.lastFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null };
}

export async function saveState(tx: Tx, key: string, state: ThrottleState | null): Promise<void> {
  if (state === null) {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
    return;
  }
  const values = {
    failures: state.failures,
    lastFailureAt: new Date(state.lastFailureAt),
    lockedUntil: state.lockedUntil === null ? null : new Date(state.lockedUntil),
  };
  await tx
    .insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values });
}

/**
 * Drops counters nobody has failed on for longer than any rule remembers, and not paused, so
 * a sprayer's thousands of made-up usernames do not pile up. On PostgreSQL it passes over rows
 * another attempt holds (`skip locked`), so it never waits for anyone: it cannot take part in
 * a deadlock, and a row it skips goes next time.
 */
export async function pruneStale(db: Tx, now: number, policy: LoginThrottlePolicy): Promise<void> {
  const keepMs = Math.max(...Object.values(policy).map((rule) => Math.max(rule.forgetAfterMs, rule.lockMs)));
  const stale = and(
    lt(loginThrottle.lastFailureAt, new Date(now - keepMs)),
    or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, new Date(now))),
  );
  const skipLocked = usesPostgres() ? sql` for update skip locked` : sql``;
  await db.run(sql`delete from ${loginThrottle} where ${loginThrottle.key} in (select ${loginThrottle.key} from ${loginThrottle} where ${stale}${skipLocked})`);
}
