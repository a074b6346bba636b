// Agreement on outlet perspective ratings: each outlet × axis is a unit, each rater a coder,
// interval α on the values (DESIGN.md: "Perspective has its own agreement (interval α)").
import { krippendorffAlpha, percentAgreement, type CodedValue } from "@/lib/agreement";
import { measured, type MeasureValue } from "./values";

export interface OutletRating {
  readonly outletId: number;
  readonly axis: string;
  readonly raterId: number;
  readonly value: number;
}

export interface RatingAgreement {
  /** An axis key, or null for all axes together. */
  readonly axis: string | null;
  /** Outlet × axis units rated by two or more raters. */
  readonly units: number;
  readonly raters: number;
  readonly alpha: MeasureValue;
  readonly percent: MeasureValue;
}

function agreementOf(axis: string | null, ratings: readonly OutletRating[]): RatingAgreement {
  const unitIndex = new Map<string, number>();
  const raterIndex = new Map<number, number>();
  for (const r of ratings) {
    const key = `${r.outletId}:${r.axis}`;
    if (!unitIndex.has(key)) unitIndex.set(key, unitIndex.size);
    if (!raterIndex.has(r.raterId)) raterIndex.set(r.raterId, raterIndex.size);
  }
  const table: CodedValue[][] = [...raterIndex.keys()].map(() => Array.from({ length: unitIndex.size }, () => null));
  for (const r of ratings) table[raterIndex.get(r.raterId)!]![unitIndex.get(`${r.outletId}:${r.axis}`)!] = r.value;
  const percent = percentAgreement(table);
  return {
    axis,
    units: percent.ok ? percent.items : 0,
    raters: raterIndex.size,
    alpha: measured(krippendorffAlpha(table, { level: "interval" })),
    percent: measured(percent),
  };
}

/**
 * Per axis, then all axes together. Pooling axes mixes scales (reliability runs 0–64, stance
 * −2..+2), so the per-axis rows are the ones to read; the pooled row is there because the
 * units are defined as outlet × axis.
 */
export function ratingsAgreement(ratings: readonly OutletRating[], axes: readonly string[]): RatingAgreement[] {
  const rows = axes.map((axis) =>
    agreementOf(
      axis,
      ratings.filter((r) => r.axis === axis),
    ),
  );
  return [
    ...rows,
    agreementOf(
      null,
      ratings.filter((r) => axes.includes(r.axis)),
    ),
  ];
}
