// A reviewer's queue: the documents assigned to them (or that they started on their own)
// across every project they are still a member of, with where they stand on each.
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { assignments, documents, outlets, projectMembers, projects } from "@/db/tables";
import type { AssignmentStatus } from "./assignments";
import type { SessionUser } from "./session";

export const QUEUE_STATUS_LABELS: Record<AssignmentStatus, string> = {
  todo: "To do",
  in_progress: "In progress",
  submitted: "Done",
};

export interface QueueItem {
  projectId: number;
  projectName: string;
  documentId: number;
  title: string;
  outletName: string | null;
  status: AssignmentStatus;
  submittedAt: string | null;
}

// Work already started comes first, then what is waiting, then what is done.
const statusRank = sql`case ${assignments.status} when 'in_progress' then 0 when 'todo' then 1 else 2 end`;

/** The user's own assignments only; membership is joined so a removed member's queue empties. */
export async function listQueue(user: SessionUser): Promise<QueueItem[]> {
  const rows = await getDb()
    .select({
      projectId: projects.id,
      projectName: projects.name,
      documentId: documents.id,
      title: documents.title,
      outletName: outlets.name,
      status: assignments.status,
      submittedAt: assignments.submittedAt,
    })
    .from(assignments)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, assignments.projectId), eq(projectMembers.userId, user.id)))
    .innerJoin(documents, and(eq(documents.id, assignments.documentId), eq(documents.projectId, assignments.projectId)))
    .innerJoin(projects, eq(projects.id, assignments.projectId))
    .leftJoin(outlets, eq(outlets.id, documents.outletId))
    .where(eq(assignments.userId, user.id))
    .orderBy(statusRank, asc(projects.name), asc(assignments.assignedAt), asc(documents.id));
  return rows.map((row) => ({ ...row, submittedAt: row.submittedAt?.toISOString() ?? null }));
}

export interface QueueSummary {
  todo: number;
  inProgress: number;
  done: number;
}

export function summarizeQueue(items: readonly QueueItem[]): QueueSummary {
  const count = (s: AssignmentStatus): number => items.filter((i) => i.status === s).length;
  return { todo: count("todo"), inProgress: count("in_progress"), done: count("submitted") };
}

/** What to open next: a document already in progress, else the oldest one to do; null when all are done. */
export async function nextDocument(user: SessionUser, projectId?: number): Promise<QueueItem | null> {
  return (await listQueue(user)).find((item) => item.status !== "submitted" && (projectId === undefined || item.projectId === projectId)) ?? null;
}

/** The page of a queued document. */
export const documentHref = (item: Pick<QueueItem, "projectId" | "documentId">): string => `/projects/${item.projectId}/documents/${item.documentId}`;
