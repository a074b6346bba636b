// How far a document's review has got, counted one way for every page that shows it: the
// review queue, the document's review page and the agreement table all call reviewProgress,
// so "3 of 3 still to decide" on one is "3 undecided" on the other. The unit is a difference
// (a group of matched spans, agreeing ones included: each still needs an accept or a reject),
// never a span: two reviewers marking the same sentence is one thing to decide, not two.
import { isGold } from "./status";

export type ReviewProgressState = "not_annotated" | "nothing_to_compare" | "open" | "settled";

export interface ReviewProgressInput {
  /** The document's differences (lib/review reviewGroups), each with its member span ids. */
  readonly groups: readonly { readonly spans: readonly { readonly id: number }[] }[];
  /** Reviewer span ids some adjudication lists (adjudications.from_annotation_ids). */
  readonly covered: { has(id: number): boolean };
  readonly reviewers: number;
  readonly doneReviewers: number;
  /** Decisions recorded on the document, "added" gold spans included. */
  readonly decisions: number;
}

export interface ReviewProgress {
  readonly state: ReviewProgressState;
  /** Differences to decide in all, decided or not. */
  readonly differences: number;
  readonly undecided: number;
  /** Reviewer layers (everyone who started the document or has a live span on it). */
  readonly layers: number;
  /** Settled: every difference decided, by at least one decision. */
  readonly gold: boolean;
}

export function reviewProgress(input: ReviewProgressInput): ReviewProgress {
  const differences = input.groups.length;
  const undecided = input.groups.filter((g) => g.spans.some((s) => !input.covered.has(s.id))).length;
  // isGold counts undecided spans; a group is undecided exactly when one of its spans is.
  const gold = isGold({ undecided, reviewers: input.reviewers, doneReviewers: input.doneReviewers, decisions: input.decisions });
  const base = { differences, undecided, layers: input.reviewers, gold };
  if (input.reviewers === 0) return { ...base, state: "not_annotated" };
  if (gold) return { ...base, state: "settled" };
  if (differences === 0) return { ...base, state: "nothing_to_compare" };
  return { ...base, state: "open" };
}

const COUNT_WORDS = ["no", "one", "two", "three"];

function layersWord(n: number): string {
  const word = COUNT_WORDS[n] ?? String(n);
  return `${word} layer${n === 1 ? "" : "s"}`;
}

/** The one sentence both review pages show for a document's progress. */
export function progressSummary(progress: ReviewProgress): string {
  switch (progress.state) {
    case "not_annotated":
      return "Not annotated yet";
    case "nothing_to_compare":
      return `Nothing to compare: ${layersWord(progress.layers)}, ${progress.layers === 1 ? "empty" : "all empty"}`;
    case "settled":
      return progress.differences === 0 ? "Gold: settled by the spans an adjudicator added" : "Gold: every difference is decided";
    case "open":
      return `${progress.undecided} of ${progress.differences} still to decide`;
  }
}
