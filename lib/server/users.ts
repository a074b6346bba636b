// Users: the first admin, reviewers created by admins, passwords, disabling.
import { hash, verify } from "@node-rs/argon2";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { projectMembers, projects, users } from "@/db/tables";
import type { NewUserInput } from "@/lib/validation/users";
import { recordAudit } from "./audit";
import { isUniqueViolation } from "./db-errors";
import { lockSetup } from "./locks";
import { invalidateUserSessions, type SessionUser } from "./session";
import { first, one } from "@/db/rows";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. @node-rs/argon2 defaults to argon2id.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Whether setup is done. Setup creates the first administrator, so it is done once an admin
 * account exists; other accounts do not count (the demo project's fictional reviewers exist
 * before anyone has set the app up).
 */
export async function adminExists(): Promise<boolean> {
  return (await first(getDb().select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1))) !== undefined;
}

export interface UserListRow {
  id: number;
  username: string;
  displayName: string;
  role: "admin" | "member";
  disabledAt: Date | null;
  createdAt: Date;
}

export async function listUsers(): Promise<UserListRow[]> {
  return await getDb()
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.username));
}

export type CreateUserResult = { ok: true; userId: number } | { ok: false; error: string };

async function insertUser(input: NewUserInput, passwordHash: string, role: "admin" | "member", actorId: number | null): Promise<number> {
  const db = getDb();
  return await db.transaction(async (tx) => {
    const row = await one(
      tx.insert(users).values({ username: input.username, displayName: input.displayName, passwordHash, role }).returning({ id: users.id }),
    );
    await recordAudit(tx, {
      actorId: actorId ?? row.id,
      action: "create",
      entity: "user",
      entityId: row.id,
      after: { username: input.username, displayName: input.displayName, role },
    });
    // Everyone may look around the demo project: admins manage it, reviewers annotate in it.
    const demoRole = role === "admin" ? "manager" : "annotator";
    const demos = await tx.select({ id: projects.id }).from(projects).where(eq(projects.isDemo, true));
    for (const demo of demos) {
      await tx.insert(projectMembers).values({ projectId: demo.id, userId: row.id, role: demoRole }).onConflictDoNothing();
    }
    return row.id;
  });
}

async function usernameTaken(username: string): Promise<boolean> {
  return (await first(getDb().select({ id: users.id }).from(users).where(eq(users.username, username)))) !== undefined;
}

/** Creates the first admin; refuses once an admin exists (the /setup page's only job). */
export async function createFirstAdmin(input: NewUserInput): Promise<CreateUserResult> {
  if (await adminExists()) return { ok: false, error: "Setup is already done. Sign in instead." };
  // Accounts can exist before setup (the demo's reviewers), so the name may be taken already.
  if (await usernameTaken(input.username)) return { ok: false, error: `The username “${input.username}” is taken.` };
  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await getDb().transaction(async (tx) => {
      // Checked again inside the write transaction, after the setup lock: two setup requests cannot both win.
      await lockSetup(tx);
      if (await adminExists()) throw new SetupDoneError();
      return await insertUser(input, passwordHash, "admin", null);
    });
    return { ok: true, userId };
  } catch (error) {
    if (error instanceof SetupDoneError) return { ok: false, error: "Setup is already done. Sign in instead." };
    if (isUniqueViolation(error, "users")) return { ok: false, error: `The username “${input.username}” is taken.` };
    throw error;
  }
}

class SetupDoneError extends Error {}

export async function createUserAsAdmin(admin: SessionUser, input: NewUserInput): Promise<CreateUserResult> {
  if (admin.role !== "admin") return { ok: false, error: "Only admins can create users." };
  if (await usernameTaken(input.username)) return { ok: false, error: `The username “${input.username}” is taken.` };
  const passwordHash = await hashPassword(input.password);
  try {
    return { ok: true, userId: await insertUser(input, passwordHash, "member", admin.id) };
  } catch (error) {
    if (isUniqueViolation(error, "users")) return { ok: false, error: `The username “${input.username}” is taken.` };
    throw error;
  }
}

export type CredentialCheck = { status: "ok"; userId: number } | { status: "invalid" } | { status: "disabled" };

/** Checks a password. Unknown users still cost one hash, so timing does not reveal usernames. */
export async function verifyCredentials(username: string, password: string): Promise<CredentialCheck> {
  const row = await first(
    getDb().select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt }).from(users).where(eq(users.username, username)),
  );
  if (row === undefined) {
    await verify(DUMMY_HASH, password).catch(() => false);
    return { status: "invalid" };
  }
  const valid = await verify(row.passwordHash, password).catch(() => false);
  if (!valid) return { status: "invalid" };
  return row.disabledAt === null ? { status: "ok", userId: row.id } : { status: "disabled" };
}

// A valid argon2id hash of a random string, used to spend the same time on unknown usernames.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$uMI2UTd/wggAxT75NZCNTA$dJprTWgFc7h3Hnl/QbS5uk/C7pIq3zPtiGcN9DgJifU";

export type AdminActionResult = { ok: true } | { ok: false; error: string };

export async function setUserDisabled(admin: SessionUser, userId: number, disabled: boolean): Promise<AdminActionResult> {
  if (admin.role !== "admin") return { ok: false, error: "Only admins can disable users." };
  if (admin.id === userId) return { ok: false, error: "You cannot disable your own account." };
  const db = getDb();
  const before = await first(db.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId)));
  if (before === undefined) return { ok: false, error: "That user does not exist." };
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: admin.id,
      action: disabled ? "disable" : "enable",
      entity: "user",
      entityId: userId,
      before: { disabled: before.disabledAt !== null },
      after: { disabled },
    });
  });
  // A disabled user's sessions end at once, not when they expire.
  if (disabled) await invalidateUserSessions(userId);
  return { ok: true };
}

export async function resetPassword(admin: SessionUser, userId: number, password: string): Promise<AdminActionResult> {
  if (admin.role !== "admin") return { ok: false, error: "Only admins can reset passwords." };
  const exists = await first(getDb().select({ id: users.id }).from(users).where(eq(users.id, userId)));
  if (exists === undefined) return { ok: false, error: "That user does not exist." };
  const passwordHash = await hashPassword(password);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId: admin.id, action: "reset_password", entity: "user", entityId: userId });
  });
  // Whoever knew the old password is signed out everywhere.
  await invalidateUserSessions(userId);
  return { ok: true };
}
