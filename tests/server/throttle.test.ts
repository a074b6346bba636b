// Sign-in throttling against the real login_throttle table, through throttledSignIn as the
// sign-in action calls it. The password check is passed in (a wrong or right password), time
// is passed in and delays are recorded as values, so nothing here waits.
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { loginThrottle } from "@/db/tables";
import { DEFAULT_LOGIN_POLICY as P } from "@/lib/login-throttle";
import { throttledSignIn, throttleKeys, type ThrottledSignIn } from "@/lib/server/throttle";
import type { CredentialCheck } from "@/lib/server/users";

type Verify = () => Promise<CredentialCheck>;
const WRONG: Verify = async () => ({ status: "invalid" });
const RIGHT: Verify = async () => ({ status: "ok", userId: 1 });
const DISABLED: Verify = async () => ({ status: "disabled" });

const HOUR = 3_600_000;
let clock = Date.now();
/** A moment far from every other test's, so their counters never meet. */
const freshTime = (): number => (clock += 2 * HOUR);

type Outcome = ThrottledSignIn & { delayMs: number };

async function attempt(username: string, address: string, now: number, verify = WRONG): Promise<Outcome> {
  let delayMs = 0;
  const sleep = async (ms: number): Promise<void> => void (delayMs = ms);
  const result = await throttledSignIn(username, address, verify, { now: () => now, sleep });
  return { ...result, delayMs };
}

async function fail(username: string, address: string, now: number, times: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < times; i++) outcomes.push(await attempt(username, address, now));
  return outcomes;
}

