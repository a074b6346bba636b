// What the Export page offers: the project's stories, the outlets of its documents, and the
// reviewers who have a layer to export. Managers and adjudicators only, as for the export itself.
import type Database from "better-sqlite3";
import type { Failure } from "../annotations/result";
import { withSqlite } from "@/db";
import type { SessionUser } from "../session";
import { canExport } from "./authorize";

export interface ExportChoices {
  project: { id: number; name: string };
  stories: { id: number; name: string; documents: number }[];
  outlets: { id: number; name: string; documents: number }[];
  reviewers: { username: string; displayName: string }[];
  documents: number;
}

export async function exportChoices(user: SessionUser, projectId: number): Promise<ExportChoices | Failure> {
  const project = await canExport(user, projectId);
  if ("ok" in project) return project;
  return await withSqlite((sqlite) => choicesOf(sqlite, project));
}

function choicesOf(sqlite: Database.Database, project: { id: number; name: string }): ExportChoices {
  const stories = sqlite
    .prepare<[number], ExportChoices["stories"][number]>(
      "select s.id, s.name, (select count(*) from documents d where d.story_id = s.id) as documents from stories s where s.project_id = ? order by lower(s.name)",
    )
    .all(project.id);
  const outlets = sqlite
    .prepare<[number], ExportChoices["outlets"][number]>(
      "select o.id, o.name, count(*) as documents from documents d join outlets o on o.id = d.outlet_id where d.project_id = ? group by o.id order by lower(o.name)",
    )
    .all(project.id);
  // Anyone with a live reviewer span in the project, member or not any more.
  const reviewers = sqlite
    .prepare<[number], { username: string; displayName: string }>(
      `select u.username, u.display_name as displayName from users u where exists (
         select 1 from annotations a join documents d on d.id = a.document_id
         where a.annotator_id = u.id and a.layer = 'annotator' and a.deleted_at is null and d.project_id = ?) order by u.username`,
    )
    .all(project.id);
  const documents = sqlite.prepare<[number], { n: number }>("select count(*) as n from documents where project_id = ?").get(project.id)?.n ?? 0;
  return { project, stories, outlets, reviewers, documents };
}
