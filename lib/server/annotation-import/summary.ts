// The report as sentences, for the CLI and the Import page alike, so both say the same thing.
import type { ImportReport } from "./types";

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** One line per kind of thing the import touched; lines with nothing to say are left out. */
export function reportLines(report: ImportReport): string[] {
  const { documents, spans, speakers, assignments, decisions, ratings, references } = report;
  const lines = [
    `Documents: ${documents.created} created, ${documents.matched} matched by their text.`,
    `Spans: ${spans.added} added, ${spans.present} already present (unchanged)${spans.reanchored > 0 ? `, ${plural(spans.reanchored, "span")} re-anchored by quote` : ""}.`,
    `Speakers: ${speakers.matched} matched in the sources registry, ${speakers.created} created.`,
  ];
  if (assignments.restored + assignments.present > 0)
    lines.push(`Reviewer statuses: ${assignments.restored} restored, ${assignments.present} already as recorded.`);
  if (decisions.added + decisions.present + decisions.dropped > 0) {
    const dropped = decisions.dropped > 0 ? `, ${decisions.dropped} dropped (their spans are not in the file)` : "";
    lines.push(`Adjudication decisions: ${decisions.added} added, ${decisions.present} already present${dropped}.`);
  }
  if (ratings.added + ratings.present + ratings.kept > 0) {
    const kept = ratings.kept > 0 ? `, ${ratings.kept} left as they were (the rater had already rated that axis differently)` : "";
    lines.push(`Ratings: ${ratings.added} added, ${ratings.present} already present${kept}.`);
  }
  if (references.added + references.present > 0) lines.push(`Published outlet ratings: ${references.added} added, ${references.present} already present.`);
  return lines;
}

/** The first sentence: what happened to the batch as a whole. */
export function reportHeadline(report: ImportReport): string {
  const n = report.refused.length;
  if (n > 0) return `Nothing was imported: ${plural(n, "problem")} must be fixed first (the batch is all or nothing).`;
  if (report.dryRun) return "Check passed: the import would do the following. Nothing has been written yet.";
  return "Imported.";
}
