// A cell of the whole project's speakers × outlets matrix: the quotes it counts.
import type { ReactNode } from "react";
import { memberProject, ProjectNav, type ProjectParams } from "../../project-page";
import { comparePaths } from "../paths";
import type { Search } from "../query";
import { QuotesView } from "../quotes-view";
import "../compare.css";

export const metadata = { title: "Quotes" };

export default async function ProjectQuotesPage({ params, searchParams }: { params: ProjectParams; searchParams: Search }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  return (
    <section className="compare-page">
      <ProjectNav project={project} current="compare" trail={[{ label: "Quotes" }]} />
      <QuotesView user={user} projectId={project.id} storyId={null} query={await searchParams} paths={(layer) => comparePaths(project.id, null, layer)} />
    </section>
  );
}
