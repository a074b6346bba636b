// Ratings of one target (an outlet or a document) grouped by axis, as a page shows them: the
// viewer's own rating, everyone else's, and the team's summary. What a viewer may see is
// decided in the query (lib/server/ratings.ts); this only shapes it, and drops the summary
// too when others are hidden, because a mean over ratings the viewer cannot see leaks them.
import { summarize, type RatingSummary } from "./stats";

export interface RatingEntry {
  id: number;
  raterId: number;
  raterName: string;
  axis: string;
  value: number | null;
  label: string | null;
  rationale: string;
  updatedAt: string;
}

export interface AxisRatings<A extends { key: string }> {
  axis: A;
  mine: RatingEntry | null;
  /** Other reviewers' ratings, by name; always empty while the viewer is blind to them. */
  others: RatingEntry[];
  /** Over every rating with a number, the viewer's included; null while others are hidden. */
  summary: RatingSummary | null;
}

export function ratingsByAxis<A extends { key: string }>(
  axes: readonly A[],
  ratings: readonly RatingEntry[],
  viewerId: number,
  seesOthers: boolean,
): AxisRatings<A>[] {
  return axes.map((axis) => {
    const onAxis = ratings.filter((r) => r.axis === axis.key);
    const others = seesOthers ? onAxis.filter((r) => r.raterId !== viewerId) : [];
    others.sort((a, b) => a.raterName.localeCompare(b.raterName) || a.raterId - b.raterId);
    const values = onAxis.flatMap((r) => (r.value === null ? [] : [r.value]));
    return {
      axis,
      mine: onAxis.find((r) => r.raterId === viewerId) ?? null,
      others,
      summary: seesOthers ? summarize(values) : null,
    };
  });
}
