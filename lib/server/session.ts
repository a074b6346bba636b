// Sessions after Lucia's published design (lucia-auth.com, "Basic session API").
// The browser holds a random token; the database holds only sha256(token), so a leaked
// database cannot be replayed as cookies. Sessions last 30 days and slide forward when
// used in their second half, so active reviewers are never signed out mid-task.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users, type Session } from "@/db/tables";
import { first } from "@/db/rows";

export const SESSION_COOKIE = "pd_session";
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: "admin" | "member";
}

export type SessionValidationResult = { session: Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
  // 20 random bytes = 160 bits of entropy, as Lucia recommends.
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(token: string, userId: number): Promise<Session> {
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
  };
  await getDb().insert(sessions).values(session);
  return session;
}

export async function validateSessionToken(token: string): Promise<SessionValidationResult> {
  const db = getDb();
  const sessionId = sessionIdFromToken(token);
  const row = await first(
    db
      .select({
        session: sessions,
        user: {
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          disabledAt: users.disabledAt,
        },
      })
      .from(sessions)
      .innerJoin(users, eq(sessions.userId, users.id))
      .where(eq(sessions.id, sessionId)),
  );
  if (row === undefined) return { session: null, user: null };

  const { session, user } = row;
  // Disabling a user also deletes their sessions; this check covers any race with that.
  if (Date.now() >= session.expiresAt.getTime() || user.disabledAt !== null) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return { session: null, user: null };
  }
  if (Date.now() >= session.expiresAt.getTime() - RENEW_WHEN_LEFT_MS) {
    session.expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
    await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, session.id));
  }
  const { disabledAt: _disabled, ...sessionUser } = user;
  return { session, user: sessionUser };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(userId: number): Promise<void> {
  await getDb().delete(sessions).where(eq(sessions.userId, userId));
}
