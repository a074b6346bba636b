// The sign-in throttling rules as pure functions: time is passed in, nothing waits.
import { describe, expect, it } from "vitest";
import {
  decideAttempt,
  DEFAULT_LOGIN_POLICY as P,
  planAttempt,
  recordFailure,
  releaseAttempt,
  type ThrottleRule,
  type ThrottleState,
  type ThrottleStates,
} from "@/lib/login-throttle";

const now = 1_700_000_000_000;
const NONE: ThrottleStates = { pair: null, address: null, username: null };

function failTimes(n: number, rule: ThrottleRule, at = now): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = recordFailure(state, at, rule);
  return state;
}

describe("one counter", () => {
  it("lets the first attempts through at once, then delays each one twice as long, up to a cap", () => {
    const rule = P.pair;
    const delays = Array.from({ length: rule.lockAfter! }, (_, n) => decideAttempt(failTimes(n, rule), now, rule));
    expect(delays.map((d) => (d.allowed ? d.delayMs : -1))).toEqual([0, 0, 0, 250, 500, 1000, 2000, 2000, 2000, 2000]);
  });

  it("pauses after the ceiling, reports the time left, and starts again from zero once the pause is over", () => {
    const rule = P.pair;
    const locked = failTimes(rule.lockAfter!, rule);
    expect(decideAttempt(locked, now + 1000, rule)).toEqual({ allowed: false, retryAfterMs: rule.lockMs - 1000 });
    expect(decideAttempt(locked, now + rule.lockMs, rule)).toEqual({ allowed: true, delayMs: 0 });
    expect(recordFailure(locked, now + rule.lockMs, rule).failures).toBe(1);
  });

  it("forgets failures after a quiet period", () => {
    const state = failTimes(P.pair.slowAfter + 2, P.pair);
    expect(decideAttempt(state, now + P.pair.forgetAfterMs + 1, P.pair)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("never pauses a counter without a ceiling, however many failures, and caps its delay", () => {
    const rule = P.username;
    expect(rule.lockAfter).toBeNull();
    const state = failTimes(1000, rule);
    expect(state?.lockedUntil).toBeNull();
    expect(decideAttempt(state, now, rule)).toEqual({ allowed: true, delayMs: rule.maxDelayMs });
  });

  it("takes back one attempt, lifting a pause that attempt had started", () => {
    const rule = P.address;
    const paused = failTimes(rule.lockAfter!, rule);
    expect(decideAttempt(paused, now, rule).allowed).toBe(false);
    const released = releaseAttempt(paused, rule);
    expect(released).toEqual({ failures: rule.lockAfter! - 1, lastFailureAt: now, lockedUntil: null });
    expect(decideAttempt(released, now, rule).allowed).toBe(true);
    expect(releaseAttempt(failTimes(1, rule), rule)).toBeNull();
  });
});

describe("an attempt against all three counters", () => {
  it("gives every counter as it will be if the attempt fails", () => {
    const plan = planAttempt(NONE, now);
    if (!plan.allowed) throw new Error("refused");
    expect([plan.next.pair.failures, plan.next.address.failures, plan.next.username.failures]).toEqual([1, 1, 1]);
  });

  it("says how many tries are left before a pause, from the counter nearest its ceiling", () => {
    const fresh = planAttempt(NONE, now);
    expect(fresh).toMatchObject({ allowed: true, triesLeft: P.pair.lockAfter! - 1, pauseMs: P.pair.lockMs });
    const busyAddress = planAttempt({ ...NONE, address: failTimes(P.address.lockAfter! - 3, P.address) }, now);
    expect(busyAddress).toMatchObject({ allowed: true, triesLeft: 2 });
    const last = planAttempt({ ...NONE, pair: failTimes(P.pair.lockAfter! - 1, P.pair) }, now);
    expect(last).toMatchObject({ allowed: true, triesLeft: 0 });
  });

  it("takes the longest delay of the three", () => {
    const plan = planAttempt({ pair: failTimes(3, P.pair), address: null, username: failTimes(12, P.username) }, now);
    expect(plan).toMatchObject({ allowed: true, delayMs: 1000 });
  });

  it("refuses with the longest pause in force and counts nothing", () => {
    const pair = failTimes(P.pair.lockAfter!, P.pair, now - 60_000);
    const address = failTimes(P.address.lockAfter!, P.address);
    expect(planAttempt({ pair, address, username: null }, now)).toEqual({ allowed: false, retryAfterMs: P.address.lockMs, scope: "address" });
    expect(planAttempt({ pair, address: null, username: null }, now)).toEqual({ allowed: false, retryAfterMs: P.pair.lockMs - 60_000, scope: "pair" });
  });
});
