import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { OUTLET_KINDS } from "@/db/tables";
import { requireUser } from "@/lib/server/auth";
import { canRecordReferences, getOutlet, listOutletDocuments, listReferenceRatings, outletProjectsFor, type OutletProject } from "@/lib/server/outlets";
import { outletRatingsFor } from "@/lib/server/ratings";
import { parseId } from "@/lib/validation/projects";
import { OutletProfileForm } from "./components";
import { Coverage, PublishedRatings, TeamRatings } from "./sections";
import "./outlet.css";

type Params = Promise<{ outletId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export const metadata = { title: "Outlet" };

function ProjectPicker({ projects, selected }: { projects: OutletProject[]; selected: number }): ReactNode {
  return (
    <form className="filters" method="get" aria-label="Choose the project whose ratings to show">
      <label>
        Ratings in project
        <select name="project" defaultValue={selected}>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.documentCount} document{p.documentCount === 1 ? "" : "s"})
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        Show
      </button>
    </form>
  );
}

export default async function OutletPage({ params, searchParams }: { params: Params; searchParams: Search }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const outletId = parseId((await params).outletId);
  const outlet = outletId === null ? null : await getOutlet(outletId);
  if (outlet === null) notFound();

  // Ratings are per project: only the viewer's projects with this outlet's documents are
  // offered, and any other ?project= (someone else's, or none at all) is the same 404.
  const projects = await outletProjectsFor(user, outlet.id);
  const asked = (await searchParams).project;
  const projectId = asked === undefined ? (projects[0]?.id ?? null) : parseId(asked);
  const project = projects.find((p) => p.id === projectId) ?? null;
  if (asked !== undefined && project === null) notFound();
  const view = project === null ? null : await outletRatingsFor(user, project.id, outlet.id);

  return (
    <section className="outlet-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/outlets">Outlets</Link> / <span>{outlet.name}</span>
      </nav>
      <div className="outlet-head">
        <h1>{outlet.name}</h1>
        <span className="badge">{outlet.kind.replace("_", " ")}</span>
      </div>
      <dl className="doc-meta">
        <dt>Domain</dt>
        <dd>{outlet.domain ?? "—"}</dd>
        <dt>Kind</dt>
        <dd>{outlet.kind.replace("_", " ")}</dd>
        <dt>Country</dt>
        <dd>{outlet.country ?? "—"}</dd>
        <dt>Notes</dt>
        <dd className="notes">{outlet.notes || "—"}</dd>
      </dl>
      {user.role === "admin" ? (
        <details className="card">
          <summary>Edit profile</summary>
          <OutletProfileForm outlet={outlet} kinds={OUTLET_KINDS} />
        </details>
      ) : null}

      <h2>Coverage in your projects</h2>
      <Coverage documents={await listOutletDocuments(user, outlet.id)} />

      <h2 className="perspective-heading">Perspective</h2>
      {project === null ? (
        <p className="meta">None of your projects has documents from this outlet, so there is nothing to rate here yet.</p>
      ) : (
        <ProjectPicker projects={projects} selected={project.id} />
      )}
      <div className="perspective-columns">
        {project !== null && view !== null ? <TeamRatings projectId={project.id} outletId={outlet.id} view={view} /> : <div />}
        <PublishedRatings outletId={outlet.id} references={await listReferenceRatings(outlet.id)} canRecord={await canRecordReferences(user, outlet.id)} />
      </div>
    </section>
  );
}
