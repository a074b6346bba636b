import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, projectMembers, projects, users } from "@/db/tables";
import { createSession, generateSessionToken, validateSessionToken } from "@/lib/server/session";
import { createFirstAdmin, createUserAsAdmin, resetPassword, setUserDisabled, verifyCredentials } from "@/lib/server/users";
import { admin, PASSWORD, reviewer } from "./helpers";
import { first, one } from "@/db/rows";

describe("users", () => {
  it("creates the first admin once; a second setup is refused and writes nothing", async () => {
    const first = await admin();
    expect(first.role).toBe("admin");
    const count = async (): Promise<number> => (await getDb().select({ id: users.id }).from(users)).length;
    const before = await count();
    const second = await createFirstAdmin({ username: "intruder", displayName: "X", password: PASSWORD });
    expect(second).toEqual({ ok: false, error: "Setup is already done. Sign in instead." });
    expect(await count()).toBe(before);
  });

  it("stores argon2id hashes, never the password", async () => {
    const user = await reviewer();
    const row = (await first(getDb().select().from(users).where(eq(users.id, user.id))))!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const user = await reviewer();
    expect(await verifyCredentials(user.username, "wrong password!")).toEqual({ status: "invalid" });
    expect(await verifyCredentials("nobody-at-all", PASSWORD)).toEqual({ status: "invalid" });
    expect(await verifyCredentials(user.username, PASSWORD)).toEqual({ status: "ok", userId: user.id });
  });

  it("tells a disabled user with the right password that the account is disabled", async () => {
    const user = await reviewer();
    await setUserDisabled(await admin(), user.id, true);
    expect(await verifyCredentials(user.username, PASSWORD)).toEqual({ status: "disabled" });
    await setUserDisabled(await admin(), user.id, false);
    expect(await verifyCredentials(user.username, PASSWORD)).toEqual({ status: "ok", userId: user.id });
  });

  it("refuses a taken username with a message naming it", async () => {
    const user = await reviewer();
    const again = await createUserAsAdmin(await admin(), { username: user.username, displayName: "Y", password: PASSWORD });
    expect(again).toEqual({ ok: false, error: `The username “${user.username}” is taken.` });
  });

  it("lets only admins create, disable and reset users", async () => {
    const member = await reviewer();
    const other = await reviewer();
    expect((await createUserAsAdmin(member, { username: "sneaky", displayName: "S", password: PASSWORD })).ok).toBe(false);
    expect((await setUserDisabled(member, other.id, true)).ok).toBe(false);
    expect((await resetPassword(member, other.id, "a new password 1")).ok).toBe(false);
    expect(await verifyCredentials(other.username, PASSWORD)).toEqual({ status: "ok", userId: other.id });
  });

  it("resets a password and signs the user out everywhere", async () => {
    const user = await reviewer();
    const token = generateSessionToken();
    await createSession(token, user.id);
    expect((await resetPassword(await admin(), user.id, "brand new password")).ok).toBe(true);
    expect((await validateSessionToken(token)).user).toBeNull();
    expect(await verifyCredentials(user.username, PASSWORD)).toEqual({ status: "invalid" });
    expect(await verifyCredentials(user.username, "brand new password")).toEqual({ status: "ok", userId: user.id });
  });

  it("refuses to act on a user that does not exist", async () => {
    expect(await setUserDisabled(await admin(), 99_999, true)).toEqual({ ok: false, error: "That user does not exist." });
    expect(await resetPassword(await admin(), 99_999, "whatever password")).toEqual({ ok: false, error: "That user does not exist." });
  });

  it("records user changes in the audit log", async () => {
    const user = await reviewer();
    await setUserDisabled(await admin(), user.id, true);
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.entityId, user.id))).filter((e) => e.entity === "user").map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["create", "disable"]));
  });

  it("adds new reviewers to the demo project as annotators", async () => {
    const demo = await one(getDb().insert(projects).values({ name: "Demo here", isDemo: true, settings: {} }).returning());
    const user = await reviewer();
    const membership = await getDb().select().from(projectMembers).where(eq(projectMembers.userId, user.id));
    expect(membership).toContainEqual(expect.objectContaining({ projectId: demo.id, role: "annotator" }));
  });
});
