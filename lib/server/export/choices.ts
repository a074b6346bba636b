// What the Export page offers: the project's stories, the outlets of its documents, and the
// reviewers who have a layer to export. Managers and adjudicators only, as for the export itself.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Failure } from "../annotations/result";
import type { SessionUser } from "../session";
import { canExport } from "./authorize";
import { bytewise } from "@/db/sql";

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
  return await choicesOf(project);
}

async function choicesOf(project: { id: number; name: string }): Promise<ExportChoices> {
  const db = getDb();
  const named = ([id, name, documents]: [number, string, number]): { id: number; name: string; documents: number } => ({ id, name, documents });
  const stories = await db.all<[number, string, number]>(sql`
    select s.id, s.name, (select count(*) from documents d where d.story_id = s.id) from stories s
    where s.project_id = ${project.id} order by ${bytewise(sql`lower(s.name)`)}`);
  const outlets = await db.all<[number, string, number]>(sql`
    select o.id, o.name, count(*) from documents d join outlets o on o.id = d.outlet_id
    where d.project_id = ${project.id} group by o.id, o.name order by ${bytewise(sql`lower(o.name)`)}`);
  // Anyone with a live reviewer span in the project, member or not any more.
  const reviewers = await db.all<[string, string]>(sql`
    select u.username, u.display_name from users u where exists (
      select 1 from annotations a join documents d on d.id = a.document_id
      where a.annotator_id = u.id and a.layer = 'annotator' and a.deleted_at is null and d.project_id = ${project.id})
    order by ${bytewise(sql`u.username`)}`);
  const [count] = await db.all<[number]>(sql`select count(*) from documents where project_id = ${project.id}`);
  return {
    project,
    stories: stories.map(named),
    outlets: outlets.map(named),
    reviewers: reviewers.map(([username, displayName]) => ({ username, displayName })),
    documents: count?.[0] ?? 0,
  };
}
