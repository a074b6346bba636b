// The project's documents as the review queue sees them: who reviewed each, how many of them
// are done, and the document's progress counted exactly as its review page counts it
// (differences to decide, from lib/review reviewProgress), gold only once settled.
import type { ReviewProgress } from "@/lib/review";
import { forEachAgreementDocument, goldTracker, projectForReviewer } from "../agreement";
import type { Failure } from "../annotations/result";
import type { SessionUser } from "../session";

export interface ReviewListRow {
  id: number;
  title: string;
  reviewers: number;
  doneReviewers: number;
  progress: ReviewProgress;
}

export async function listDocumentsForReview(user: SessionUser, projectId: number): Promise<{ projectName: string; rows: ReviewListRow[] } | Failure> {
  const project = await projectForReviewer(user, projectId);
  if ("ok" in project) return project;
  const progressOf = await goldTracker(projectId);
  const rows: ReviewListRow[] = [];
  await forEachAgreementDocument(projectId, "all", (d) => {
    rows.push({ id: d.id, title: d.title, reviewers: d.reviewerIds.length, doneReviewers: d.doneReviewers, progress: progressOf(d) });
  });
  return { projectName: project.name, rows };
}
