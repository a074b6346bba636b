import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getDocumentReview } from "@/lib/server/adjudication";
import { requireUser } from "@/lib/server/auth";
import { parseId } from "@/lib/validation/projects";
import { AddGoldSpan, ReviewBoard, UnanimousButton } from "./components";
import { GoldLayer, ReviewerSummary } from "./sections";
import "./review.css";
import { ProgressStatus } from "../progress-status";
import { Refused } from "../refused";

type Params = Promise<{ projectId: string; documentId: string }>;

export default async function ReviewPage({ params }: { params: Params }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const raw = await params;
  const projectId = parseId(raw.projectId);
  const documentId = parseId(raw.documentId);
  const view = projectId === null || documentId === null ? null : await getDocumentReview(user, projectId, documentId);
  if (view === null || ("ok" in view && view.status === 404)) notFound();
  if ("ok" in view) {
    return <Refused title="Review" error={view.error} back={{ href: `/projects/${projectId}/documents/${documentId}`, label: "Open the document" }} />;
  }
  const { project, document: doc } = view;
  const ids = { projectId: project.id, documentId: doc.id };
  return (
    <article className="review-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${project.id}`}>{project.name}</Link> /{" "}
        <Link href={`/projects/${project.id}/review`}>Review</Link>
      </nav>
      <div className="page-head">
        <h1>
          {doc.title}{" "}
          {view.isGold ? (
            <span className="badge ok" aria-label="Gold: every difference is decided">
              Gold
            </span>
          ) : null}
        </h1>
        <div className="row-actions">
          <Link className="button small" href={`/projects/${project.id}/documents/${doc.id}`}>
            Open in the workspace
          </Link>
          <Link className="button small" href={`/projects/${project.id}/agreement`}>
            Agreement
          </Link>
        </div>
      </div>
      <ReviewerSummary view={view} />
      {view.notDone.length > 0 ? (
        <p className="notice warning" role="note">
          Not done yet: {view.notDone.join(", ")}. Their layers may still change; you can adjudicate anyway, and a span they add later reopens the document.
        </p>
      ) : null}
      <div className="review-actions card">
        <p>
          <span data-testid="review-status">
            <ProgressStatus progress={view.progress} />
          </span>
          . {view.unanimousUndecided > 0 ? `${view.unanimousUndecided} undecided span${view.unanimousUndecided === 1 ? " is" : "s are"} unanimous.` : null}
        </p>
        <UnanimousButton {...ids} count={view.unanimousUndecided} />
      </div>
      <ReviewBoard {...ids} differences={view.differences} marks={view.marks} sourceNames={view.sourceNames} />
      <GoldLayer view={view} />
      <AddGoldSpan {...ids} text={doc.text} />
    </article>
  );
}
