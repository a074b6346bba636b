// Merging two sources into one, in one transaction: every span naming the merged-away source
// follows to the kept one, the merged-away name and aliases join the kept one's aliases, the
// merged-away row goes, and one audit entry keeps everything needed to undo it (undo.ts).
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { sources, type Source } from "@/db/tables";
import { foldName } from "@/lib/sources/near-match";
import type { SourceDto } from "@/lib/validation/annotations";
import { mergeSourcesSchema } from "@/lib/validation/sources";
import { invalid, type Failure } from "../annotations/result";
import { recordAudit } from "../audit";
import { lockProject } from "../locks";
import type { SessionUser } from "../session";
import { curatorAccess, sourceGone } from "./access";
import { sourceColumns } from "./registry";
import { repoint, rewriteSpan, spansNaming, type MovedSpan, type Tx } from "./span-refs";
import { first } from "@/db/rows";

export type MergeResult = { ok: true; mergeId: number; kept: SourceDto; moved: number } | Failure;

/** What the merge's audit entry holds: enough to put everything back. */
export interface MergeRecord {
  before: { projectId: number; kept: SourceDto; merged: Omit<Source, "createdAt"> & { createdAt: string } };
  after: { projectId: number; kept: SourceDto; addedAliases: string[]; moved: MovedSpan[] };
}

function addAliases(kept: Source, merged: Source): string[] {
  const seen = new Set([kept.name, ...kept.aliases].map(foldName));
  const added: string[] = [];
  for (const name of [merged.name, ...merged.aliases]) {
    if (seen.has(foldName(name))) continue;
    seen.add(foldName(name));
    added.push(name);
  }
  return added;
}

async function mergeIn(tx: Tx, user: SessionUser, projectId: number, raw: unknown): Promise<MergeResult> {
  const access = await curatorAccess(tx, user, projectId, "merge sources");
  if ("ok" in access) return access;
  const parsed = mergeSourcesSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
  const input = parsed.data;
  const rows = await tx
    .select()
    .from(sources)
    .where(and(eq(sources.projectId, projectId), inArray(sources.id, [input.from, input.into])));
  const merged = rows.find((r) => r.id === input.from);
  const kept = rows.find((r) => r.id === input.into);
  if (merged === undefined) return sourceGone(input.from);
  if (kept === undefined) return sourceGone(input.into);

  const moved: MovedSpan[] = [];
  for (const span of await spansNaming(tx, projectId, merged.id)) {
    const after = repoint(span.attributes, merged.id, kept.id);
    await rewriteSpan(tx, user.id, span, after, "source-merge");
    moved.push({ id: span.id, before: span.attributes, after });
  }
  const addedAliases = addAliases(kept, merged);
  const keptAfter = (await first(
    tx
      .update(sources)
      .set({ aliases: [...kept.aliases, ...addedAliases] })
      .where(eq(sources.id, kept.id))
      .returning(sourceColumns),
  ))!;
  await tx.delete(sources).where(eq(sources.id, merged.id));
  const { createdAt: _c, projectId: _p, ...keptBefore } = kept;
  const record: MergeRecord = {
    before: { projectId, kept: keptBefore, merged: { ...merged, createdAt: merged.createdAt.toISOString() } },
    after: { projectId, kept: keptAfter, addedAliases, moved },
  };
  const mergeId = await recordAudit(tx, { actorId: user.id, action: "merge", entity: "source", entityId: kept.id, ...record });
  return { ok: true, mergeId, kept: keptAfter, moved: moved.length };
}

/** A curator merges source `from` into source `into` ({ from, into }, checked against mergeSourcesSchema); both must be sources of this project. */
export async function mergeSources(user: SessionUser, projectId: number, input: unknown): Promise<MergeResult> {
  return getDb().transaction(
    async (tx) => {
      await lockProject(tx, projectId); // the sources and spans it reads stay as read until it writes, also on PostgreSQL
      return await mergeIn(tx, user, projectId, input);
    },
    { behavior: "immediate" },
  );
}
