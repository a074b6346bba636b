// The comparison of every document of the project, across outlets (whatever story they are in).
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { comparisonCharts } from "@/lib/charts";
import { layerChoiceParam, loadComparison, parseLayerChoice } from "@/lib/server/compare";
import { memberProject, ProjectNav, type ProjectParams } from "../project-page";
import { comparePaths } from "./paths";
import { single, type Search } from "./query";
import { ComparisonBody } from "./view";
import "./compare.css";

export const metadata = { title: "Compare outlets" };

export default async function CompareProjectPage({ params, searchParams }: { params: ProjectParams; searchParams: Search }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const layer = parseLayerChoice(single((await searchParams).layer));
  const result = await loadComparison(user, project.id, null, layer);
  if (!result.ok) notFound();
  const { view } = result;
  const paths = comparePaths(project.id, null, view.blind ? null : layerChoiceParam(view.layer));
  return (
    <section className="compare-page">
      <ProjectNav project={project} current="compare" />
      <h1>Compare outlets</h1>
      <p className="lead">Every document of the project, outlet by outlet. To compare the coverage of one event, open a story from the Stories page.</p>
      <ComparisonBody view={view} charts={comparisonCharts(view.comparison, view.input)} paths={paths} />
    </section>
  );
}
