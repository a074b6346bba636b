// Sign-in throttling: the counters in the login_throttle table, the rules in
// lib/login-throttle, and throttledSignIn, which runs one attempt through both.
//  - The username's counters (from this address, and from everywhere) count an attempt
//    before its password is checked, in one transaction with the check, so attempts sent
//    together cannot slip past a pause; a right password clears them.
//  - The address's counter counts wrong passwords only, after they are checked, so a
//    right password never adds to it; address-gate.ts keeps bursts within its ceiling.
import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
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
} from "@/lib/login-throttle";
import type { CredentialCheck } from "./users";
import { enterAddressGate, type RoomCheck } from "./address-gate";
import { loadState, lockCounters, pruneStale, saveState } from "./throttle-store";

export type ThrottleKeys = Record<ThrottleScope, string>;

/** The three counters an attempt touches. An address never contains a space. */
export function throttleKeys(username: string, address: string): ThrottleKeys {
  const bucket = addressBucket(address);
  return { pair: `pair:${bucket} ${username}`, address: `addr:${bucket}`, username: `name:${username}` };
}

const immediate = { behavior: "immediate" } as const;

type Begun = { allowed: false; retryAfterMs: number; scope: ThrottleScope } | { allowed: true; delayMs: number };

/** Checks an attempt and, when it may go ahead, counts it on the username's two counters. */
export async function beginLoginAttempt(keys: ThrottleKeys, now = Date.now(), policy = DEFAULT_LOGIN_POLICY): Promise<Begun> {
  await pruneStale(getDb(), now, policy);
  return await getDb().transaction(async (tx): Promise<Begun> => {
    await lockCounters(tx, [keys.pair, keys.address, keys.username]);
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
  const left = await getDb().transaction(async (tx) => {
    await lockCounters(tx, [keys.pair, keys.address]);
    const address = recordFailure(await loadState(tx, keys.address), now, policy.address);
    await saveState(tx, keys.address, address);
    return triesLeft({ pair: await loadState(tx, keys.pair), address, username: null }, now, policy);
  }, immediate);
  failureRecorded(keys.address);
  return left;
}

/** The right password: the username's counters start again; the address's are left alone. */
export async function loginSucceeded(keys: ThrottleKeys): Promise<void> {
  await getDb().transaction(async (tx) => {
    await lockCounters(tx, [keys.pair, keys.username]);
    await tx.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.pair, keys.username]));
  }, immediate);
}

/** The right password for a disabled account: not a guess, so its attempt is taken back. */
export async function loginNotAGuess(keys: ThrottleKeys, policy = DEFAULT_LOGIN_POLICY): Promise<void> {
  await getDb().transaction(async (tx) => {
    await lockCounters(tx, [keys.pair, keys.username]);
    await saveState(tx, keys.pair, releaseAttempt(await loadState(tx, keys.pair), policy.pair));
    await saveState(tx, keys.username, releaseAttempt(await loadState(tx, keys.username), policy.username));
  }, immediate);
}

// The address gate decides on the address's failures left; that count is read by an awaited
// query, during which an attempt in progress may fail and leave the gate. Deciding then on the
// count read before its failure, with that attempt no longer in progress, would let one attempt
// too many in. So failures recorded in this process are counted per address while a room check
// reads it, and the check reads again if one landed meanwhile. A failure whose count is not yet
// noted here belongs to an attempt still in progress, which the gate counts already.
const watched = new Map<string, { checks: number; failures: number }>();

function failureRecorded(key: string): void {
  const watch = watched.get(key);
  if (watch !== undefined) watch.failures += 1;
}

function addressRoom(key: string, now: () => number, policy: LoginThrottlePolicy): RoomCheck {
  return async (decide) => {
    const watch = watched.get(key) ?? { checks: 0, failures: 0 };
    watched.set(key, watch);
    watch.checks += 1;
    try {
      for (;;) {
        const before = watch.failures;
        const state = await loadState(getDb(), key);
        if (watch.failures === before) return decide(failuresLeft(state, now(), policy.address));
      }
    } finally {
      watch.checks -= 1;
      if (watch.checks === 0) watched.delete(key);
    }
  };
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
