// Policy for repeated failed sign-ins, as a pure function so it can be tested without waiting.
// Failures are counted per username and per client address. After a few, every attempt
// is slowed down; after more, the key is refused outright for a while. A quiet period
// forgets old failures.

export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number | null;
}

export interface ThrottlePolicy {
  slowAfter: number;
  lockAfter: number;
  baseDelayMs: number;
  maxDelayMs: number;
  lockMs: number;
  forgetAfterMs: number;
}

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  slowAfter: 3,
  lockAfter: 10,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  lockMs: 15 * 60 * 1000,
  forgetAfterMs: 15 * 60 * 1000,
};

export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterMs: number };

/** What to do with a new attempt, given the failures recorded so far for one key. */
export function decideAttempt(state: ThrottleState | null, now: number, policy = DEFAULT_THROTTLE_POLICY): ThrottleDecision {
  if (state === null) return { allowed: true, delayMs: 0 };
  if (state.lockedUntil !== null && state.lockedUntil > now) {
    return { allowed: false, retryAfterMs: state.lockedUntil - now };
  }
  const failures = now - state.lastFailureAt > policy.forgetAfterMs ? 0 : state.failures;
  if (failures < policy.slowAfter) return { allowed: true, delayMs: 0 };
  const delay = policy.baseDelayMs * 2 ** (failures - policy.slowAfter);
  return { allowed: true, delayMs: Math.min(delay, policy.maxDelayMs) };
}

/** The state after one more failure. */
export function recordFailure(state: ThrottleState | null, now: number, policy = DEFAULT_THROTTLE_POLICY): ThrottleState {
  const stale = state === null || now - state.lastFailureAt > policy.forgetAfterMs;
  const lockExpired = state?.lockedUntil != null && state.lockedUntil <= now;
  const failures = (stale || lockExpired ? 0 : state.failures) + 1;
  return {
    failures,
    lastFailureAt: now,
    lockedUntil: failures >= policy.lockAfter ? now + policy.lockMs : null,
  };
}

/** The slowest answer among several keys (username and address) decides. */
export function combineDecisions(decisions: ThrottleDecision[]): ThrottleDecision {
  let delayMs = 0;
  for (const d of decisions) {
    if (!d.allowed) return d;
    delayMs = Math.max(delayMs, d.delayMs);
  }
  return { allowed: true, delayMs };
}
