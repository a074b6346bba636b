// Project members, roles, guidelines and settings: managers change them, every change is
// audited, and every refusal has a clear message and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { addProjectMember, changeMemberRole, listMembers, removeProjectMember, updateProjectGuidelines, updateProjectSettings } from "@/lib/server/members";
import { getProjectForMember } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { setUserDisabled } from "@/lib/server/users";
import { DEFAULT_AXES, parseProjectSettings } from "@/lib/validation/projects";
import { addMember, admin, project, reviewer } from "./helpers";
import { auditCount, lastAudit, membersOf, projectRow } from "./members-helpers";

let boss: SessionUser;
let ana: SessionUser;
let ben: SessionUser;

beforeAll(async () => {
  boss = await admin();
  ana = await reviewer("ana");
  ben = await reviewer("ben");
});

/** Runs a refused call and checks that it wrote nothing: no member, no project or audit change. */
async function expectNothingWritten(projectId: number, call: () => unknown): Promise<unknown> {
  const before = { members: await membersOf(projectId), project: await projectRow(projectId), audits: await auditCount() };
  const result = await call();
  expect({ members: await membersOf(projectId), project: await projectRow(projectId), audits: await auditCount() }).toEqual(before);
  return result;
}

describe("adding members", () => {
  it("adds an existing user by username with a role, and audits it", async () => {
    const p = await project();
    const result = await addProjectMember(boss, p, { username: "  Ana ", role: "annotator" });
    expect(result).toEqual({ ok: true, member: { userId: ana.id, username: "ana", displayName: "ana", role: "annotator", disabled: false } });
    expect((await getProjectForMember(ana, p))?.role).toBe("annotator");
    expect(await lastAudit()).toMatchObject({
      actorId: boss.id,
      action: "add_member",
      entity: "project",
      entityId: p,
      after: { userId: ana.id, role: "annotator" },
    });
  });

  it("refuses a member added twice, saying they are already in (and as what)", async () => {
    const p = await project();
    await addMember(p, ana, "adjudicator");
    const result = await expectNothingWritten(p, () => addProjectMember(boss, p, { username: "ana", role: "annotator" }));
    expect(result).toEqual({ ok: false, status: 409, code: "duplicate", error: "“ana” is already a member of this project (as adjudicator)." });
  });

  it("refuses a user that does not exist", async () => {
    const p = await project();
    const result = await expectNothingWritten(p, () => addProjectMember(boss, p, { username: "nobody", role: "annotator" }));
    expect(result).toMatchObject({ ok: false, status: 422, error: "There is no user named “nobody”. An admin can create them on the Users page." });
  });

  it("refuses a role that does not exist", async () => {
    const p = await project();
    const result = await expectNothingWritten(p, () => addProjectMember(boss, p, { username: "ana", role: "owner" }));
    expect(result).toMatchObject({ ok: false, status: 422, error: "“owner” is not a project role: choose manager, annotator or adjudicator." });
  });

  it("refuses an empty username and a disabled account", async () => {
    const p = await project();
    const empty = await expectNothingWritten(p, () => addProjectMember(boss, p, { username: " ", role: "annotator" }));
    expect(empty).toMatchObject({ ok: false, error: "Enter the username of an existing user." });
    const gone = await reviewer();
    await setUserDisabled(boss, gone.id, true);
    const disabled = await expectNothingWritten(p, () => addProjectMember(boss, p, { username: gone.username, role: "annotator" }));
    expect(disabled).toMatchObject({ ok: false, error: `The account “${gone.username}” is disabled; an admin can enable it first.` });
  });

  it("is for managers: an annotator gets 403, a non-member 404, and nothing is written", async () => {
    const p = await project();
    await addMember(p, ana, "annotator");
    expect(await expectNothingWritten(p, () => addProjectMember(ana, p, { username: "ben", role: "manager" }))).toMatchObject({ status: 403 });
    expect(await expectNothingWritten(p, () => addProjectMember(ben, p, { username: "ben", role: "manager" }))).toMatchObject({ status: 404 });
  });
});

