// The project's documents as the review queue sees them: who reviewed each, how many of them
// are done, how many reviewer spans are still undecided, and which documents are gold.
import { forEachAgreementDocument, goldTracker, projectForReviewer } from "../agreement";
import type { Failure } from "../annotations/result";
import type { SessionUser } from "../session";

export interface ReviewListRow {
  id: number;
  title: string;
  reviewers: number;
  doneReviewers: number;
  spans: number;
  undecided: number;
  gold: boolean;
}

export function listDocumentsForReview(user: SessionUser, projectId: number): { projectName: string; rows: ReviewListRow[] } | Failure {
  const project = projectForReviewer(user, projectId);
  if ("ok" in project) return project;
  const status = goldTracker(projectId);
  const rows: ReviewListRow[] = [];
  forEachAgreementDocument(projectId, "all", (d) => {
    rows.push({ id: d.id, title: d.title, reviewers: d.reviewerIds.length, doneReviewers: d.doneReviewers, spans: d.spans.length, ...status(d) });
  });
  return { projectName: project.name, rows };
}
