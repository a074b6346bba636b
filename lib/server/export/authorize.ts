// Who may export and what an export's choices mean in this project: parsed options, the
// caller's role, a story or reviewer that must belong to the project, and the totals.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
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

/** Checks that a story filter names a story of this project, and finds a reviewer's id. */
async function resolvePlan(project: { id: number; name: string }, options: ExportOptions): Promise<ExportPlan | Failure> {
  const db = getDb();
  if (options.storyId !== null && (await db.get(sql`select 1 from stories where id = ${options.storyId} and project_id = ${project.id}`)) === undefined) {
    return fail(400, "invalid", `Story ${options.storyId} is not in this project.`);
  }
  let reviewerId: number | null = null;
  if (options.layer.startsWith("reviewer:")) {
    const username = options.layer.slice("reviewer:".length);
    // A member, or a former member whose spans are still in the project.
    const row = await db.get<[number]>(sql`
      select u.id from users u where u.username = ${username} and (
        exists (select 1 from project_members m where m.user_id = u.id and m.project_id = ${project.id})
        or exists (select 1 from annotations a join documents d on d.id = a.document_id where a.annotator_id = u.id and d.project_id = ${project.id}))`);
    if (row === undefined) return fail(400, "invalid", `No reviewer of this project is called “${username}”.`);
    reviewerId = row[0];
  }
  return { project, options, documentIds: await documentsInScope(project.id, options), reviewerId };
}

export interface PlannedExport {
  plan: ExportPlan;
  /**
   * What the file holds. Counting reads the whole scope (a second or so on a million spans), so
   * it happens only when something asks: the Export page and the CLI do at once; a download only
   * if its format needs it. Counted once, whoever asks first.
   */
  summary(): Promise<ExportSummary>;
}

/** For a signed-in user: managers and adjudicators of the project only. */
export async function planExport(user: SessionUser, projectId: number, raw: RawExportQuery): Promise<PlannedExport | Failure> {
  const parsed = parseExportOptions(raw);
  if (!parsed.ok) return fail(400, "invalid", parsed.error);
  const project = await canExport(user, projectId);
  if ("ok" in project) return project;
  return planFor(await resolvePlan(project, parsed.options));
}

/**
 * For the CLI, which acts as the operator: whoever can run it can read the database itself, so
 * there is no member to check.
 */
export async function planExportAsOperator(project: { id: number; name: string }, raw: RawExportQuery): Promise<PlannedExport | Failure> {
  const parsed = parseExportOptions(raw);
  if (!parsed.ok) return fail(400, "invalid", parsed.error);
  return planFor(await resolvePlan(project, parsed.options));
}

function planFor(plan: ExportPlan | Failure): PlannedExport | Failure {
  if ("ok" in plan) return plan;
  let summary: Promise<ExportSummary> | null = null;
  return { plan, summary: () => (summary ??= summarize(plan)) };
}
