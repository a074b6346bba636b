// More check-then-write places under two writers at once (see concurrency.test.ts for how the
// race is made real): first-admin setup, membership, settings, assignment removal, segments,
// ratings, project names and the API token limit. Each case starts two real lib/server calls together; on
// PostgreSQL both would pass their check without the lock (or the unique index's answer), on
// SQLite the transaction gate runs them one after the other, and the outcome is the same.
import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/rows";
import { apiTokens, auditLog, perspectiveRatings, projects, users } from "@/db/tables";
import { createApiToken } from "@/lib/server/api-tokens";
import { assignDocument } from "@/lib/server/assignment-plan";
import { removeAssignment } from "@/lib/server/assignment-removal";
import { addProjectMember, changeMemberRole, removeProjectMember, updateProjectSettings } from "@/lib/server/members";
import { listAnnotations } from "@/lib/server/annotations";
import { createProject } from "@/lib/server/projects";
import { rateDocument } from "@/lib/server/ratings";
import { createSegment, listSegments } from "@/lib/server/segments";
import { createStory } from "@/lib/server/stories";
import type { SessionUser } from "@/lib/server/session";
import { acceptSuggestion } from "@/lib/server/suggestions-decide";
import { createFirstAdmin } from "@/lib/server/users";
import { MAX_LIVE_API_TOKENS } from "@/lib/validation/api-tokens";
import { parseProjectSettings } from "@/lib/validation/projects";
import { addMember, admin, PASSWORD, project, reviewer } from "./helpers";
import { assignmentsOf, membersOf, newDocument } from "./members-helpers";
import { byWords, open, QUOTES, suggestWorld } from "./suggestions-helpers";

const okCount = (results: { ok: boolean }[]): number => results.filter((r) => r.ok).length;

// Runs first: no admin exists yet in this file's database.
describe("first-admin setups at once", () => {
  it("creates exactly one admin; the other is told setup is done", async () => {
    const setup = (username: string) => createFirstAdmin({ username, displayName: username, password: PASSWORD });
    // Four at once: each hashes its password first (on the thread pool), so two of them reach the
    // write at nearly the same moment more often than a pair does.
    const results = await Promise.all(["admin", "root", "owner", "chief"].map(setup));
    expect(okCount(results)).toBe(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, error: "Setup is already done. Sign in instead." }));
    const admins = await getDb().select({ id: users.id }).from(users).where(eq(users.role, "admin"));
    expect(admins).toHaveLength(1);
    // The other tests' helpers know the first admin as "admin".
    await getDb().update(users).set({ username: "admin" }).where(eq(users.id, admins[0]!.id));
  });
});

