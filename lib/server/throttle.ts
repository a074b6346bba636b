import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { loginThrottle } from "@/db/schema";
import {
  combineDecisions,
  decideAttempt,
  recordFailure,
  type ThrottleDecision,
  type ThrottleState,
} from "@/lib/login-throttle";

export function throttleKeys(username: string, address: string): string[] {
  return [`user:${username}`, `ip:${address}`];
}

function loadState(key: string): ThrottleState | null {
  const row = getDb().select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (row === undefined) return null;
  return {
    failures: row.failures,
    lastFailureAt: row.lastFailureAt.getTime(),
    lockedUntil: row.lockedUntil?.getTime() ?? null,
  };
}

export function checkLoginAllowed(keys: string[], now = Date.now()): ThrottleDecision {
  return combineDecisions(keys.map((key) => decideAttempt(loadState(key), now)));
}

export function noteLoginFailure(keys: string[], now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    for (const key of keys) {
      const next = recordFailure(loadState(key), now);
      const values = {
        failures: next.failures,
        lastFailureAt: new Date(next.lastFailureAt),
        lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil),
      };
      tx.insert(loginThrottle).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
    }
  });
}

export function clearLoginFailures(keys: string[]): void {
  getDb().delete(loginThrottle).where(inArray(loginThrottle.key, keys)).run();
}
