// A cell of a story's speakers × outlets matrix: the quotes it counts.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { listStoriesForMember } from "@/lib/server/stories";
import { parseId } from "@/lib/validation/projects";
import { comparePaths } from "../../../compare/paths";
import type { Search } from "../../../compare/query";
import { QuotesView } from "../../../compare/quotes-view";
import { memberProject, ProjectNav } from "../../../project-page";
import "../../../compare/compare.css";

type Params = Promise<{ projectId: string; storyId: string }>;

export const metadata = { title: "Quotes" };

export default async function StoryQuotesPage({ params, searchParams }: { params: Params; searchParams: Search }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const storyId = parseId((await params).storyId);
  const story = storyId === null ? undefined : (await listStoriesForMember(user, project.id))?.stories.find((s) => s.id === storyId);
  if (story === undefined) notFound();
  return (
    <section className="compare-page">
      <ProjectNav
        project={project}
        current="stories"
        trail={[{ label: story.name, href: `/projects/${project.id}/stories/${story.id}` }, { label: "Quotes" }]}
      />
      <QuotesView
        user={user}
        projectId={project.id}
        storyId={story.id}
        query={await searchParams}
        paths={(layer) => comparePaths(project.id, story.id, layer)}
      />
    </section>
  );
}
