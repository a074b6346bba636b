// Around the document's pages: the project's guidelines, rendered once on the server, handed to
// the workspace panel (kind-legend.tsx) so a reviewer reads them beside the text.
import type { ReactNode } from "react";
import { Markdown } from "@/app/markdown";
import { memberProject, type DocumentParams } from "../../project-page";
import { GuidelinesProvider } from "./kind-legend";

export default async function DocumentLayout({ children, params }: { children: ReactNode; params: DocumentParams }): Promise<ReactNode> {
  const { project } = await memberProject(params);
  const guidelines = project.guidelines.trim() ? <Markdown source={project.guidelines} /> : null;
  return <GuidelinesProvider guidelines={guidelines}>{children}</GuidelinesProvider>;
}
