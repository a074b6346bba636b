// Policy for failed sign-ins, as pure functions so it can be tested without waiting.
// Three counters, each with its own rule (lib/server/throttle.ts says when each one counts):
//  - pair:     one username from one address. Slows after a few failures, then pauses.
//  - address:  one address across every username. A higher ceiling, so a sprayer that tries
//              one password on many accounts is paused too, but a shared office address is not.
//  - username: one username from every address. Only ever slows, never pauses: a pause here
//              would let anyone lock a colleague out by typing their name.
// A quiet period forgets a counter; a pause that has run out starts it again from zero.

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

export interface ThrottleRule {
  slowAfter: number;
  /** null: this counter never pauses sign-in, it only slows it. */
  lockAfter: number | null;
  baseDelayMs: number;
  maxDelayMs: number;
  lockMs: number;
  forgetAfterMs: number;
}

export type ThrottleScope = "pair" | "address" | "username";
export type LoginThrottlePolicy = Record<ThrottleScope, ThrottleRule>;
export type ThrottleStates = Record<ThrottleScope, ThrottleState | null>;

const MINUTE = 60_000;

export const DEFAULT_LOGIN_POLICY: LoginThrottlePolicy = {
  pair: { slowAfter: 3, lockAfter: 10, baseDelayMs: 250, maxDelayMs: 2000, lockMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE },
  address: { slowAfter: 20, lockAfter: 50, baseDelayMs: 250, maxDelayMs: 2000, lockMs: 15 * MINUTE, forgetAfterMs: 15 * MINUTE },
  username: { slowAfter: 10, lockAfter: null, baseDelayMs: 250, maxDelayMs: 3000, lockMs: 0, forgetAfterMs: 15 * MINUTE },
};

const SCOPES: ThrottleScope[] = ["pair", "address", "username"];

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

/** The failures that still count: none after a quiet period or once a pause has run out. */
function liveFailures(state: ThrottleState | null, now: number, rule: ThrottleRule): number {
  if (state === null) return 0;
  if (now - state.lastFailureAt > rule.forgetAfterMs) return 0;
  if (state.lockedUntil !== null && state.lockedUntil <= now) return 0;
  return state.failures;
}

function isLocked(state: ThrottleState | null, now: number, rule: ThrottleRule): state is ThrottleState & { lockedUntil: number } {
  return rule.lockAfter !== null && state?.lockedUntil != null && state.lockedUntil > now;
}

/** What one counter says about a new attempt, given the failures recorded so far. */
export function decideAttempt(state: ThrottleState | null, now: number, rule: ThrottleRule): ThrottleDecision {
  if (isLocked(state, now, rule)) return { allowed: false, retryAfterMs: state.lockedUntil - now };
  const failures = liveFailures(state, now, rule);
  if (failures < rule.slowAfter) return { allowed: true, delayMs: 0 };
  const delay = rule.baseDelayMs * 2 ** Math.min(failures - rule.slowAfter, 30);
  return { allowed: true, delayMs: Math.min(delay, rule.maxDelayMs) };
}

/** The counter after one more failure. */
export function recordFailure(state: ThrottleState | null, now: number, rule: ThrottleRule): ThrottleState {
  const failures = liveFailures(state, now, rule) + 1;
  const locks = rule.lockAfter !== null && failures >= rule.lockAfter;
  return { failures, lastFailureAt: now, lockedUntil: locks ? now + rule.lockMs : null };
}

/** Takes back one counted attempt (it turned out not to be a guess); null when nothing is left. */
export function releaseAttempt(state: ThrottleState | null, rule: ThrottleRule): ThrottleState | null {
  if (state === null || state.failures <= 1) return null;
  const failures = state.failures - 1;
  const stillLocked = rule.lockAfter !== null && failures >= rule.lockAfter;
  return { ...state, failures, lockedUntil: stillLocked ? state.lockedUntil : null };
}

/** Failures a counter still takes before it pauses sign-in; Infinity when it never pauses. */
export function failuresLeft(state: ThrottleState | null, now: number, rule: ThrottleRule): number {
  if (rule.lockAfter === null) return Number.POSITIVE_INFINITY;
  if (isLocked(state, now, rule)) return 0;
  return Math.max(0, rule.lockAfter - liveFailures(state, now, rule));
}

/** How many more failures before a pause, from the counter nearest its ceiling, and how long that pause lasts. */
export function triesLeft(states: ThrottleStates, now: number, policy = DEFAULT_LOGIN_POLICY): { triesLeft: number; pauseMs: number } {
  let least = { triesLeft: Number.POSITIVE_INFINITY, pauseMs: 0 };
  for (const scope of SCOPES) {
    const left = failuresLeft(states[scope], now, policy[scope]);
    if (left < least.triesLeft) least = { triesLeft: left, pauseMs: policy[scope].lockMs };
  }
  return least;
}

export type AttemptPlan =
  | { allowed: false; retryAfterMs: number; scope: ThrottleScope }
  | {
      allowed: true;
      delayMs: number;
      /** The counters as they will be if this attempt fails. */
      next: Record<ThrottleScope, ThrottleState>;
      /** Further failures allowed before a pause, if this attempt fails; 0: this one pauses. */
      triesLeft: number;
      /** How long that pause lasts. */
      pauseMs: number;
    };

/**
 * Decides an attempt against all three counters: refused while any of them is paused (the
 * longest pause in force is reported), else delayed by the slowest of them.
 */
export function planAttempt(states: ThrottleStates, now: number, policy = DEFAULT_LOGIN_POLICY): AttemptPlan {
  let refusal: { retryAfterMs: number; scope: ThrottleScope } | null = null;
  let delayMs = 0;
  for (const scope of SCOPES) {
    const decision = decideAttempt(states[scope], now, policy[scope]);
    if (!decision.allowed) {
      if (refusal === null || decision.retryAfterMs > refusal.retryAfterMs) refusal = { retryAfterMs: decision.retryAfterMs, scope };
    } else {
      delayMs = Math.max(delayMs, decision.delayMs);
    }
  }
  if (refusal !== null) return { allowed: false, ...refusal };
  const next = {
    pair: recordFailure(states.pair, now, policy.pair),
    address: recordFailure(states.address, now, policy.address),
    username: recordFailure(states.username, now, policy.username),
  };
  return { allowed: true, delayMs, next, ...triesLeft(next, now, policy) };
}
