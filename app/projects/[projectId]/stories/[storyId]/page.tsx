// The comparison of one story: how each outlet covered the same event.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { comparisonCharts } from "@/lib/charts";
import { layerChoiceParam, loadComparison, parseLayerChoice } from "@/lib/server/compare";
import { parseId } from "@/lib/validation/projects";
import { comparePaths } from "../../compare/paths";
import { single, type Search } from "../../compare/query";
import { ComparisonBody } from "../../compare/view";
import { memberProject, ProjectNav } from "../../project-page";
import "../../compare/compare.css";

type Params = Promise<{ projectId: string; storyId: string }>;

export const metadata = { title: "Story comparison" };

export default async function StoryComparisonPage({ params, searchParams }: { params: Params; searchParams: Search }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const storyId = parseId((await params).storyId);
  if (storyId === null) notFound();
  const layer = parseLayerChoice(single((await searchParams).layer));
  const result = await loadComparison(user, project.id, storyId, layer);
  if (!result.ok || result.view.story === null) notFound();
  const { view } = result;
  const story = view.story!;
  const paths = comparePaths(project.id, story.id, view.blind ? null : layerChoiceParam(view.layer));
  return (
    <section className="compare-page">
      <ProjectNav project={project} current="stories" trail={[{ label: story.name }]} />
      <h1 className="story-title">{story.name}</h1>
      {story.description ? <p className="lead story-description">{story.description}</p> : null}
      <ComparisonBody view={view} charts={comparisonCharts(view.comparison, view.input)} paths={paths} />
    </section>
  );
}
