// What the sign-in form says about throttling. The same words whether or not the username
// exists: unknown names are counted like wrong passwords, so nothing here tells them apart.
import type { ThrottleScope } from "./login-throttle";

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A wait rounded up, in minutes from one minute on, else in seconds. */
export function formatWait(ms: number): string {
  if (ms >= 60_000) return plural(Math.ceil(ms / 60_000), "minute");
  return plural(Math.max(1, Math.ceil(ms / 1000)), "second");
}

/** The answer to an attempt refused because a pause is in force. */
export function pausedMessage(retryAfterMs: number, scope: ThrottleScope): string {
  const who = scope === "address" ? "from your address" : "for this username from your address";
  return `Too many failed sign-ins ${who}. Sign-in is paused: try again in ${formatWait(retryAfterMs)}.`;
}

/** The answer to a wrong username or password, with how many tries are left before a pause. */
export function wrongPasswordMessage(triesLeft: number, pauseMs: number): string {
  const base = "Wrong username or password.";
  if (!Number.isFinite(triesLeft)) return base;
  if (triesLeft === 0) return `${base} Sign-in is paused for ${formatWait(pauseMs)}.`;
  return `${base} ${plural(triesLeft, "try", "tries")} left before sign-in pauses for ${formatWait(pauseMs)}.`;
}
