// "Provenance and perspective" for one document: where its parts were first published
// (segments) and each reviewer's genre and stance. The annotation workspace is the page above.
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { memberDocument, type DocumentParams } from "../../../project-page";
import { listOutlets } from "@/lib/server/catalog";
import { documentRatingsFor, type DocumentAxis, type RatingsView } from "@/lib/server/ratings";
import { listSegments } from "@/lib/server/segments";
import { formatRating } from "@/lib/perspective/stats";
import { DOCUMENT_GENRES, GENRE_AXIS } from "@/lib/validation/ratings";
import { DocumentRatingForm } from "./components";
import { SegmentEditor } from "./segment-editor";
import "./provenance.css";

export const metadata = { title: "Provenance and perspective" };

type Params = DocumentParams;

function Perspective({ projectId, documentId, view }: { projectId: number; documentId: number; view: RatingsView<DocumentAxis> }): ReactNode {
  return (
    <section aria-labelledby="perspective-heading" className="stack">
      <h2 id="perspective-heading">Genre and stance</h2>
      {view.seesOthers ? null : <p className="notice">Blind mode is on: you see only your own genre and stance.</p>}
      <div className="two-columns">
        {view.axes.map(({ axis, mine, others, summary }) => (
          <section key={axis.key} className="card stack" aria-label={axis.label} data-axis={axis.key}>
            <h3>{axis.label}</h3>
            {summary !== null && axis.key !== GENRE_AXIS ? (
              <p className="meta">
                {summary.mean.ok ? `Team mean ${formatRating(summary.mean.value)}` : summary.mean.message}
                {summary.spread.ok ? ` · SD ${formatRating(summary.spread.value)}` : ""}
              </p>
            ) : null}
            <ul className="ratings" aria-label={`Ratings of ${axis.label.toLowerCase()}`}>
              {[...(mine === null ? [] : [{ ...mine, raterName: "You" }]), ...others].map((r) => (
                <li key={r.id}>
                  <strong>{r.raterName}</strong>: {r.label ?? (r.value === null ? "" : formatRating(r.value))}
                  <p className="rationale">{r.rationale}</p>
                </li>
              ))}
            </ul>
            <DocumentRatingForm
              projectId={projectId}
              documentId={documentId}
              axis={axis}
              choices={axis.key === GENRE_AXIS ? DOCUMENT_GENRES : undefined}
              mine={mine}
            />
          </section>
        ))}
      </div>
    </section>
  );
}

export default async function ProvenancePage({ params }: { params: Params }): Promise<ReactNode> {
  const { user, project, doc } = await memberDocument(params);
  const segments = await listSegments(user, doc.projectId, doc.id);
  const ratings = await documentRatingsFor(user, doc.projectId, doc.id);
  if (segments === null || ratings === null) notFound();

  return (
    <article className="reader wide provenance-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${doc.projectId}`}>{project.name}</Link> /{" "}
        <Link href={`/projects/${doc.projectId}/documents/${doc.id}`}>{doc.title}</Link> / <span>Provenance and perspective</span>
      </nav>
      <h1>Provenance and perspective</h1>
      <dl className="doc-meta">
        <dt>Document</dt>
        <dd>
          <Link href={`/projects/${doc.projectId}/documents/${doc.id}`}>{doc.title}</Link>
        </dd>
        <dt>Outlet</dt>
        <dd>{doc.outletId === null ? "—" : <Link href={`/outlets/${doc.outletId}`}>{doc.outletName}</Link>}</dd>
        {doc.publishedAt ? (
          <>
            <dt>Published</dt>
            <dd>{doc.publishedAt}</dd>
          </>
        ) : null}
      </dl>
      <Perspective projectId={doc.projectId} documentId={doc.id} view={ratings} />
      <h2 className="provenance-heading">Provenance</h2>
      <p className="lead">Mark the parts of this document that re-publish another outlet’s piece, with where and when it first appeared.</p>
      <SegmentEditor
        projectId={doc.projectId}
        documentId={doc.id}
        text={doc.text}
        segments={segments}
        outlets={(await listOutlets()).map((o) => o.name)}
        me={{ id: user.id, isManager: project.role === "manager" }}
      />
    </article>
  );
}
