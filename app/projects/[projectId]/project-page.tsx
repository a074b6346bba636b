// Shared by the team, settings and progress pages: who is asking, for which project, and the
// links between a project's pages. A non-member (and an unknown or malformed id) gets the
// same notFound() as a project that does not exist.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/server/auth";
import { getDocumentForMember, type DocumentForReader } from "@/lib/server/document-reads";
import { getProjectForMember, type ProjectForMember } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { parseId } from "@/lib/validation/projects";

export type ProjectParams = Promise<{ projectId: string }>;

export async function memberProject(params: ProjectParams): Promise<{ user: SessionUser; project: ProjectForMember }> {
  await connection();
  const user = await requireUser();
  const projectId = parseId((await params).projectId);
  const project = projectId === null ? null : await getProjectForMember(user, projectId);
  if (project === null) notFound();
  return { user, project };
}

export type DocumentParams = Promise<{ projectId: string; documentId: string }>;

/** A document of a project the user is a member of, with that project; notFound() otherwise. */
export async function memberDocument(params: DocumentParams): Promise<{ user: SessionUser; project: ProjectForMember; doc: DocumentForReader }> {
  await connection();
  const user = await requireUser();
  const raw = await params;
  const projectId = parseId(raw.projectId);
  const documentId = parseId(raw.documentId);
  const doc = projectId === null || documentId === null ? null : await getDocumentForMember(user, projectId, documentId);
  const project = doc === null ? null : await getProjectForMember(user, doc.projectId);
  if (doc === null || project === null) notFound();
  return { user, project, doc };
}

type Tab = "documents" | "stories" | "sources" | "compare" | "team" | "settings" | "progress" | "agreement" | "review" | "export";

/** A step of the breadcrumb below the current tab (a story, then its quotes…); the last has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/**
 * Breadcrumb plus the project's own pages; each link is shown only to roles that may use it.
 * `trail` continues the breadcrumb below the tab for pages deeper than the tab itself.
 */
export function ProjectNav({ project, current, trail = [] }: { project: ProjectForMember; current: Tab; trail?: Crumb[] }): ReactNode {
  const base = `/projects/${project.id}`;
  const tabs: { tab: Tab; label: string; href: string; show: boolean }[] = [
    { tab: "documents", label: "Documents", href: base, show: true },
    { tab: "stories", label: "Stories", href: `${base}/stories`, show: true },
    { tab: "sources", label: "Sources", href: `${base}/sources`, show: true },
    { tab: "compare", label: "Compare", href: `${base}/compare`, show: true },
    { tab: "team", label: "Team", href: `${base}/team`, show: true },
    { tab: "settings", label: "Settings", href: `${base}/settings`, show: project.role === "manager" },
    { tab: "progress", label: "Progress", href: `${base}/progress`, show: project.role !== "annotator" },
    { tab: "agreement", label: "Agreement", href: `${base}/agreement`, show: project.role !== "annotator" },
    { tab: "review", label: "Review", href: `${base}/review`, show: project.role !== "annotator" },
    { tab: "export", label: "Export", href: `${base}/export`, show: project.role !== "annotator" },
  ];
  const tab = tabs.find((t) => t.tab === current)!;
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> /{" "}
        {current === "documents" ? (
          <span>{project.name}</span>
        ) : (
          <>
            <Link href={base}>{project.name}</Link> / {trail.length > 0 ? <Link href={tab.href}>{tab.label}</Link> : <span>{tab.label}</span>}
          </>
        )}
        {trail.map((c, i) => (
          <span key={i}> / {c.href === undefined ? <span>{c.label}</span> : <Link href={c.href}>{c.label}</Link>}</span>
        ))}
      </nav>
      <nav aria-label="Project pages" className="project-tabs">
        {tabs
          .filter((t) => t.show)
          .map((t) => (
            <Link key={t.tab} href={t.href} aria-current={t.tab === current ? (trail.length > 0 ? "true" : "page") : undefined}>
              {t.label}
            </Link>
          ))}
      </nav>
    </>
  );
}
