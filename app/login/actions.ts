"use server";
import { redirect } from "next/navigation";
import { formString, type FormState } from "@/app/form-state";
import { clientAddress, setSessionTokenCookie } from "@/lib/server/auth";
import { createSession, generateSessionToken } from "@/lib/server/session";
import { checkLoginAllowed, clearLoginFailures, noteLoginFailure, throttleKeys } from "@/lib/server/throttle";
import { verifyCredentials } from "@/lib/server/users";
import { fieldErrors, loginSchema } from "@/lib/validation/users";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Only same-site paths, so a crafted link cannot bounce a fresh session to another site.
function safeNext(next: string): string {
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { username: formString(formData, "username") };
  const parsed = loginSchema.safeParse({ ...values, password: formString(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { username, password } = parsed.data;

  const keys = throttleKeys(username, await clientAddress());
  const decision = checkLoginAllowed(keys);
  if (!decision.allowed) {
    const minutes = Math.max(1, Math.ceil(decision.retryAfterMs / 60_000));
    return {
      message: `Too many failed sign-ins for this account or address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      values,
    };
  }
  if (decision.delayMs > 0) await sleep(decision.delayMs);

  const result = await verifyCredentials(username, password);
  if (result.status !== "ok") {
    if (result.status === "invalid") noteLoginFailure(keys);
    // One generic message for unknown users and wrong passwords; the disabled message is
    // shown only to someone who knows the password.
    const message = result.status === "disabled" ? "This account is disabled. Ask an administrator to enable it." : "Wrong username or password.";
    return { message, values };
  }
  // Only the username's count is cleared: one valid account must not reset an address's count.
  clearLoginFailures(keys.slice(0, 1));
  const token = generateSessionToken();
  const session = createSession(token, result.userId);
  await setSessionTokenCookie(token, session.expiresAt);
  redirect(safeNext(formString(formData, "next")));
}
