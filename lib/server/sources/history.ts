// The registry's recent history for the Sources page: sources added, edited, merged and
// merges undone, newest first, each as a sentence. Entries are found by the project id the
// registry's audit entries carry, since a merged-away source has no row left to join on. In
// blind mode an annotator is not told how many quotes a merge moved: those counts cover
// other reviewers' spans.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { SourceHistoryEntry } from "@/lib/validation/sources";
import { jsonInteger } from "@/db/sql";
import type { SessionUser } from "../session";
import { registryAccess } from "./access";
import type { MergeRecord } from "./merge";

interface Row {
  id: number;
  action: SourceHistoryEntry["action"];
  actorName: string | null;
  at: number;
  before: string | null;
  after: string;
}

/** A raw row comes back as its values, in the order of the select below. */
type RawRow = [Row["id"], Row["action"], Row["actorName"], Row["at"], Row["before"], Row["after"], number];

type Named = { name?: string; aliases?: string[]; kind?: string; affiliation?: string | null };

const quotes = (n: number): string => `${n} ${n === 1 ? "span" : "spans"}`;

function describeUpdate(before: Named, after: Named): string {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(`renamed to “${after.name}”`);
  if (before.kind !== after.kind) changes.push(`kind ${after.kind?.replace("_", " ")}`);
  if (before.affiliation !== after.affiliation) changes.push(after.affiliation ? `affiliation “${after.affiliation}”` : "affiliation removed");
  const added = (after.aliases ?? []).filter((a) => !(before.aliases ?? []).includes(a));
  const removed = (before.aliases ?? []).filter((a) => !(after.aliases ?? []).includes(a));
  if (added.length > 0) changes.push(`alias ${added.map((a) => `“${a}”`).join(", ")} added`);
  if (removed.length > 0) changes.push(`alias ${removed.map((a) => `“${a}”`).join(", ")} removed`);
  return `Edited “${before.name}”: ${changes.length > 0 ? changes.join("; ") : "no change"}.`;
}

function describe(row: Row, counts: boolean): string {
  const before = row.before === null ? null : (JSON.parse(row.before) as Record<string, unknown>);
  const after = JSON.parse(row.after) as Record<string, unknown>;
  if (row.action === "create") return `Added “${String(after.name)}”.`;
  if (row.action === "update") return describeUpdate(before as Named, after as Named);
  if (row.action === "merge") {
    const m = { before, after } as unknown as MergeRecord;
    const moved = counts ? `: ${quotes(m.after.moved.length)} moved` : "";
    return `Merged “${m.before.merged.name}” into “${m.before.kept.name}”${moved}.`;
  }
  const back = counts
    ? `: ${quotes(Number(after.movedBack))} moved back${Number(after.left) > 0 ? `, ${quotes(Number(after.left))} left as re-pointed since` : ""}`
    : "";
  return `Undid the merge of “${String((after.restored as Named).name)}” into “${String(after.keptName)}”${back}.`;
}

/** The newest `limit` registry changes of the project; null for a non-member. */
export async function sourceHistory(user: SessionUser, projectId: number, limit = 30): Promise<SourceHistoryEntry[] | null> {
  const db = getDb();
  const access = await registryAccess(db, user, projectId);
  if (access === null) return null;
  const raw = await db.all<RawRow>(sql`
    select l.id, l.action, u.display_name as actorName, l.at, l.before, l.after,
      exists (select 1 from audit_log x where x.entity = 'source' and x.action = 'unmerge' and ${jsonInteger(sql`x.after`, "mergeId")} = l.id) as undone
    from audit_log l left join users u on u.id = l.actor_id
    where l.entity = 'source' and l.action in ('create', 'update', 'merge', 'unmerge') and ${jsonInteger(sql`l.after`, "projectId")} = ${projectId}
    order by l.id desc limit ${limit}`);
  const rows = raw.map(([id, action, actorName, at, before, after, undone]) => ({ id, action, actorName, at, before, after, undone }));
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    actorName: r.actorName,
    at: new Date(r.at).toISOString(),
    summary: describe(r, access.seesOthers),
    undoable: r.action === "merge" && r.undone === 0,
  }));
}