async function failures(username: string, address: string): Promise<Record<string, number>> {
  const keys = throttleKeys(username, address);
  const rows = await getDb()
    .select()
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, Object.values(keys)));
  const byKey = new Map(rows.map((row) => [row.key, row.failures]));
  return { pair: byKey.get(keys.pair) ?? 0, address: byKey.get(keys.address) ?? 0, username: byKey.get(keys.username) ?? 0 };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("sign-in throttling per username and address", () => {
  it("ten wrong passwords for one account from an address do not stop another account signing in from it", async () => {
    const now = freshTime();
    await fail("ada", "192.0.2.10", now, P.pair.lockAfter!);
    expect(await attempt("ada", "192.0.2.10", now, RIGHT)).toMatchObject({ status: "paused", scope: "pair" });
    expect(await attempt("bea", "192.0.2.10", now, RIGHT)).toEqual({ status: "ok", userId: 1, delayMs: 0 });
  });

  it("delays a username from one address more after each failure, then pauses it", async () => {
    const now = freshTime();
    const outcomes = await fail("cleo", "192.0.2.11", now, P.pair.lockAfter!);
    expect(outcomes.map((o) => o.delayMs)).toEqual([0, 0, 0, 250, 500, 1000, 2000, 2000, 2000, 2000]);
    expect(await attempt("cleo", "192.0.2.11", now + 60_000, RIGHT)).toEqual({
      status: "paused",
      retryAfterMs: P.pair.lockMs - 60_000,
      scope: "pair",
      delayMs: 0,
    });
  });

  it("says how many tries are left, counting down to the pause", async () => {
    const now = freshTime();
    const outcomes = await fail("dara", "192.0.2.12", now, P.pair.lockAfter!);
    expect(outcomes.map((o) => (o.status === "invalid" ? o.triesLeft : -1))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(outcomes.at(-1)).toMatchObject({ pauseMs: P.pair.lockMs });
  });

  it("counts attempts before their passwords are checked, so attempts sent together cannot pass a pause", async () => {
    const now = freshTime();
    let checked = 0;
    const counting: Verify = async () => (checked++, { status: "invalid" });
    const together = await Promise.all(Array.from({ length: P.pair.lockAfter! + 5 }, () => attempt("emil", "192.0.2.13", now, counting)));
    expect(checked).toBe(P.pair.lockAfter);
    expect(together.filter((o) => o.status === "paused")).toHaveLength(5);
  });

  it("counts every address in one IPv6 /64 as one", async () => {
    const now = freshTime();
    for (let i = 1; i <= P.pair.lockAfter!; i++) await attempt("fay", `2001:db8:5:6::${i.toString(16)}`, now);
    expect(await attempt("fay", "2001:db8:5:6:ffff::1", now, RIGHT)).toMatchObject({ status: "paused", scope: "pair" });
    expect(await attempt("fay", "2001:db8:5:7::1", now, RIGHT)).toMatchObject({ status: "ok" });
  });
});

describe("sign-in throttling per address, across usernames", () => {
  it("slows and then pauses an address that tries many usernames", async () => {
    const now = freshTime();
    const outcomes: Outcome[] = [];
    for (let i = 0; i < P.address.lockAfter!; i++) outcomes.push(await attempt(`sprayed${i}`, "198.51.100.7", now));
    expect(outcomes.every((o) => o.status === "invalid")).toBe(true);
    expect(outcomes.map((o) => o.delayMs).slice(P.address.slowAfter - 1, P.address.slowAfter + 2)).toEqual([0, 250, 500]);
    expect(outcomes.at(-1)).toMatchObject({ triesLeft: 0, pauseMs: P.address.lockMs });
    expect(await attempt("another-name", "198.51.100.7", now, RIGHT)).toMatchObject({ status: "paused", scope: "address" });
    expect(await attempt("another-name", "198.51.100.8", now, RIGHT)).toMatchObject({ status: "ok", delayMs: 0 });
  });

  it("lets no more attempts sent together check a password than the address has failures left", async () => {
    const now = freshTime();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let checked = 0;
    const slowWrong: Verify = async () => (checked++, await held, { status: "invalid" });
    const burst = Promise.all(Array.from({ length: P.address.lockAfter! + 10 }, (_, i) => attempt(`burst${i}`, "198.51.100.9", now, slowWrong)));
    // On PostgreSQL each attempt awaits real queries first; the count after the burst is the proof.
    while (checked < P.address.lockAfter!) await settle();
    await settle();
    expect(checked).toBe(P.address.lockAfter);
    release();
    const outcomes = await burst;
    expect(checked).toBe(P.address.lockAfter);
    expect(outcomes.filter((o) => o.status === "paused" && o.scope === "address")).toHaveLength(10);
  });

  it("never pauses an address for right passwords, however many arrive together", async () => {
    const now = freshTime();
    const office = await Promise.all(Array.from({ length: 3 * P.address.lockAfter! }, (_, i) => attempt(`colleague${i}`, "198.51.100.10", now, RIGHT)));
    expect(office.every((o) => o.status === "ok" && o.delayMs === 0)).toBe(true);
    expect((await failures("colleague0", "198.51.100.10")).address).toBe(0);
  });

  it("reports the tries left on the address when it is nearer its ceiling than the username", async () => {
    const now = freshTime();
    for (let i = 0; i < P.address.lockAfter! - 5; i++) await attempt(`busy${i}`, "198.51.100.11", now);
    expect(await attempt("gus", "198.51.100.11", now)).toMatchObject({ status: "invalid", triesLeft: 4 });
  });
});

describe("sign-in throttling per username, across addresses", () => {
  it("only slows a username tried from many addresses, never pausing it, so no one can lock a colleague out", async () => {
    const now = freshTime();
    const outcomes: Outcome[] = [];
    for (let i = 1; i <= 100; i++) outcomes.push(await attempt("hana", `203.0.113.${i}`, now));
    expect(outcomes.every((o) => o.status === "invalid")).toBe(true);
    expect(outcomes[P.username.slowAfter]).toMatchObject({ delayMs: P.username.baseDelayMs });
    expect(await attempt("hana", "192.0.2.200", now, RIGHT)).toEqual({ status: "ok", userId: 1, delayMs: P.username.maxDelayMs });
  });
});

describe("what a right password clears", () => {
  it("clears the username's counters and leaves the address's alone", async () => {
    const now = freshTime();
    await fail("ivan", "192.0.2.30", now, 4);
    await fail("someone", "192.0.2.30", now, 3);
    await fail("ivan", "192.0.2.31", now, 2);
    expect(await failures("ivan", "192.0.2.30")).toEqual({ pair: 4, address: 7, username: 6 });
    expect(await attempt("ivan", "192.0.2.30", now, RIGHT)).toMatchObject({ status: "ok" });
    expect(await failures("ivan", "192.0.2.30")).toEqual({ pair: 0, address: 7, username: 0 });
    expect(await failures("ivan", "192.0.2.31")).toMatchObject({ pair: 2, address: 2 });
  });

  it("counts nothing for the right password of a disabled account", async () => {
    const now = freshTime();
    await fail("lea", "192.0.2.50", now, 2);
    expect(await attempt("lea", "192.0.2.50", now, DISABLED)).toMatchObject({ status: "disabled" });
    expect(await failures("lea", "192.0.2.50")).toEqual({ pair: 2, address: 2, username: 2 });
  });

  it("drops counters nobody has failed on for longer than the rules remember", async () => {
    const now = freshTime();
    await attempt("mo", "192.0.2.60", now);
    await attempt("nell", "192.0.2.61", now + P.pair.forgetAfterMs + 1);
    expect(await failures("mo", "192.0.2.60")).toEqual({ pair: 0, address: 0, username: 0 });
  });
});
