// Sign-in throttling: the counters in the login_throttle table, the rules in
// lib/login-throttle, and throttledSignIn, which runs one attempt through both.
//  - The username's counters (from this address, and from everywhere) count an attempt
//    before its password is checked, in one transaction with the check, so attempts sent
//    together cannot slip past a pause; a right password clears them.
//  - The address's counter counts wrong passwords only, after they are checked, so a
//    right password never adds to it; address-gate.ts keeps bursts within its ceiling.
import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type Database from "better-sqlite3";
import { getDb, withSqlite, type DB } from "@/db";
import { loginThrottle } from "@/db/tables";
import { addressBucket } from "@/lib/client-address";
import {
  DEFAULT_LOGIN_POLICY,
  failuresLeft,
  planAttempt,
  recordFailure,
  releaseAttempt,
  triesLeft,
  type LoginThrottlePolicy,
  type ThrottleScope,
  type ThrottleState,
} from "@/lib/login-throttle";
import type { CredentialCheck } from "./users";
import { enterAddressGate, type RoomCheck } from "./address-gate";
import { first } from "@/db/rows";

type Tx = Pick<DB, "select" | "insert" | "delete">;
export type ThrottleKeys = Record<ThrottleScope, string>;

/** The three counters an attempt touches. An address never contains a space. */
export function throttleKeys(username: string, address: string): ThrottleKeys {
  const bucket = addressBucket(address);
  return { pair: `pair:${bucket} ${username}`, address: `addr:${bucket}`, username: `name:${username}` };
}

async function loadState(tx: Tx, key: string): Promise<ThrottleState | null> {
  const row = await first(tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)));
  if (row === undefined) return null;
  return { failures: row.failures, lastFailureAt: row.lastFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null };
}

async function saveState(tx: Tx, key: string, state: ThrottleState | null): Promise<void> {
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

// Counters nobody has failed on for longer than any rule remembers, and not paused, are
// dropped, so a sprayer's thousands of made-up usernames do not pile up.
async function pruneStale(tx: Tx, now: number, policy: LoginThrottlePolicy): Promise<void> {
  const keepMs = Math.max(...Object.values(policy).map((rule) => Math.max(rule.forgetAfterMs, rule.lockMs)));
  const stale = and(
    lt(loginThrottle.lastFailureAt, new Date(now - keepMs)),
    or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, new Date(now))),
  );
  await tx.delete(loginThrottle).where(stale);
}

const immediate = { behavior: "immediate" } as const;

type Begun = { allowed: false; retryAfterMs: number; scope: ThrottleScope } | { allowed: true; delayMs: number };

/** Checks an attempt and, when it may go ahead, counts it on the username's two counters. */
export async function beginLoginAttempt(keys: ThrottleKeys, now = Date.now(), policy = DEFAULT_LOGIN_POLICY): Promise<Begun> {
  return await getDb().transaction(async (tx): Promise<Begun> => {
    await pruneStale(tx, now, policy);
    const states = { pair: await loadState(tx, keys.pair), address: await loadState(tx, keys.address), username: await loadState(tx, keys.username) };
    const plan = planAttempt(states, now, policy);
    if (!plan.allowed) return plan;
    await saveState(tx, keys.pair, plan.next.pair);
    await saveState(tx, keys.username, plan.next.username);
    return { allowed: true, delayMs: plan.delayMs };
  }, immediate);
}

/** A wrong password (or unknown username): the address counts it too. Returns the tries left. */
export async function loginFailed(keys: ThrottleKeys, now = Date.now(), policy = DEFAULT_LOGIN_POLICY): Promise<{ triesLeft: number; pauseMs: number }> {
  return await getDb().transaction(async (tx) => {
    const address = recordFailure(await loadState(tx, keys.address), now, policy.address);
    await saveState(tx, keys.address, address);
    return triesLeft({ pair: await loadState(tx, keys.pair), address, username: null }, now, policy);
  }, immediate);
}

/** The right password: the username's counters start again; the address's are left alone. */
export async function loginSucceeded(keys: ThrottleKeys): Promise<void> {
  await getDb()
    .delete(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.pair, keys.username]));
}

/** The right password for a disabled account: not a guess, so its attempt is taken back. */
export async function loginNotAGuess(keys: ThrottleKeys, policy = DEFAULT_LOGIN_POLICY): Promise<void> {
  await getDb().transaction(async (tx) => {
    await saveState(tx, keys.pair, releaseAttempt(await loadState(tx, keys.pair), policy.pair));
    await saveState(tx, keys.username, releaseAttempt(await loadState(tx, keys.username), policy.username));
  }, immediate);
}

// Read on the raw connection, inside withSqlite's synchronous step, so the gate decides on
// the count as it stands (an awaited query would let a failure land before the decision).
function readAddressState(sqlite: Database.Database, key: string): ThrottleState | null {
  const row = sqlite.prepare("select failures, last_failure_at, locked_until from login_throttle where key = ?").get(key) as
    { failures: number; last_failure_at: number; locked_until: number | null } | undefined;
  if (row === undefined) return null;
  return { failures: row.failures, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
}

function addressRoom(key: string, now: () => number, policy: LoginThrottlePolicy): RoomCheck {
  return (decide) => withSqlite((sqlite) => decide(failuresLeft(readAddressState(sqlite, key), now(), policy.address)));
}

export type ThrottledSignIn =
  | { status: "paused"; retryAfterMs: number; scope: ThrottleScope }
  | { status: "invalid"; triesLeft: number; pauseMs: number }
  | { status: "disabled" }
  | { status: "ok"; userId: number };

export interface ThrottleOptions {
  now?: () => number;
  policy?: LoginThrottlePolicy;
  /** How a delay is served; tests pass one that records it instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One sign-in attempt under every rule: waits for a place among the address's attempts,
 * is refused during a pause, waits out any delay, then checks the password with `verify`.
 * Unknown usernames must come back from `verify` as "invalid", exactly like wrong passwords.
 */
export async function throttledSignIn(
  username: string,
  address: string,
  verify: () => Promise<CredentialCheck>,
  { now = Date.now, policy = DEFAULT_LOGIN_POLICY, sleep = realSleep }: ThrottleOptions = {},
): Promise<ThrottledSignIn> {
  const keys = throttleKeys(username, address);
  const leave = await enterAddressGate(keys.address, addressRoom(keys.address, now, policy));
  try {
    const begun = await beginLoginAttempt(keys, now(), policy);
    if (!begun.allowed) return { status: "paused", retryAfterMs: begun.retryAfterMs, scope: begun.scope };
    if (begun.delayMs > 0) await sleep(begun.delayMs);
    const result = await verify();
    if (result.status === "invalid") return { status: "invalid", ...(await loginFailed(keys, now(), policy)) };
    if (result.status === "disabled") await loginNotAGuess(keys, policy);
    else await loginSucceeded(keys);
    return result;
  } finally {
    leave();
  }
}
