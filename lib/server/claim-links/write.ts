// Linking two spans as the same claim, and taking a span out of its link. A span is in at
// most one link (a unique index holds it): linking a span that is already linked adds the
// other span to that link, and linking spans of two different links merges them into the
// older one. Every change is one immediate transaction with its audit row.
import { eq } from "drizzle-orm";
import { getDb, type DB } from "@/db";
import { claimLinks, claimLinkSpans } from "@/db/tables";
import { fail, type Failure } from "../annotations/result";
import type { Conn } from "../annotations/scope";
import { recordAudit } from "../audit";
import { lockProject } from "../locks";
import type { SessionUser } from "../session";
import { goldRefusal, liveSpan, type SpanAccess } from "./access";
import { linkedSpans, linkIdOf, memberIds, type LinkedSpan } from "./read";
import { one } from "@/db/rows";

// Writes here also delete rows (a merged or emptied link), which Conn leaves out.
type Tx = Conn & Pick<DB, "delete">;

export type LinkResult = { ok: true; linkId: number; spans: LinkedSpan[] } | Failure;

/** Why these two (visible, live) spans cannot be linked, or null. */
function pairProblem(a: SpanAccess, b: SpanAccess): Failure | null {
  const gold = goldRefusal(a) ?? goldRefusal(b);
  if (gold !== null) return gold;
  for (const span of [a, b]) {
    if (span.storyId === null) {
      return fail(
        409,
        "invalid",
        `“${span.documentTitle}” is in no story. Only documents of one story can be linked; a manager can add it to a story on the Stories page.`,
      );
    }
  }
  if (a.storyId !== b.storyId) {
    return fail(
      409,
      "invalid",
      `These spans are in different stories (“${a.storyName}” and “${b.storyName}”); a link joins one claim across the documents of one story.`,
    );
  }
  if (a.documentId === b.documentId) {
    return fail(409, "invalid", "Both spans are in the same document; a link joins the same claim across different documents.");
  }
  return null;
}

async function addMembers(conn: Conn, linkId: number, ids: number[], actorId: number): Promise<void> {
  if (ids.length > 0) await conn.insert(claimLinkSpans).values(ids.map((annotationId) => ({ linkId, annotationId, addedBy: actorId })));
}

/** Puts a and b in one link; returns the link's id. */
async function join(conn: Tx, user: SessionUser, projectId: number, a: SpanAccess, b: SpanAccess): Promise<number> {
  const linkA = await linkIdOf(conn, a.id);
  const linkB = await linkIdOf(conn, b.id);
  if (linkA !== null && linkA === linkB) return linkA;
  if (linkA === null && linkB === null) {
    const linkId = (await one(conn.insert(claimLinks).values({ projectId, storyId: a.storyId!, createdBy: user.id }).returning({ id: claimLinks.id }))).id;
    await addMembers(conn, linkId, [a.id, b.id], user.id);
    await recordAudit(conn, {
      actorId: user.id,
      action: "link",
      entity: "claim_link",
      entityId: linkId,
      after: { storyId: a.storyId, annotationIds: [a.id, b.id] },
    });
    return linkId;
  }
  if (linkA === null || linkB === null) {
    const linkId = (linkA ?? linkB)!;
    const before = await memberIds(conn, linkId);
    await addMembers(conn, linkId, [linkA === null ? a.id : b.id], user.id);
    const after = { annotationIds: await memberIds(conn, linkId) };
    await recordAudit(conn, {
      actorId: user.id,
      action: "link",
      entity: "claim_link",
      entityId: linkId,
      before: { annotationIds: before },
      after,
    });
    return linkId;
  }
  // Two links: the older survives and takes the other's spans, who added them is kept as it was.
  const [kept, gone] = linkA < linkB ? [linkA, linkB] : [linkB, linkA];
  const before = { [kept]: await memberIds(conn, kept), [gone]: await memberIds(conn, gone) };
  await conn.update(claimLinkSpans).set({ linkId: kept }).where(eq(claimLinkSpans.linkId, gone));
  await conn.delete(claimLinks).where(eq(claimLinks.id, gone));
  const annotationIds = await memberIds(conn, kept);
  await recordAudit(conn, {
    actorId: user.id,
    action: "merge",
    entity: "claim_link",
    entityId: kept,
    before: { links: before },
    after: { mergedLinkId: gone, annotationIds },
  });
  return kept;
}

/** Links two spans as the same claim (see the rules above); the link's spans as the user sees them. */
export async function linkSpans(user: SessionUser, projectId: number, annotationId: number, otherAnnotationId: number): Promise<LinkResult> {
  if (annotationId === otherAnnotationId) return fail(400, "invalid", "A span cannot be linked to itself; pick a span in another document of the story.");
  return getDb().transaction(
    async (tx): Promise<LinkResult> => {
      await lockProject(tx, projectId); // links span documents of the project: the project stands for them
      const a = await liveSpan(tx, user, projectId, annotationId);
      if ("ok" in a) return a;
      const b = await liveSpan(tx, user, projectId, otherAnnotationId);
      if ("ok" in b) return b;
      const problem = pairProblem(a, b);
      if (problem !== null) return problem;
      const linkId = await join(tx, user, projectId, a, b);
      return { ok: true, linkId, spans: await linkedSpans(tx, a.viewer, projectId, linkId) };
    },
    { behavior: "immediate" },
  );
}

/** Takes one span out of its link; a link left with fewer than two spans (deleted ones count) goes. */
export async function unlinkSpan(user: SessionUser, projectId: number, annotationId: number): Promise<{ ok: true } | Failure> {
  return getDb().transaction(
    async (tx): Promise<{ ok: true } | Failure> => {
      await lockProject(tx, projectId); // links span documents of the project: the project stands for them
      const span = await liveSpan(tx, user, projectId, annotationId);
      if ("ok" in span) return span;
      const refused = goldRefusal(span);
      if (refused !== null) return refused;
      const linkId = await linkIdOf(tx, span.id);
      if (linkId === null) return fail(409, "invalid", "This span is not linked to any other span.");
      const before = await memberIds(tx, linkId);
      await tx.delete(claimLinkSpans).where(eq(claimLinkSpans.annotationId, span.id));
      const left = before.filter((id) => id !== span.id);
      if (left.length < 2) await tx.delete(claimLinks).where(eq(claimLinks.id, linkId));
      await recordAudit(tx, {
        actorId: user.id,
        action: "unlink",
        entity: "claim_link",
        entityId: linkId,
        before: { annotationIds: before },
        after: left.length < 2 ? { deleted: true, annotationIds: [] } : { annotationIds: left },
      });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}
