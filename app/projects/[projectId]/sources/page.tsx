// The project's sources registry: every speaker with how often it is quoted, and for managers
// and adjudicators the tools that keep it clean (edit, aliases, merge, undo).
import type { ReactNode } from "react";
import { listSources, sourceHistory } from "@/lib/server/sources";
import { memberProject, ProjectNav, type ProjectParams } from "../project-page";
import { SourcesRegistry } from "./components";
import { RegistryHistory } from "./history";
import "./sources.css";

export const metadata = { title: "Sources" };

export default async function SourcesPage({ params }: { params: ProjectParams }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const overview = await listSources(user, project.id);
  const history = (await sourceHistory(user, project.id)) ?? [];
  if (overview === null) return null;
  const { access, sources } = overview;
  return (
    <section>
      <ProjectNav project={project} current="sources" />
      <h1>Sources</h1>
      <p className="lead">
        The speakers quoted in this project. A quote counts here when its span names the source as its speaker; documents and outlets are those it is quoted in.{" "}
        {access.seesOthers
          ? "Counts cover every reviewer's layer and gold."
          : "Blind mode is on, so the counts cover only your own quotes, and the history does not say how many quotes a merge moved."}{" "}
        {access.curates
          ? "As a manager or adjudicator you edit sources, set their aliases, and merge duplicates; a merge can be undone from the history."
          : "Managers and adjudicators edit, alias and merge sources; you add new ones while tagging quotes."}
      </p>
      <SourcesRegistry projectId={project.id} sources={sources} curates={access.curates} />
      <RegistryHistory projectId={project.id} entries={history} curates={access.curates} />
    </section>
  );
}