describe("changing roles and removing members", () => {
  it("changes a role and audits before and after", async () => {
    const p = await project();
    await addMember(p, ana, "annotator");
    expect(await changeMemberRole(boss, p, ana.id, "adjudicator")).toMatchObject({ ok: true, member: { role: "adjudicator" } });
    expect(await lastAudit()).toMatchObject({ action: "change_member_role", before: { role: "annotator" }, after: { role: "adjudicator" } });
  });

  it("refuses a role that does not exist on a role change", async () => {
    const p = await project();
    await addMember(p, ana, "annotator");
    const result = await expectNothingWritten(p, () => changeMemberRole(boss, p, ana.id, "superuser"));
    expect(result).toMatchObject({ ok: false, status: 422, error: "“superuser” is not a project role: choose manager, annotator or adjudicator." });
  });

  it("refuses to demote or remove the last manager", async () => {
    const p = await project();
    await addMember(p, ana, "annotator");
    const demote = await expectNothingWritten(p, () => changeMemberRole(boss, p, boss.id, "annotator"));
    expect(demote).toMatchObject({ ok: false, status: 409, error: "Admin is the last manager of this project: make someone else a manager first." });
    const remove = await expectNothingWritten(p, () => removeProjectMember(boss, p, boss.id));
    expect(remove).toMatchObject({ ok: false, status: 409, error: "Admin is the last manager of this project: make someone else a manager first." });
  });

  it("lets a manager step down once someone else manages", async () => {
    const p = await project();
    await addMember(p, ana, "manager");
    expect(await removeProjectMember(boss, p, boss.id)).toMatchObject({ ok: true });
    expect(await getProjectForMember(boss, p)).toBeNull();
    expect(await changeMemberRole(ana, p, ana.id, "annotator")).toMatchObject({ ok: false, status: 409 });
  });

  it("removes a member, audits it, and the project becomes a 404 for them", async () => {
    const p = await project();
    await addMember(p, ana, "annotator");
    expect(await removeProjectMember(boss, p, ana.id)).toMatchObject({ ok: true, member: { userId: ana.id } });
    expect(await lastAudit()).toMatchObject({ action: "remove_member", entityId: p, before: { userId: ana.id, role: "annotator" } });
    expect(await getProjectForMember(ana, p)).toBeNull();
    expect(await listMembers(ana, p)).toBeNull();
  });

  it("refuses to change or remove someone who is not a member, or a user that does not exist", async () => {
    const p = await project();
    for (const userId of [ben.id, 999_999]) {
      expect(await expectNothingWritten(p, () => removeProjectMember(boss, p, userId))).toMatchObject({
        status: 422,
        error: "That person is not a member of this project.",
      });
      expect(await expectNothingWritten(p, () => changeMemberRole(boss, p, userId, "manager"))).toMatchObject({ status: 422 });
    }
  });
});

describe("guidelines and settings", () => {
  it("stores guidelines as given (markdown source) and audits the change", async () => {
    const p = await project();
    const text = "# Quotes\n\nTag the **quoted content**, not the cue. <script>alert(1)</script>";
    expect(await updateProjectGuidelines(boss, p, text)).toEqual({ ok: true });
    expect((await projectRow(p)).guidelines).toBe(text);
    expect(await lastAudit()).toMatchObject({ action: "update_guidelines", before: { guidelines: "" }, after: { guidelines: text } });
  });

  it("saves settings validated by projectSettingsSchema and audits before and after", async () => {
    const p = await project();
    const axes = DEFAULT_AXES.map((a) => (a.key === "stance" ? { ...a, label: "Stance on the levy", min: -3, max: 3 } : a));
    expect(await updateProjectSettings(boss, p, { blindMode: false, annotatorsPerDocument: 3, axes })).toEqual({ ok: true });
    expect(parseProjectSettings((await projectRow(p)).settings)).toEqual({ blindMode: false, annotatorsPerDocument: 3, axes });
    expect(await lastAudit()).toMatchObject({ action: "update_settings", before: { blindMode: true }, after: { blindMode: false, annotatorsPerDocument: 3 } });
  });

  it("changes only the settings it is given", async () => {
    const p = await project();
    await updateProjectSettings(boss, p, { annotatorsPerDocument: 4 });
    expect(await updateProjectSettings(boss, p, { blindMode: false })).toEqual({ ok: true });
    expect(parseProjectSettings((await projectRow(p)).settings)).toEqual({ blindMode: false, annotatorsPerDocument: 4, axes: DEFAULT_AXES });
    expect(await expectNothingWritten(p, () => updateProjectSettings(boss, p, "blind"))).toMatchObject({ ok: false, error: "These settings are not valid." });
  });

  it("refuses an axis whose minimum is not below its maximum, and a bad reviewer count, naming the problem", async () => {
    const p = await project();
    const axes = DEFAULT_AXES.map((a) => (a.key === "reliability" ? { ...a, min: 64, max: 0 } : a));
    const flipped = await expectNothingWritten(p, () => updateProjectSettings(boss, p, { blindMode: true, annotatorsPerDocument: 2, axes }));
    expect(flipped).toMatchObject({ ok: false, status: 422, error: "Reliability: the minimum must be below the maximum." });
    const count = await expectNothingWritten(p, () => updateProjectSettings(boss, p, { blindMode: true, annotatorsPerDocument: 0, axes: DEFAULT_AXES }));
    expect(count).toMatchObject({ ok: false, error: "Reviewers per document must be a whole number from 1 to 20." });
  });

  it("lets only managers edit either", async () => {
    const p = await project();
    await addMember(p, ana, "adjudicator");
    expect(await expectNothingWritten(p, () => updateProjectGuidelines(ana, p, "x"))).toMatchObject({ status: 403 });
    expect(await expectNothingWritten(p, () => updateProjectSettings(ana, p, { blindMode: false }))).toMatchObject({ status: 403 });
    expect(await expectNothingWritten(p, () => updateProjectGuidelines(ben, p, "x"))).toMatchObject({ status: 404 });
  });
});
