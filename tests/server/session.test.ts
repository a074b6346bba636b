import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { sessions } from "@/db/tables";
import { createSession, generateSessionToken, SESSION_LIFETIME_MS, sessionIdFromToken, validateSessionToken } from "@/lib/server/session";
import { setUserDisabled } from "@/lib/server/users";
import { admin, reviewer } from "./helpers";
import { first } from "@/db/rows";

const DAY = 24 * 60 * 60 * 1000;

describe("Lucia-style sessions", () => {
  it("stores only the sha256 of the token and validates the token back to its user", async () => {
    const user = await reviewer();
    const token = generateSessionToken();
    const session = await createSession(token, user.id);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).not.toContain(token);
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const result = await validateSessionToken(token);
    expect(result.user?.username).toBe(user.username);
  });

  it("gives 160-bit random tokens that differ every time", () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[a-z2-7]{32}$/);
  });

  it("refuses a forged token", async () => {
    await reviewer();
    expect(await validateSessionToken("forged-token-that-was-never-issued")).toEqual({ session: null, user: null });
  });

  it("refuses and deletes an expired session", async () => {
    const user = await reviewer();
    const token = generateSessionToken();
    const session = await createSession(token, user.id);
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, session.id));
    expect((await validateSessionToken(token)).session).toBeNull();
    expect(await first(getDb().select().from(sessions).where(eq(sessions.id, session.id)))).toBeUndefined();
  });

  it("slides the expiry forward when a session is used in its second half", async () => {
    const user = await reviewer();
    const token = generateSessionToken();
    const session = await createSession(token, user.id);
    const oldExpiry = new Date(Date.now() + 10 * DAY);
    await getDb().update(sessions).set({ expiresAt: oldExpiry }).where(eq(sessions.id, session.id));
    const renewed = (await validateSessionToken(token)).session!;
    expect(renewed.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
  });

  it("ends a user's sessions at once when an admin disables them", async () => {
    const user = await reviewer();
    const token = generateSessionToken();
    await createSession(token, user.id);
    expect((await validateSessionToken(token)).user).not.toBeNull();
    expect(await setUserDisabled(await admin(), user.id, true)).toEqual({ ok: true });
    expect((await validateSessionToken(token)).user).toBeNull();
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });
});
