// An outlet's perspective as the team rated it, beside what publishers (AllSides, Ad Fontes…)
// say. The two are never combined: a team mean of −1.5 and AllSides' "Lean Left" are separate
// observations by different people on different scales, so published ratings pass through
// untouched and only the team's own ratings are summarised.
import { mean, spread } from "@/lib/perspective/stats";
import type { AxisSummary, CompareAxis, PublishedRating, TeamRating } from "./types";

/** Mean, sample sd (n − 1) and range of values; null where too few ratings define them. */
export function summarizeAxis(axis: CompareAxis, values: readonly number[]): AxisSummary {
  const m = mean(values);
  const sd = spread(values);
  let min: number | null = null;
  let max: number | null = null;
  for (const v of values) {
    if (min === null || v < min) min = v;
    if (max === null || v > max) max = v;
  }
  return { axis: axis.key, label: axis.label, n: values.length, mean: m.ok ? m.value : null, sd: sd.ok ? sd.value : null, min, max };
}

/** Team summaries of one outlet, one per axis in the project's order. */
export function teamSummaries(outletId: number, axes: readonly CompareAxis[], ratings: readonly TeamRating[]): AxisSummary[] {
  return axes.map((axis) =>
    summarizeAxis(
      axis,
      ratings.filter((r) => r.outletId === outletId && r.axis === axis.key && Number.isFinite(r.value)).map((r) => r.value),
    ),
  );
}

/** The outlet's published ratings, as recorded and in the order given. */
export function publishedFor(outletId: number, published: readonly PublishedRating[]): PublishedRating[] {
  return published.filter((p) => p.outletId === outletId);
}
