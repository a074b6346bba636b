import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/auth";
import { listOutlets, listStories } from "@/lib/server/catalog";
import { listMembers } from "@/lib/server/members";
import { getProjectForMember } from "@/lib/server/projects";
import { ACCEPTED_EXTENSIONS, MAX_IMPORT_BYTES } from "@/lib/import";
import { MAX_ANNOTATION_IMPORT_BYTES } from "@/lib/validation/annotation-import";
import { parseId } from "@/lib/validation/projects";
import { AnnotationImportForm } from "./annotation-components";
import { ImportForms } from "./components";

export const metadata = { title: "Add documents" };

export default async function ImportPage({ params }: { params: Promise<{ projectId: string }> }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const projectId = parseId((await params).projectId);
  const project = projectId === null ? null : await getProjectForMember(user, projectId);
  if (project === null) notFound();
  if (project.role !== "manager") {
    return (
      <section className="narrow card">
        <h1>Add documents</h1>
        <p role="alert" className="notice error">
          Only a manager of this project can add documents.
        </p>
        <Link href={`/projects/${project.id}`}>Back to the documents</Link>
      </section>
    );
  }
  return (
    <section>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> / <span>Add documents</span>
      </nav>
      <h1>Add documents</h1>
      <p className="lead">
        Upload {ACCEPTED_EXTENSIONS.join(", ")} files (up to {MAX_IMPORT_BYTES / 1024 / 1024} MB each) or paste an article. Text is normalized once (Unicode
        NFC, \n line ends) and then frozen: every annotation points into it.
      </p>
      <ImportForms projectId={project.id} outlets={(await listOutlets()).map((o) => o.name)} stories={(await listStories(project.id)).map((s) => s.name)} />
      <AnnotationImportForm
        projectId={project.id}
        members={((await listMembers(user, project.id)) ?? []).filter((m) => !m.disabled).map((m) => ({ username: m.username, displayName: m.displayName }))}
        maxBytes={MAX_ANNOTATION_IMPORT_BYTES}
      />
    </section>
  );
}
