import type { DB } from "@/db";
import { auditLog } from "@/db/tables";
import { one } from "@/db/rows";

// Either the database or an open transaction: audit rows go in the same transaction as the change.
type Writer = Pick<DB, "insert">;

export interface AuditEntryInput {
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one entry and gives its id (a merge is undone by naming its entry). */
export async function recordAudit(writer: Writer, entry: AuditEntryInput): Promise<number> {
  const row = await one(
    writer
      .insert(auditLog)
      .values({
        actorId: entry.actorId,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        before: entry.before ?? null,
        after: entry.after ?? null,
      })
      .returning({ id: auditLog.id }),
  );
  return row.id;
}
