// Project membership and the project's own text and settings: who is in a project, with which
// role, and what they work by. Managers change all of it; every change is audited in the same
// transaction. Non-members get the same 404 as for a project that does not exist. Each change
// first locks the project (./locks.ts): its checks (the last manager, an existing member, the
// settings it merges into) then still hold when it writes, also on PostgreSQL.
import { and, asc, count, eq } from "drizzle-orm";
import { getDb, type DB } from "@/db";
import { projectMembers, projects, users, type ProjectRole } from "@/db/tables";
import { addMemberSchema, changeRoleSchema, guidelinesSchema, settingsError, settingsInputSchema, type ProjectSettings } from "@/lib/validation/members";
import { parseProjectSettings } from "@/lib/validation/projects";
import { fail, invalid, type Failure } from "./annotations/result";
import { recordAudit } from "./audit";
import { lockProject } from "./locks";
import { memberRole } from "./projects";
import type { SessionUser } from "./session";
import { first } from "@/db/rows";

type Tx = Pick<DB, "select" | "insert" | "update" | "delete">;

export interface MemberRow {
  userId: number;
  username: string;
  displayName: string;
  role: ProjectRole;
  disabled: boolean;
}

export type MemberResult = { ok: true; member: MemberRow } | Failure;
export type ProjectUpdateResult = { ok: true } | Failure;

export const projectNotFound = (): Failure => fail(404, "not_found", "This project does not exist, or you are not a member of it.");

/** null when the user manages the project; otherwise the refusal (404 for non-members, 403 for other roles). */
export async function refuseUnlessManager(user: SessionUser, projectId: number, toDo: string): Promise<Failure | null> {
  const role = await memberRole(user.id, projectId);
  if (role === null) return projectNotFound();
  return role === "manager" ? null : fail(403, "forbidden", `Only a manager of this project can ${toDo}.`);
}

const memberColumns = {
  userId: users.id,
  username: users.username,
  displayName: users.displayName,
  role: projectMembers.role,
  disabledAt: users.disabledAt,
};

function toRow({ disabledAt, ...row }: { disabledAt: Date | null } & Omit<MemberRow, "disabled">): MemberRow {
  return { ...row, disabled: disabledAt !== null };
}

/** The project's members for any member of it (names and roles only); null for anyone else. */
export async function listMembers(user: SessionUser, projectId: number): Promise<MemberRow[] | null> {
  if ((await memberRole(user.id, projectId)) === null) return null;
  const rows = await getDb()
    .select(memberColumns)
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(users.displayName), asc(users.username));
  return rows.map(toRow);
}

async function memberOf(tx: Tx, projectId: number, userId: number): Promise<MemberRow | null> {
  const row = await first(
    tx
      .select(memberColumns)
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))),
  );
  return row === undefined ? null : toRow(row);
}

async function managerCount(tx: Tx, projectId: number): Promise<number> {
  const where = and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "manager"));
  return (await first(tx.select({ n: count() }).from(projectMembers).where(where)))?.n ?? 0;
}

// A project without a manager could never be changed again (admins have no rights in projects
// they are not members of), so the last manager can be neither removed nor demoted.
const lastManager = (m: MemberRow): Failure =>
  fail(409, "forbidden", `${m.displayName} is the last manager of this project: make someone else a manager first.`);

/** A manager adds an existing, active user by username. */
export async function addProjectMember(manager: SessionUser, projectId: number, input: unknown): Promise<MemberResult> {
  return await getDb().transaction(
    async (tx): Promise<MemberResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "add members");
      if (refusal !== null) return refusal;
      const parsed = addMemberSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const { username, role } = parsed.data;
      const user = await first(tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.username, username)));
      if (user === undefined) return invalid(`There is no user named “${username}”. An admin can create them on the Users page.`);
      if (user.disabledAt !== null) return invalid(`The account “${username}” is disabled; an admin can enable it first.`);
      const existing = await memberOf(tx, projectId, user.id);
      if (existing !== null) return fail(409, "duplicate", `“${username}” is already a member of this project (as ${existing.role}).`);
      await tx.insert(projectMembers).values({ projectId, userId: user.id, role });
      await recordAudit(tx, { actorId: manager.id, action: "add_member", entity: "project", entityId: projectId, after: { userId: user.id, username, role } });
      return { ok: true, member: (await memberOf(tx, projectId, user.id))! };
    },
    { behavior: "immediate" },
  );
}

