"use server";
import { redirect } from "next/navigation";
import { formString, type FormState } from "@/app/form-state";
import { pausedMessage, wrongPasswordMessage } from "@/lib/login-throttle-messages";
import { clientAddress, setSessionTokenCookie } from "@/lib/server/auth";
import { createSession, generateSessionToken } from "@/lib/server/session";
import { throttledSignIn } from "@/lib/server/throttle";
import { verifyCredentials } from "@/lib/server/users";
import { fieldErrors, loginSchema } from "@/lib/validation/users";

// Only same-site paths, so a crafted link cannot bounce a fresh session to another site.
function safeNext(next: string): string {
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { username: formString(formData, "username") };
  const parsed = loginSchema.safeParse({ ...values, password: formString(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { username, password } = parsed.data;

  // Unknown usernames and wrong passwords get the same answer and count the same.
  const result = await throttledSignIn(username, await clientAddress(), () => verifyCredentials(username, password));
  if (result.status === "paused") return { message: pausedMessage(result.retryAfterMs, result.scope), values };
  if (result.status === "invalid") return { message: wrongPasswordMessage(result.triesLeft, result.pauseMs), values };
  // Shown only to someone who knows the password.
  if (result.status === "disabled") return { message: "This account is disabled. Ask an administrator to enable it.", values };
  const token = generateSessionToken();
  const session = await createSession(token, result.userId);
  await setSessionTokenCookie(token, session.expiresAt);
  redirect(safeNext(formString(formData, "next")));
}
