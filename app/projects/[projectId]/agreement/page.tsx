import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getProjectAgreement, type LayerFilter } from "@/lib/server/agreement";
import { requireUser } from "@/lib/server/auth";
import { parseId } from "@/lib/validation/projects";
import { AttributeTable, RatingsTable } from "./attribute-tables";
import { DocumentTable, MeasuresNote, MeasuresTable, PairMatrix, SORTS, type DocumentSort } from "./sections";
import "./agreement.css";
import { Refused } from "../review/refused";

type Params = Promise<{ projectId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AgreementPage({ params, searchParams }: { params: Params; searchParams: Search }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const projectId = parseId((await params).projectId);
  const query = await searchParams;
  const layers: LayerFilter = query.layers === "done" ? "done" : "all";
  const sort: DocumentSort = SORTS.includes(query.sort as DocumentSort) ? (query.sort as DocumentSort) : "alpha_asc";
  const view = projectId === null ? null : await getProjectAgreement(user, projectId, layers);
  if (view === null || ("ok" in view && view.status === 404)) notFound();
  if ("ok" in view) {
    return <Refused title="Agreement" error={view.error} back={{ href: `/projects/${projectId}`, label: "Back to the project" }} />;
  }
  const base = `/projects/${view.project.id}/agreement`;
  const href = (next: { layers?: LayerFilter; sort?: DocumentSort }) => {
    const p = new URLSearchParams();
    if ((next.layers ?? layers) === "done") p.set("layers", "done");
    if ((next.sort ?? sort) !== "alpha_asc") p.set("sort", next.sort ?? sort);
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <section className="agreement-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${view.project.id}`}>{view.project.name}</Link>
      </nav>
      <div className="page-head">
        <h1>Agreement</h1>
        <div className="row-actions">
          <Link className="button" href={`/projects/${view.project.id}/review`}>
            Review queue
          </Link>
          <Link className="button" href={`${base}/ratings`}>
            Gold outlet ratings
          </Link>
        </div>
      </div>
      <p className="filters" aria-label="Which layers are compared">
        Layers compared:{" "}
        {layers === "all" ? <strong>every reviewer who started</strong> : <Link href={href({ layers: "all" })}>every reviewer who started</Link>} ·{" "}
        {layers === "done" ? <strong>only layers marked done</strong> : <Link href={href({ layers: "done" })}>only layers marked done</Link>}
      </p>
      <MeasuresTable measures={view.report.measures} />
      <MeasuresNote />
      <PairMatrix pairs={view.report.pairs} reviewerIds={view.report.reviewerIds} names={view.reviewerNames} />
      <DocumentTable projectId={view.project.id} rows={view.documents} sort={sort} href={(s) => href({ sort: s })} />
      <AttributeTable attributes={view.report.attributes} />
      <RatingsTable rows={view.ratings} ratingsHref={`${base}/ratings`} />
    </section>
  );
}
