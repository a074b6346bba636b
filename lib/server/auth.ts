// The request-bound side of sessions: the cookie, and getCurrentSession(), the one way
// pages, actions and route handlers learn who is asking.
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveClientAddress } from "@/lib/client-address";
import { peerAddressFromHeaders, trustProxyHops } from "./peer-address";
import { SESSION_COOKIE, validateSessionToken, type SessionUser, type SessionValidationResult } from "./session";

export const getCurrentSession = cache(async (): Promise<SessionValidationResult> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value ?? null;
  if (token === null) return { session: null, user: null };
  return validateSessionToken(token);
});

/** The signed-in user, or a redirect to /login. */
export async function requireUser(): Promise<SessionUser> {
  const { user } = await getCurrentSession();
  if (user === null) redirect("/login");
  return user;
}

export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") redirect("/");
  return user;
}

// Secure cookies only reach the server over HTTPS, so mark them Secure exactly when the
// request came over HTTPS (directly or through a proxy that says so), or when forced.
async function isHttps(): Promise<boolean> {
  if (process.env.COOKIE_SECURE === "true") return true;
  if (process.env.COOKIE_SECURE === "false") return false;
  const h = await headers();
  return h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export async function setSessionTokenCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    expires: expiresAt,
    path: "/",
  });
}

export async function deleteSessionTokenCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: await isHttps(),
    maxAge: 0,
    path: "/",
  });
}

/**
 * The client address for throttling: the peer the server saw, or with TRUST_PROXY=n the
 * address n trusted proxies report (lib/client-address.ts). X-Real-IP is never read.
 */
export async function clientAddress(): Promise<string> {
  const h = await headers();
  return resolveClientAddress({ peer: peerAddressFromHeaders(h), forwardedFor: h.get("x-forwarded-for"), hops: trustProxyHops() });
}
