import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/auth";
import { getProjectForMember } from "@/lib/server/projects";
import { listStoriesForMember, type OutletColumn } from "@/lib/server/stories";
import { parseId } from "@/lib/validation/projects";
import { DeleteStoryButton, MoveDocumentForm, StoryForm } from "./components";
import { ProjectNav } from "../project-page";
import "./stories.css";

export const metadata = { title: "Stories" };

interface ColumnsProps {
  projectId: number;
  columns: OutletColumn[];
  storyId: number | null;
  /** Present for managers, who may move documents between stories. */
  stories: { id: number; name: string }[] | null;
}

function documentCount(columns: OutletColumn[]): number {
  return columns.reduce((n, c) => n + c.documents.length, 0);
}

/** One column per outlet, so the same event reads side by side across sources. */
function OutletColumns({ projectId, columns, storyId, stories }: ColumnsProps): ReactNode {
  if (columns.length === 0) return <p className="meta">No documents.</p>;
  return (
    <div className="outlet-columns">
      {columns.map((c) => (
        <section key={c.outletId ?? "none"} className="outlet-column" aria-label={c.outletName ?? "No outlet"}>
          <h3>{c.outletId === null ? <span className="meta">No outlet</span> : <Link href={`/outlets/${c.outletId}`}>{c.outletName}</Link>}</h3>
          <ul>
            {c.documents.map((d) => (
              <li key={d.id}>
                <Link href={`/projects/${projectId}/documents/${d.id}`}>{d.title}</Link>
                {d.publishedAt ? <span className="meta"> · {d.publishedAt}</span> : null}
                {stories === null ? null : <MoveDocumentForm projectId={projectId} document={d} storyId={storyId} stories={stories} />}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export default async function StoriesPage({ params }: { params: Promise<{ projectId: string }> }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const projectId = parseId((await params).projectId);
  const project = projectId === null ? null : await getProjectForMember(user, projectId);
  const overview = project === null ? null : await listStoriesForMember(user, project.id);
  if (project === null || overview === null) notFound();
  const manages = overview.role === "manager";
  const choices = manages ? overview.stories.map(({ id, name }) => ({ id, name })) : null;

  return (
    <section>
      <ProjectNav project={project} current="stories" />
      <h1>Stories</h1>
      <p className="lead">
        Documents about the same event, side by side by outlet. Compare a story to see how each outlet covered it, or read its documents side by side.
        {manages ? " As a manager you create, edit and delete stories and move documents between them." : ""}
      </p>
      {manages ? (
        <details className="card new-story">
          <summary>New story</summary>
          <StoryForm projectId={project.id} />
        </details>
      ) : null}
      {overview.stories.length === 0 ? <p className="empty">No stories yet.</p> : null}
      {overview.stories.map((story) => (
        <section key={story.id} className="card story stack" aria-labelledby={`story-${story.id}`}>
          <div className="story-head">
            <h2 id={`story-${story.id}`}>{story.name}</h2>
            <div className="row-actions story-actions">
              <Link className="button small" href={`/projects/${project.id}/stories/${story.id}`}>
                Compare
              </Link>
              {documentCount(story.outlets) >= 2 ? (
                <Link className="button small" href={`/projects/${project.id}/stories/${story.id}/read`}>
                  Read side by side
                </Link>
              ) : null}
              {manages ? <DeleteStoryButton projectId={project.id} story={story} /> : null}
            </div>
          </div>
          {story.description ? <p className="story-description">{story.description}</p> : null}
          {manages ? (
            <details>
              <summary>Rename or describe</summary>
              <StoryForm projectId={project.id} story={story} />
            </details>
          ) : null}
          <OutletColumns projectId={project.id} columns={story.outlets} storyId={story.id} stories={choices} />
        </section>
      ))}
      {overview.ungrouped.length > 0 ? (
        <section className="card story stack" aria-labelledby="ungrouped">
          <h2 id="ungrouped">Not in a story</h2>
          <OutletColumns projectId={project.id} columns={overview.ungrouped} storyId={null} stories={choices} />
        </section>
      ) : null}
    </section>
  );
}
