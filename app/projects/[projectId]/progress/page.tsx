import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getProjectProgress, type DocumentProgress, type ProjectProgress } from "@/lib/server/progress";
import { QUEUE_STATUS_LABELS } from "@/lib/server/queue";
import { ANNOTATION_KINDS, KIND_LABELS } from "@/lib/validation/annotations";
import { ROLE_LABELS } from "@/lib/validation/members";
import { memberProject, ProjectNav, type ProjectParams } from "../project-page";
import { ReopenButton } from "./components";
import "../team/team.css";
import { TableRegion } from "@/app/table-region";
import "./progress.css";

export const metadata = { title: "Progress" };

const percent = (done: number, total: number): number => (total === 0 ? 0 : Math.round((done / total) * 100));

/** A native <progress> (role progressbar, value exposed) with the numbers also written out. */
function Bar({ done, total, label }: { done: number; total: number; label: string }): ReactNode {
  return (
    <div className="progress-cell">
      <progress value={done} max={Math.max(total, 1)} aria-label={label}>
        {percent(done, total)}%
      </progress>
      <span className="count">
        {done} / {total} ({percent(done, total)}%)
      </span>
    </div>
  );
}

function ReviewerTable({ progress }: { progress: ProjectProgress }): ReactNode {
  if (progress.reviewers.length === 0) return <p className="empty">No reviewers yet: add annotators on the team page.</p>;
  return (
    <TableRegion label="Progress per reviewer">
      <table className="table">
        <caption className="visually-hidden">Progress per reviewer</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Role</th>
            <th scope="col">Done of assigned</th>
            <th scope="col" className="num">
              In progress
            </th>
          </tr>
        </thead>
        <tbody>
          {progress.reviewers.map((r) => (
            <tr key={r.userId}>
              <td>{r.displayName}</td>
              <td>{ROLE_LABELS[r.role]}</td>
              <td>
                <Bar done={r.done} total={r.assigned} label={`${r.displayName}: documents done`} />
              </td>
              <td className="num">{r.inProgress}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function DocumentRow({ projectId, doc, canReopen }: { projectId: number; doc: DocumentProgress; canReopen: boolean }): ReactNode {
  return (
    <tr>
      <td>
        <Link href={`/projects/${projectId}/documents/${doc.documentId}`}>{doc.title}</Link>
      </td>
      <td>
        <Bar done={doc.done} total={doc.assigned} label={`${doc.title}: reviewers done`} />
      </td>
      <td>
        {doc.reviewers.length === 0 ? (
          <span className="meta">Not assigned</span>
        ) : (
          <ul className="reviewer-statuses">
            {doc.reviewers.map((r) => (
              <li key={r.userId}>
                {r.displayName} <span className={r.status === "submitted" ? "badge ok" : "badge"}>{QUEUE_STATUS_LABELS[r.status]}</span>
                {canReopen && r.status === "submitted" ? (
                  <ReopenButton projectId={projectId} documentId={doc.documentId} userId={r.userId} name={r.displayName} title={doc.title} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export default async function ProgressPage({ params }: { params: ProjectParams }): Promise<ReactNode> {
  const { user, project } = await memberProject(params);
  const result = await getProjectProgress(user, project.id);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) {
    return (
      <section className="narrow card">
        <h1>Progress</h1>
        <p role="alert" className="notice error">
          {result.error}
        </p>
        <Link href="/queue">Go to your queue</Link>
      </section>
    );
  }
  const { progress } = result;
  return (
    <section>
      <ProjectNav project={project} current="progress" />
      <h1>Progress</h1>
      <div className="overall">
        <progress value={progress.done} max={Math.max(progress.assigned, 1)} aria-label="Reviews done overall" />
        <p className="overall-label">
          <strong>
            {progress.done} of {progress.assigned} reviews done ({percent(progress.done, progress.assigned)}%)
          </strong>
        </p>
      </div>
      <section aria-labelledby="spans-heading" className="progress-section">
        <h2 id="spans-heading">Spans so far</h2>
        <ul className="span-counts" aria-label="Spans per kind">
          {ANNOTATION_KINDS.map((k) => (
            <li key={k}>
              <strong>{progress.spans[k]}</strong>
              {KIND_LABELS[k]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="reviewers-heading" className="progress-section">
        <h2 id="reviewers-heading">Reviewers</h2>
        <ReviewerTable progress={progress} />
      </section>
      <section aria-labelledby="documents-heading" className="progress-section">
        <h2 id="documents-heading">Documents</h2>
        {progress.documents.length === 0 ? (
          <p className="empty">No documents yet.</p>
        ) : (
          <TableRegion label="Progress per document">
            <table className="table">
              <caption className="visually-hidden">Progress per document</caption>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Reviewers done</th>
                  <th scope="col">Reviewers</th>
                </tr>
              </thead>
              <tbody>
                {progress.documents.map((d) => (
                  <DocumentRow key={d.documentId} projectId={project.id} doc={d} canReopen={progress.canReopen} />
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </section>
  );
}
