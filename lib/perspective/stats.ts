// The team's mean and spread of one axis. With too few ratings these are undefined, and say
// so in words (the agreement module's result shape) instead of showing NaN or a fake 0.
import { undefinedMeasure, type Measured } from "@/lib/agreement/result";

export type Mean = Measured;
/** `value` is the sample standard deviation (n − 1), beside the range of the ratings. */
export type Spread = Measured<{ min: number; max: number }>;

export interface RatingSummary {
  n: number;
  mean: Mean;
  spread: Spread;
}

export function mean(values: readonly number[]): Mean {
  if (values.length === 0) return undefinedMeasure("not enough data", "No ratings yet, so there is no mean.");
  return { ok: true, value: values.reduce((sum, v) => sum + v, 0) / values.length };
}

/**
 * Spread needs two ratings: one rating has no disagreement to measure, and the sample
 * standard deviation divides by n − 1. Sample, not population, because the raters are a
 * sample of the reviewers who could have rated the outlet.
 */
export function spread(values: readonly number[]): Spread {
  if (values.length < 2) {
    const message = values.length === 0 ? "No ratings yet, so there is no spread." : "Only one rating, so there is no spread yet.";
    return undefinedMeasure("not enough data", message);
  }
  const m = values.reduce((sum, v) => sum + v, 0) / values.length;
  const squares = values.reduce((sum, v) => sum + (v - m) ** 2, 0);
  return { ok: true, value: Math.sqrt(squares / (values.length - 1)), min: Math.min(...values), max: Math.max(...values) };
}

export function summarize(values: readonly number[]): RatingSummary {
  return { n: values.length, mean: mean(values), spread: spread(values) };
}

/** A rating as people write it: a real minus sign, at most two decimals, no trailing zeros. */
export function formatRating(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const text = Math.abs(rounded).toLocaleString("en", { maximumFractionDigits: 2 });
  return rounded < 0 ? `−${text}` : text;
}
