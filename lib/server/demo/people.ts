// The demo's fictional team: accounts that exist only to have annotated the demo project.
import { projectMembers, users, type ProjectRole } from "@/db/tables";
import { DEMO_ADJUDICATOR, DEMO_REVIEWERS, DEMO_SOURCES, type DemoAccount, type DemoReviewerKey } from "@/db/seed/demo-people";
import type { Conn } from "../annotations/scope";
import { recordAudit } from "../audit";
import type { SessionUser } from "../session";
import { createSource } from "../sources";
import { one } from "@/db/rows";

/**
 * Not an argon2 hash, so no password verifies against it (the verifier refuses to parse it).
 * With the account disabled too, nobody can sign in as a demo reviewer: an admin who wants
 * to would have to enable the account and set a password, both audited.
 */
export const DEMO_PASSWORD_HASH = "!demo-account:no-password";

export interface DemoTeam {
  reviewers: Record<DemoReviewerKey, SessionUser>;
  adjudicator: SessionUser;
}

async function createAccount(conn: Conn, projectId: number, account: DemoAccount, role: ProjectRole): Promise<SessionUser> {
  const values = { ...account, passwordHash: DEMO_PASSWORD_HASH, role: "member" as const, disabledAt: new Date() };
  const row = await one(conn.insert(users).values(values).returning({ id: users.id }));
  await recordAudit(conn, {
    actorId: null,
    action: "create",
    entity: "user",
    entityId: row.id,
    after: { ...account, role: "member", disabled: true, demo: true },
  });
  await conn.insert(projectMembers).values({ projectId, userId: row.id, role });
  return { id: row.id, username: account.username, displayName: account.displayName, role: "member" };
}

/** The two reviewers (annotators) and the editor (adjudicator), members of the demo project. */
export async function createDemoTeam(conn: Conn, projectId: number): Promise<DemoTeam> {
  return {
    reviewers: {
      amara: await createAccount(conn, projectId, DEMO_REVIEWERS.amara, "annotator"),
      jonas: await createAccount(conn, projectId, DEMO_REVIEWERS.jonas, "annotator"),
    },
    adjudicator: await createAccount(conn, projectId, DEMO_ADJUDICATOR, "adjudicator"),
  };
}

/** The demo's sources registry, added by a reviewer the way anyone adds one; name → id. */
export async function createDemoSources(by: SessionUser, projectId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const source of DEMO_SOURCES) {
    const created = await createSource(by, projectId, source);
    if (!created.ok) throw new Error(`demo source refused: ${created.error}`);
    ids.set(source.name, created.source.id);
  }
  return ids;
}