describe("two managers at once", () => {
  let mo: SessionUser;
  let kim: SessionUser;
  let ana: SessionUser;

  beforeAll(async () => {
    await admin();
    [mo, kim, ana] = [await reviewer("mo"), await reviewer("kim"), await reviewer("ana")];
  });

  async function twoManagers(): Promise<number> {
    const p = await project();
    await addMember(p, mo, "manager");
    await addMember(p, kim, "manager");
    const boss = await admin(); // the project's creator steps out: mo and kim are its only managers
    const left = await removeProjectMember(boss, p, boss.id);
    if (!left.ok) throw new Error(left.error);
    return p;
  }

  const managers = async (p: number) => (await membersOf(p)).filter((m) => m.role === "manager");

  it("demoting each other leaves one manager", async () => {
    const p = await twoManagers();
    const results = await Promise.all([changeMemberRole(mo, p, kim.id, "annotator"), changeMemberRole(kim, p, mo.id, "annotator")]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 403 });
    expect(await managers(p)).toHaveLength(1);
  });

  it("removing each other leaves one manager", async () => {
    const p = await twoManagers();
    const results = await Promise.all([removeProjectMember(mo, p, kim.id), removeProjectMember(kim, p, mo.id)]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 404 });
    expect(await managers(p)).toHaveLength(1);
  });

  it("adding the same person twice adds them once; the other is told they are a member", async () => {
    const p = await twoManagers();
    const add = (by: SessionUser) => addProjectMember(by, p, { username: ana.username, role: "annotator" });
    const results = await Promise.all([add(mo), add(kim)]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "duplicate" });
    expect((await membersOf(p)).filter((m) => m.userId === ana.id)).toHaveLength(1);
  });

  it("two partial settings changes both land", async () => {
    const p = await twoManagers();
    const results = await Promise.all([updateProjectSettings(mo, p, { blindMode: false }), updateProjectSettings(kim, p, { annotatorsPerDocument: 4 })]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const row = (await first(getDb().select({ settings: projects.settings }).from(projects).where(eq(projects.id, p))))!;
    expect(parseProjectSettings(row.settings)).toMatchObject({ blindMode: false, annotatorsPerDocument: 4 });
  });

  it("removing the same assignment twice removes it once, with one audit entry", async () => {
    const p = await twoManagers();
    await addMember(p, ana, "annotator");
    const documentId = await newDocument(p);
    const assigned = await assignDocument(mo, p, { documentId, userId: ana.id });
    if (!assigned.ok) throw new Error(assigned.error);
    const input = { documentId, userId: ana.id };
    const results = await Promise.all([removeAssignment(mo, p, input), removeAssignment(kim, p, input)]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 404, code: "not_found" });
    expect(await assignmentsOf(p)).toEqual([]);
    const audits = await first(getDb().select({ n: count() }).from(auditLog).where(eq(auditLog.action, "unassign")));
    expect(audits!.n).toBe(1);
  });

  it("two overlapping segments at once: one is marked, the other is told it overlaps", async () => {
    const p = await twoManagers();
    const documentId = await newDocument(p);
    const mark = (by: SessionUser, start: number) => createSegment(by, p, documentId, { start, end: start + 10, outlet: "Wire Service" });
    const results = await Promise.all([mark(mo, 0), mark(kim, 5)]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, error: expect.stringContaining("overlaps") });
    expect(await listSegments(mo, p, documentId)).toHaveLength(1);
  });

  it("two stories of the same name at once: one is made, the other is told the name is taken", async () => {
    const p = await twoManagers();
    const results = await Promise.all([
      createStory(mo, p, { name: "Levy vote", description: "" }),
      createStory(kim, p, { name: "levy VOTE", description: "" }),
    ]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "duplicate" });
  });

  it("one reviewer saving a rating from two tabs at once keeps one rating, never a failure", async () => {
    const p = await twoManagers();
    const documentId = await newDocument(p);
    const rate = (value: number) => rateDocument(mo, p, documentId, { axis: "stance", value, rationale: `Stance ${value}.` });
    const results = await Promise.all([rate(1), rate(-1)]);
    expect(results.map((r) => r.ok && r.created).sort()).toEqual([false, true]);
    const rows = await getDb().select({ id: perspectiveRatings.id }).from(perspectiveRatings).where(eq(perspectiveRatings.documentId, documentId));
    expect(rows).toHaveLength(1);
  });
});

describe("one reviewer accepting the same suggestion from two tabs at once", () => {
  it("makes one span (its new speaker once); the other tab is told it is decided", async () => {
    const w = await suggestWorld();
    const s = byWords(await open(w.ana, w), QUOTES.okafor); // a speaker not yet in the registry
    const results = await Promise.all([acceptSuggestion(w.ana, w.p, w.doc, s.key), acceptSuggestion(w.ana, w.p, w.doc, s.key)]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409, code: "decided" });
    expect(await listAnnotations(w.ana, w.p, w.doc)).toHaveLength(1);
  });
});

describe("two admins creating a project of the same name at once", () => {
  it("creates one; the other is told the name exists", async () => {
    const boss = await admin();
    const second = await reviewer("second-admin");
    await getDb().update(users).set({ role: "admin" }).where(eq(users.id, second.id));
    const create = (u: SessionUser, name: string) => createProject({ ...u, role: "admin" }, { name, description: "" });
    const results = await Promise.all([create(boss, "Harbor desk"), create(second, "harbor DESK")]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: expect.stringContaining("already exists") });
  });
});

describe("two tabs creating an API token at once", () => {
  it("holds the live-token limit", async () => {
    const user = await reviewer("token-holder");
    for (let i = 1; i < MAX_LIVE_API_TOKENS; i++) {
      const made = await createApiToken(user, { name: `token ${i}` });
      if (!made.ok) throw new Error(made.error);
    }
    const results = await Promise.all([createApiToken(user, { name: "tab one" }), createApiToken(user, { name: "tab two" })]);
    expect(okCount(results)).toBe(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: expect.stringContaining("the most one person may hold") });
    const live = await first(
      getDb()
        .select({ n: count() })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt))),
    );
    expect(live!.n).toBe(MAX_LIVE_API_TOKENS);
  });
});
