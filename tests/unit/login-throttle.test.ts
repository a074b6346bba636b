import { describe, expect, it } from "vitest";
import { combineDecisions, decideAttempt, DEFAULT_THROTTLE_POLICY as P, recordFailure, type ThrottleState } from "../../lib/login-throttle";

function failTimes(n: number, now: number): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = recordFailure(state, now);
  return state;
}

describe("login throttling policy", () => {
  const now = 1_700_000_000_000;

  it("lets the first attempts through without delay", () => {
    expect(decideAttempt(null, now)).toEqual({ allowed: true, delayMs: 0 });
    expect(decideAttempt(failTimes(P.slowAfter - 1, now), now)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("slows down attempts after a few failures, doubling up to a cap", () => {
    expect(decideAttempt(failTimes(P.slowAfter, now), now)).toEqual({ allowed: true, delayMs: P.baseDelayMs });
    expect(decideAttempt(failTimes(P.slowAfter + 1, now), now)).toEqual({ allowed: true, delayMs: P.baseDelayMs * 2 });
    expect(decideAttempt(failTimes(P.lockAfter - 1, now), now)).toEqual({ allowed: true, delayMs: P.maxDelayMs });
  });

  it("refuses attempts for a while after many failures, then allows them again", () => {
    const locked = failTimes(P.lockAfter, now);
    expect(decideAttempt(locked, now + 1000)).toEqual({ allowed: false, retryAfterMs: P.lockMs - 1000 });
    expect(decideAttempt(locked, now + P.lockMs + 1).allowed).toBe(true);
    // A failure after the lock has expired starts counting from one again.
    expect(recordFailure(locked, now + P.lockMs + 1).failures).toBe(1);
  });

  it("forgets failures after a quiet period", () => {
    const state = failTimes(P.slowAfter + 2, now);
    expect(decideAttempt(state, now + P.forgetAfterMs + 1)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("takes the strictest answer across username and address", () => {
    expect(combineDecisions([{ allowed: true, delayMs: 100 }, { allowed: true, delayMs: 400 }])).toEqual({ allowed: true, delayMs: 400 });
    expect(combineDecisions([{ allowed: true, delayMs: 0 }, { allowed: false, retryAfterMs: 5 }])).toEqual({ allowed: false, retryAfterMs: 5 });
  });
});
