// The review queue: every document with its reviewers, how many are done, how many differences
// are still to decide (counted as the document's review page counts them), and which are gold.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { listDocumentsForReview } from "@/lib/server/adjudication";
import { requireUser } from "@/lib/server/auth";
import { parseId } from "@/lib/validation/projects";
import { ProgressStatus } from "./progress-status";
import { Refused } from "./refused";
import { TableRegion } from "@/app/table-region";

type Params = Promise<{ projectId: string }>;

export default async function ReviewQueuePage({ params }: { params: Params }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const projectId = parseId((await params).projectId);
  const view = projectId === null ? null : await listDocumentsForReview(user, projectId);
  if (view === null || ("ok" in view && view.status === 404)) notFound();
  if ("ok" in view) {
    return <Refused title="Review" error={view.error} back={{ href: `/projects/${projectId}`, label: "Back to the project" }} />;
  }
  return (
    <section>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${projectId}`}>{view.projectName}</Link>
      </nav>
      <div className="page-head">
        <h1>Review and adjudication</h1>
        <Link className="button" href={`/projects/${projectId}/agreement`}>
          Agreement
        </Link>
      </div>
      {view.rows.length === 0 ? (
        <p className="empty">No documents yet.</p>
      ) : (
        <TableRegion label="Documents to review">
          <table className="table">
            <caption className="visually-hidden">Documents to review</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col" className="num">
                  Reviewers
                </th>
                <th scope="col" className="num">
                  Done
                </th>
                <th scope="col" className="num">
                  Differences
                </th>
                <th scope="col" className="num">
                  Undecided
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/projects/${projectId}/review/${r.id}`}>{r.title}</Link>
                  </td>
                  <td className="num">{r.reviewers}</td>
                  <td className="num">{r.doneReviewers}</td>
                  <td className="num">{r.progress.differences}</td>
                  <td className="num">{r.progress.undecided}</td>
                  <td data-testid="review-status">
                    <ProgressStatus progress={r.progress} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
