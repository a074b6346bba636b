// What kind of difference a group of matched spans is. The classes follow what an adjudicator
// has to decide: whether to keep the span at all, which kind, which boundaries, which attributes.
import type { AnnotationKind } from "@/lib/validation/annotations";
import type { ReviewSpan, SpanGroup } from "./types";

export const DIFFERENCE_CLASSES = ["only_some", "different_kind", "different_boundaries", "attribute_differs", "agree"] as const;
export type DifferenceClass = (typeof DIFFERENCE_CLASSES)[number];

/**
 * The attributes compared between reviewers: the categorical ones and the quoted speaker.
 * Free text (speaker_text, cue, note) and the reviewer's own confidence are worded or felt
 * differently by each person, so comparing them would flag differences that are not.
 */
export const COMPARED_ATTRIBUTES: Record<AnnotationKind, readonly string[]> = {
  claim: ["checkworthy", "certainty"],
  opinion: ["holder", "sentiment", "bias"],
  quote: ["source_id", "speaker_type", "mode", "content_type"],
};

export interface Difference<T extends ReviewSpan = ReviewSpan> extends SpanGroup<T> {
  /** Every class that applies, most consequential first; "agree" alone when nothing differs. */
  readonly classes: readonly DifferenceClass[];
  readonly primary: DifferenceClass;
  /** Reviewers (of those compared) who marked nothing here. */
  readonly missing: readonly number[];
  /** Compared attributes whose values differ between members of the same kind. */
  readonly attributes: readonly string[];
}

/** A value as compared: unset, null and "" all mean "not given". */
function comparable(value: unknown): string {
  if (value === undefined || value === null || value === "") return "∅";
  return JSON.stringify(value);
}

/** Compared attributes on which spans of one kind disagree. */
export function differingAttributes(spans: readonly ReviewSpan[]): string[] {
  const first = spans[0];
  if (first === undefined || spans.some((s) => s.kind !== first.kind)) return [];
  return COMPARED_ATTRIBUTES[first.kind].filter((name) => {
    const seen = new Set(spans.map((s) => comparable(s.attributes[name])));
    return seen.size > 1;
  });
}

/**
 * Classifies a group against the reviewers being compared. With fewer than two reviewers,
 * a span is "only one reviewer marked it": there is nobody to agree with.
 */
export function classifyGroup<T extends ReviewSpan>(group: SpanGroup<T>, reviewerIds: readonly number[]): Difference<T> {
  const present = new Set(group.spans.map((s) => s.reviewerId));
  const missing = reviewerIds.filter((id) => !present.has(id));
  const first = group.spans[0]!;
  const classes: DifferenceClass[] = [];
  if (group.spans.length < Math.max(2, reviewerIds.length)) classes.push("only_some");
  if (group.spans.some((s) => s.kind !== first.kind)) classes.push("different_kind");
  if (group.spans.some((s) => s.start !== first.start || s.end !== first.end)) classes.push("different_boundaries");
  const attributes = differingAttributes(group.spans);
  if (attributes.length > 0) classes.push("attribute_differs");
  if (classes.length === 0) classes.push("agree");
  return { ...group, classes, primary: classes[0]!, missing, attributes };
}

/** Every consensus reviewer (at least two) marked it, and all members are identical. */
export function isUnanimous(difference: Difference, consensusIds: readonly number[]): boolean {
  if (consensusIds.length < 2) return false;
  const present = new Set(difference.spans.map((s) => s.reviewerId));
  if (!consensusIds.every((id) => present.has(id))) return false;
  return difference.classes.every((c) => c === "agree" || c === "only_some");
}

export function differenceLabel(difference: Pick<Difference, "primary" | "spans" | "missing">): string {
  switch (difference.primary) {
    case "only_some": {
      const marked = difference.spans.length;
      return marked === 1 ? "Only one reviewer marked it" : `Only ${marked} of ${marked + difference.missing.length} reviewers marked it`;
    }
    case "different_kind":
      return "Different kind";
    case "different_boundaries":
      return "Different boundaries";
    case "attribute_differs":
      return "Attribute differs";
    case "agree":
      return "Agree";
  }
}
