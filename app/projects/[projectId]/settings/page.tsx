import Link from "next/link";
import type { ReactNode } from "react";
import { memberProject, ProjectNav, type ProjectParams } from "../project-page";
import { suggestionSettingsFor } from "@/lib/server/suggestions-settings";
import { GuidelinesForm, SettingsForm } from "./components";
import { SuggestionsForm } from "./suggestions-form";
import "../team/team.css";
import "./settings.css";

export const metadata = { title: "Project settings" };

export default async function SettingsPage({ params }: { params: ProjectParams }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  if (project.role !== "manager") {
    return (
      <section className="narrow card">
        <h1>Project settings</h1>
        <p role="alert" className="notice error">
          Only a manager of this project can change its guidelines and settings.
        </p>
        <Link href={`/projects/${project.id}/team`}>Read the guidelines on the team page</Link>
      </section>
    );
  }
  return (
    <section>
      <ProjectNav project={project} current="settings" />
      <h1>Project settings</h1>
      <div className="two-columns">
        <GuidelinesForm projectId={project.id} guidelines={project.guidelines} />
        <div className="stack">
          <SettingsForm projectId={project.id} settings={project.settings} />
          <SuggestionsForm projectId={project.id} settings={(await suggestionSettingsFor(user, project.id))!} />
        </div>
      </div>
    </section>
  );
}
