// Sign-in throttling: the counters in the login_throttle table, the rules in
// lib/login-throttle, and throttledSignIn, which runs one attempt through both.
//  - The username's counters (from this address, and from everywhere) count an attempt
//    before its password is checked, in one transaction with the check, so attempts sent
//    together cannot slip past a pause; a right password clears them.
//  - The address's counter counts wrong passwords only, after they are checked, so a
//    right password never adds to it; address-gate.ts keeps bursts within its ceiling.
import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { getDb, type DB } from "@/db";
import { loginThrottle } from "@/db/schema";
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
import { enterAddressGate } from "./address-gate";

type Tx = Pick<DB, "select" | "insert" | "delete">;
export type ThrottleKeys = Record<ThrottleScope, string>;

/** The three counters an attempt touches. An address never contains a space. */
export function throttleKeys(username: string, address: string): ThrottleKeys {
  const bucket = addressBucket(address);
  return { pair: `pair:${bucket} ${username}`, address: `addr:${bucket}`, username: `name:${username}` };
}

function loadState(tx: Tx, key: string): ThrottleState | null {
  const row = tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (row === undefined) return null;
  return { failures: row.failures, lastFailureAt: row.lastFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null };
}

function saveState(tx: Tx, key: string, state: ThrottleState | null): void {
  if (state === null) {
    tx.delete(loginThrottle).where(eq(loginThrottle.key, key)).run();
    return;
  }
  const values = {
    failures: state.failures,
    lastFailureAt: new Date(state.lastFailureAt),
    lockedUntil: state.lockedUntil === null ? null : new Date(state.lockedUntil),
  };
  tx.insert(loginThrottle)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottle.key, set: values })
    .run();
}

// Counters nobody has failed on for longer than any rule remembers, and not paused, are
// dropped, so a sprayer's thousands of made-up usernames do not pile up.
function pruneStale(tx: Tx, now: number, policy: LoginThrottlePolicy): void {
  const keepMs = Math.max(...Object.values(policy).map((rule) => Math.max(rule.forgetAfterMs, rule.lockMs)));
  const stale = and(
    lt(loginThrottle.lastFailureAt, new Date(now - keepMs)),
    or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, new Date(now))),
  );
  tx.delete(loginThrottle).where(stale).run();
}

const immediate = { behavior: "immediate" } as const;

type Begun = { allowed: false; retryAfterMs: number; scope: ThrottleScope } | { allowed: true; delayMs: number };

/** Checks an attempt and, when it may go ahead, counts it on the username's two counters. */
export function beginLoginAttempt(keys: ThrottleKeys, now = Date.now(), policy = DEFAULT_LOGIN_POLICY): Begun {
  return getDb().transaction((tx): Begun => {
    pruneStale(tx, now, policy);
    const plan = planAttempt({ pair: loadState(tx, keys.pair), address: loadState(tx, keys.address), username: loadState(tx, keys.username) }, now, policy);
    if (!plan.allowed) return plan;
    saveState(tx, keys.pair, plan.next.pair);
    saveState(tx, keys.username, plan.next.username);
    return { allowed: true, delayMs: plan.delayMs };
  }, immediate);
}

/** A wrong password (or unknown username): the address counts it too. Returns the tries left. */
export function loginFailed(keys: ThrottleKeys, now = Date.now(), policy = DEFAULT_LOGIN_POLICY): { triesLeft: number; pauseMs: number } {
  return getDb().transaction((tx) => {
    const address = recordFailure(loadState(tx, keys.address), now, policy.address);
    saveState(tx, keys.address, address);
    return triesLeft({ pair: loadState(tx, keys.pair), address, username: null }, now, policy);
  }, immediate);
}

/** The right password: the username's counters start again; the address's are left alone. */
export function loginSucceeded(keys: ThrottleKeys): void {
  getDb()
    .delete(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.pair, keys.username]))
    .run();
}

/** The right password for a disabled account: not a guess, so its attempt is taken back. */
export function loginNotAGuess(keys: ThrottleKeys, policy = DEFAULT_LOGIN_POLICY): void {
  getDb().transaction((tx) => {
    saveState(tx, keys.pair, releaseAttempt(loadState(tx, keys.pair), policy.pair));
    saveState(tx, keys.username, releaseAttempt(loadState(tx, keys.username), policy.username));
  }, immediate);
}

function addressRoom(key: string, now: number, policy: LoginThrottlePolicy): number {
  return failuresLeft(loadState(getDb(), key), now, policy.address);
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
  const leave = await enterAddressGate(keys.address, () => addressRoom(keys.address, now(), policy));
  try {
    const begun = beginLoginAttempt(keys, now(), policy);
    if (!begun.allowed) return { status: "paused", retryAfterMs: begun.retryAfterMs, scope: begun.scope };
    if (begun.delayMs > 0) await sleep(begun.delayMs);
    const result = await verify();
    if (result.status === "invalid") return { status: "invalid", ...loginFailed(keys, now(), policy) };
    if (result.status === "disabled") loginNotAGuess(keys, policy);
    else loginSucceeded(keys);
    return result;
  } finally {
    leave();
  }
}
