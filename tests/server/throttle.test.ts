import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE_POLICY as P } from "@/lib/login-throttle";
import { checkLoginAllowed, clearLoginFailures, noteLoginFailure, throttleKeys } from "@/lib/server/throttle";

describe("login throttling in the database", () => {
  it("slows down and then refuses a username after repeated failures, from any address", () => {
    const now = Date.now();
    for (let i = 0; i < P.lockAfter; i++) noteLoginFailure(throttleKeys("victim", `10.0.0.${i}`), now);
    const fromNewAddress = checkLoginAllowed(throttleKeys("victim", "192.0.2.1"), now + 1000);
    expect(fromNewAddress.allowed).toBe(false);
    expect(checkLoginAllowed(throttleKeys("someone-else", "192.0.2.1"), now + 1000)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("refuses an address that tries many usernames", () => {
    const now = Date.now();
    for (let i = 0; i < P.lockAfter; i++) noteLoginFailure(throttleKeys(`user${i}`, "198.51.100.7"), now);
    expect(checkLoginAllowed(throttleKeys("fresh-name", "198.51.100.7"), now).allowed).toBe(false);
  });

  it("delays attempts after a few failures and forgets them after a successful sign-in", () => {
    const now = Date.now();
    const keys = throttleKeys("typo-prone", "203.0.113.9");
    for (let i = 0; i < P.slowAfter; i++) noteLoginFailure(keys, now);
    expect(checkLoginAllowed(keys, now)).toEqual({ allowed: true, delayMs: P.baseDelayMs });
    clearLoginFailures(keys);
    expect(checkLoginAllowed(keys, now)).toEqual({ allowed: true, delayMs: 0 });
  });
});
