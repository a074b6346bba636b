// Who may export and what an export's choices mean in this project: parsed options, the
// caller's role, a story or reviewer that must belong to the project, and the totals.
import Database from "better-sqlite3";
import { getSqlite, withSqlite } from "@/db";
import { parseExportOptions, type ExportOptions, type RawExportQuery } from "@/lib/validation/export";
import { fail, type Failure } from "../annotations/result";
import { getProjectForMember } from "../projects";
import type { SessionUser } from "../session";
import { documentsInScope, summarize, type ExportPlan, type ExportSummary } from "./plan";

const notFound = (): Failure => fail(404, "not_found", "This project does not exist, or you are not a member of it.");

/** Who may export: the project's managers and adjudicators (annotators may be blind to others). */
export async function canExport(user: SessionUser, projectId: number): Promise<{ id: number; name: string } | Failure> {
  const project = await getProjectForMember(user, projectId);
  if (project === null) return notFound();
  if (project.role === "annotator") return fail(403, "forbidden", "Only the project's managers and adjudicators can export its annotations.");
  return { id: project.id, name: project.name };
}

/** Checks that a story or outlet filter names something in this project, and finds a reviewer's id. */
function resolvePlan(sqlite: Database.Database, project: { id: number; name: string }, options: ExportOptions): ExportPlan | Failure {
  if (options.storyId !== null && sqlite.prepare("select 1 from stories where id = ? and project_id = ?").get(options.storyId, project.id) === undefined) {
    return fail(400, "invalid", `Story ${options.storyId} is not in this project.`);
  }
  let reviewerId: number | null = null;
  if (options.layer.startsWith("reviewer:")) {
    const username = options.layer.slice("reviewer:".length);
    // A member, or a former member whose spans are still in the project.
    const row = sqlite
      .prepare<{ projectId: number; username: string }, { id: number }>(
        `select u.id from users u where u.username = @username and (
           exists (select 1 from project_members m where m.user_id = u.id and m.project_id = @projectId)
           or exists (select 1 from annotations a join documents d on d.id = a.document_id where a.annotator_id = u.id and d.project_id = @projectId))`,
      )
      .get({ projectId: project.id, username });
    if (row === undefined) return fail(400, "invalid", `No reviewer of this project is called “${username}”.`);
    reviewerId = row.id;
  }
  return { project, options, documentIds: documentsInScope(sqlite, project.id, options), reviewerId };
}

export type PlannedExport = { plan: ExportPlan; summary: ExportSummary };

/** For a signed-in user: managers and adjudicators of the project only. */
export async function planExport(user: SessionUser, projectId: number, raw: RawExportQuery): Promise<PlannedExport | Failure> {
  const parsed = parseExportOptions(raw);
  if (!parsed.ok) return fail(400, "invalid", parsed.error);
  const project = await canExport(user, projectId);
  if ("ok" in project) return project;
  return planFor(await withSqlite((sqlite) => resolvePlan(sqlite, project, parsed.options)));
}

/**
 * For the CLI, which acts as the operator: whoever can run it can read the database file
 * itself, so there is no member to check.
 */
export function planExportAsOperator(project: { id: number; name: string }, raw: RawExportQuery): PlannedExport | Failure {
  const parsed = parseExportOptions(raw);
  if (!parsed.ok) return fail(400, "invalid", parsed.error);
  return planFor(resolvePlan(getSqlite(), project, parsed.options));
}

/**
 * Counts on the shared connection when it has no transaction open, so nothing uncommitted is
 * there to see. The count is synchronous and may be asked for mid-download, when it cannot wait
 * for another request's transaction to end: then it reads through a read-only connection of its
 * own, which sees committed rows only.
 */
function summarizeCommitted(plan: ExportPlan): ExportSummary {
  const sqlite = getSqlite();
  if (!sqlite.inTransaction) return summarize(sqlite, plan);
  const own = new Database(sqlite.name, { readonly: true, fileMustExist: true });
  try {
    return summarize(own, plan);
  } finally {
    own.close();
  }
}

function planFor(plan: ExportPlan | Failure): PlannedExport | Failure {
  if ("ok" in plan) return plan;
  // Counting reads the whole scope (a second or so on a million spans), so it happens only when
  // something asks: the Export page and the CLI do at once; a download only if its format needs it.
  let summary: ExportSummary | null = null;
  return {
    plan,
    get summary(): ExportSummary {
      return (summary ??= summarizeCommitted(plan));
    },
  };
}
