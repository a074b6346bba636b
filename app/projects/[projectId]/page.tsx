import Link from "next/link";
import type { ReactNode } from "react";
import { listOutlets, listStories } from "@/lib/server/catalog";
import { listDocumentsForMember } from "@/lib/server/document-reads";
import { documentListQuerySchema } from "@/lib/validation/documents";
import { memberProject, ProjectNav } from "./project-page";
import { TableRegion } from "@/app/table-region";

type Params = Promise<{ projectId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function ProjectPage({ params, searchParams }: { params: Params; searchParams: Search }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);

  const query = documentListQuerySchema.parse(await searchParams);
  const docs = await listDocumentsForMember(user, project.id, query);
  const outlets = await listOutlets();
  const stories = await listStories(project.id);
  const filtered = query.outlet !== undefined || query.story !== undefined;
  const manages = project.role === "manager";

  return (
    <section>
      <ProjectNav project={project} current="documents" />
      <div className="page-head">
        <h1>{project.name}</h1>
        {manages ? (
          <Link className="button primary" href={`/projects/${project.id}/import`}>
            Add documents
          </Link>
        ) : null}
      </div>
      {project.description ? <p className="lead">{project.description}</p> : null}

      <form className="filters" method="get" aria-label="Filter documents">
        <label>
          Outlet
          <select name="outlet" defaultValue={query.outlet ?? ""}>
            <option value="">All outlets</option>
            {outlets.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Story
          <select name="story" defaultValue={query.story ?? ""}>
            <option value="">All stories</option>
            {stories.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort
          <select name="sort" defaultValue={query.sort}>
            <option value="date_desc">Newest first</option>
            <option value="date_asc">Oldest first</option>
            <option value="title">Title</option>
            <option value="imported">Recently added</option>
          </select>
        </label>
        <button type="submit" className="button">
          Apply
        </button>
        {filtered ? <Link href={`/projects/${project.id}`}>Clear filters</Link> : null}
      </form>

      {docs.length === 0 ? (
        <p className="empty">{filtered ? "No documents match these filters." : "No documents yet."}</p>
      ) : (
        <TableRegion label={`Documents in ${project.name}`}>
          <table className="table documents">
            <caption className="visually-hidden">Documents in {project.name}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Outlet</th>
                <th scope="col">Story</th>
                <th scope="col">Published</th>
                <th scope="col" className="num">
                  Words
                </th>
                {manages ? (
                  <th scope="col">
                    <span className="visually-hidden">Details</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link href={`/projects/${project.id}/documents/${d.id}`}>{d.title}</Link>
                    {d.author ? <span className="meta"> · {d.author}</span> : null}
                  </td>
                  <td>
                    {d.outletId !== null ? <Link href={`/outlets/${d.outletId}?project=${project.id}`}>{d.outletName}</Link> : <span className="meta">—</span>}
                  </td>
                  <td>{d.storyName ?? <span className="meta">—</span>}</td>
                  <td>{d.publishedAt ?? <span className="meta">—</span>}</td>
                  <td className="num">{d.wordCount.toLocaleString("en")}</td>
                  {manages ? (
                    <td>
                      <Link href={`/projects/${project.id}/documents/${d.id}/details`} aria-label={`Details of ${d.title}`}>
                        Details
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