export async function changeMemberRole(manager: SessionUser, projectId: number, userId: number, role: unknown): Promise<MemberResult> {
  return await getDb().transaction(
    async (tx): Promise<MemberResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "change roles");
      if (refusal !== null) return refusal;
      const parsed = changeRoleSchema.safeParse({ userId, role });
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const before = await memberOf(tx, projectId, userId);
      if (before === null) return invalid("That person is not a member of this project.");
      if (before.role === parsed.data.role) return { ok: true, member: before };
      if (before.role === "manager" && (await managerCount(tx, projectId)) <= 1) return lastManager(before);
      await tx
        .update(projectMembers)
        .set({ role: parsed.data.role })
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
      await recordAudit(tx, {
        actorId: manager.id,
        action: "change_member_role",
        entity: "project",
        entityId: projectId,
        before: { userId, username: before.username, role: before.role },
        after: { userId, username: before.username, role: parsed.data.role },
      });
      return { ok: true, member: { ...before, role: parsed.data.role } };
    },
    { behavior: "immediate" },
  );
}

/** Removes a member. Their spans and assignments stay (they are the project's record); re-adding them restores access. */
export async function removeProjectMember(manager: SessionUser, projectId: number, userId: number): Promise<MemberResult> {
  return await getDb().transaction(
    async (tx): Promise<MemberResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "remove members");
      if (refusal !== null) return refusal;
      const before = await memberOf(tx, projectId, userId);
      if (before === null) return invalid("That person is not a member of this project.");
      if (before.role === "manager" && (await managerCount(tx, projectId)) <= 1) return lastManager(before);
      await tx.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
      await recordAudit(tx, {
        actorId: manager.id,
        action: "remove_member",
        entity: "project",
        entityId: projectId,
        before: { userId, username: before.username, role: before.role },
      });
      return { ok: true, member: before };
    },
    { behavior: "immediate" },
  );
}

/** The guidelines are markdown source; pages show them as plain text, never as HTML. */
export async function updateProjectGuidelines(manager: SessionUser, projectId: number, guidelines: unknown): Promise<ProjectUpdateResult> {
  return await getDb().transaction(
    async (tx): Promise<ProjectUpdateResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "edit the guidelines");
      if (refusal !== null) return refusal;
      const parsed = guidelinesSchema.safeParse({ guidelines });
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const before = (await first(tx.select({ guidelines: projects.guidelines }).from(projects).where(eq(projects.id, projectId))))!;
      if (before.guidelines === parsed.data.guidelines) return { ok: true };
      await tx.update(projects).set({ guidelines: parsed.data.guidelines }).where(eq(projects.id, projectId));
      await recordAudit(tx, { actorId: manager.id, action: "update_guidelines", entity: "project", entityId: projectId, before, after: parsed.data });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** Validated by projectSettingsSchema (plus axis ranges); fields left out keep their current values. */
export async function updateProjectSettings(manager: SessionUser, projectId: number, settings: unknown): Promise<ProjectUpdateResult> {
  return await getDb().transaction(
    async (tx): Promise<ProjectUpdateResult> => {
      await lockProject(tx, projectId);
      const refusal = await refuseUnlessManager(manager, projectId, "change the settings");
      if (refusal !== null) return refusal;
      if (typeof settings !== "object" || settings === null || Array.isArray(settings)) return invalid("These settings are not valid.");
      const row = (await first(tx.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId))))!;
      const before: ProjectSettings = parseProjectSettings(row.settings);
      // A partial update changes only what it names; the rest keeps its current value, not the default.
      const parsed = settingsInputSchema.safeParse({ ...before, ...settings });
      if (!parsed.success) return invalid(settingsError(parsed.error));
      await tx.update(projects).set({ settings: parsed.data }).where(eq(projects.id, projectId));
      await recordAudit(tx, { actorId: manager.id, action: "update_settings", entity: "project", entityId: projectId, before, after: parsed.data });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}
