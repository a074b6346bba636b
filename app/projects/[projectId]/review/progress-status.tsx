// A document's review progress as both review pages show it: the same sentence from the same
// lib/review function, so the queue and the document's page can never disagree.
import type { ReactNode } from "react";
import { progressSummary, type ReviewProgress } from "@/lib/review";

export function ProgressStatus({ progress }: { progress: ReviewProgress }): ReactNode {
  const text = progressSummary(progress);
  if (progress.gold) return <span className="badge ok">{text}</span>;
  if (progress.state === "open") return <span className="badge">{text}</span>;
  return <span className="meta">{text}</span>;
}
