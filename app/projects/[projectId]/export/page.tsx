// The project's Export page: choose what to export and in which format; the page says how
// many documents and spans the file will hold, and the download streams as soon as it starts.
import type { ReactNode } from "react";
import { exportChoices } from "@/lib/server/export/choices";
import { Refused } from "../review/refused";
import { memberProject, ProjectNav, type ProjectParams } from "../project-page";
import { ExportForm } from "./components";
import "./export.css";

export const metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: ProjectParams }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const choices = await exportChoices(user, project.id);
  if ("ok" in choices) return <Refused title="Export" error={choices.error} back={{ href: `/projects/${project.id}`, label: "Back to the project" }} />;
  return (
    <section>
      <ProjectNav project={project} current="export" />
      <h1>Export</h1>
      <p className="lead">
        Download the annotated corpus for a model, a spreadsheet or another tool. Offsets are Unicode code points into the article text (UIMA XMI alone counts
        UTF-16 units, as INCEpTION expects). Scripts can fetch the same files with a personal API token from <a href="/account">your account</a>.
      </p>
      {choices.documents === 0 ? <p className="empty">This project has no documents yet.</p> : <ExportForm choices={choices} />}
    </section>
  );
}
