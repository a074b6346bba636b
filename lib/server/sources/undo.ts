// Undoing a merge: the merged-away source comes back with its id, name, kind, affiliation and
// aliases; the aliases the merge added to the kept source go; and exactly the spans the merge
// moved go back, each only if it still names the kept source the way the merge left it. A
// span someone re-pointed since (to another speaker, or edited its targets) keeps what that
// person chose: the answer counts those as "left". Refused, with nothing changed, when the
// merge was undone already, when the kept source has itself been merged away since (undo that
// first), or when another source has taken the merged-away name in the meantime.
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, sources } from "@/db/tables";
import { foldName } from "@/lib/sources/near-match";
import type { SourceDto } from "@/lib/validation/annotations";
import { fail, type Failure } from "../annotations/result";
import { recordAudit } from "../audit";
import { lockProject } from "../locks";
import { jsonInteger } from "@/db/sql";
import type { SessionUser } from "../session";
import { curatorAccess } from "./access";
import type { MergeRecord } from "./merge";
import { sourceByName, sourceColumns } from "./registry";
import { rewriteSpan, spansById, type MovedSpan, type Tx } from "./span-refs";
import { first, one } from "@/db/rows";

export type UndoResult = { ok: true; restored: SourceDto; movedBack: number; left: number } | Failure;

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The merge entry of this project, or null. */
async function findMerge(tx: Tx, projectId: number, mergeId: number): Promise<MergeRecord | null> {
  const row = await first(
    tx
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.id, mergeId), eq(auditLog.entity, "source"), eq(auditLog.action, "merge"))),
  );
  const record = row as MergeRecord | undefined;
  return record?.after?.projectId === projectId ? record : null;
}

async function mergeUndone(tx: Pick<Tx, "all">, mergeId: number): Promise<boolean> {
  return (
    (await tx.all(sql`select 1 from audit_log where entity = 'source' and action = 'unmerge' and ${jsonInteger(sql`"after"`, "mergeId")} = ${mergeId} limit 1`))
      .length > 0
  );
}

/** Puts back the fields the merge changed, where the span still holds what the merge wrote. */
async function moveBack(tx: Tx, actorId: number, moved: MovedSpan[]): Promise<{ movedBack: number; left: number }> {
  const now = await spansById(
    tx,
    moved.map((m) => m.id),
  );
  let movedBack = 0;
  for (const m of moved) {
    const span = now.get(m.id);
    if (span === undefined) continue;
    const next = { ...span.attributes };
    let changed = false;
    for (const key of ["source_id", "targets"] as const) {
      if (sameJson(m.before[key], m.after[key]) || !sameJson(span.attributes[key], m.after[key])) continue;
      if (m.before[key] === undefined) delete next[key];
      else next[key] = m.before[key];
      changed = true;
    }
    if (!changed) continue;
    await rewriteSpan(tx, actorId, span, next, "source-unmerge");
    movedBack += 1;
  }
  return { movedBack, left: moved.length - movedBack };
}

async function undoIn(tx: Tx, user: SessionUser, projectId: number, mergeId: number): Promise<UndoResult> {
  const access = await curatorAccess(tx, user, projectId, "undo a merge");
  if ("ok" in access) return access;
  const record = await findMerge(tx, projectId, mergeId);
  if (record === null) return fail(404, "not_found", `There is no merge #${mergeId} in this project.`);
  if (await mergeUndone(tx, mergeId)) return fail(409, "stale", "This merge has already been undone.");
  const { merged, kept: keptThen } = record.before;
  const kept = await first(
    tx
      .select(sourceColumns)
      .from(sources)
      .where(and(eq(sources.id, keptThen.id), eq(sources.projectId, projectId))),
  );
  if (kept === undefined) return fail(409, "stale", `“${keptThen.name}” has since been merged into another source; undo that merge first.`);
  const taken = await sourceByName(tx, projectId, merged.name);
  if (taken !== null) return fail(409, "duplicate", `A source named “${taken.name}” exists now; rename it before undoing this merge.`);

  const restored = await one(
    tx
      .insert(sources)
      .values({ ...merged, createdAt: new Date(merged.createdAt) })
      .returning(sourceColumns),
  );
  const added = new Set(record.after.addedAliases.map(foldName));
  await tx
    .update(sources)
    .set({ aliases: kept.aliases.filter((a) => !added.has(foldName(a))) })
    .where(eq(sources.id, kept.id));
  const { movedBack, left } = await moveBack(tx, user.id, record.after.moved);
  await recordAudit(tx, {
    actorId: user.id,
    action: "unmerge",
    entity: "source",
    entityId: restored.id,
    before: { projectId, kept },
    after: { projectId, mergeId, restored, keptName: kept.name, movedBack, left },
  });
  return { ok: true, restored, movedBack, left };
}

/** A curator undoes the merge recorded as audit entry `mergeId`. */
export async function undoMerge(user: SessionUser, projectId: number, mergeId: number): Promise<UndoResult> {
  return getDb().transaction(
    async (tx) => {
      await lockProject(tx, projectId); // the sources and spans it reads stay as read until it writes, also on PostgreSQL
      return await undoIn(tx, user, projectId, mergeId);
    },
    { behavior: "immediate" },
  );
}
