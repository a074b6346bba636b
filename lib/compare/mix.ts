// Counts per category. Every category is present (zero when unseen) so tables and charts have a
// fixed set of columns, and "unset" holds the spans whose category was not recorded.
import { BIAS_TYPES, CERTAINTY, OPINION_HOLDERS, QUOTE_MODES, SPEAKER_TYPES } from "@/lib/validation/annotations";
import type { Mix } from "./types";

export const SENTIMENTS = ["-2", "-1", "0", "1", "2"] as const;
export type SentimentKey = (typeof SENTIMENTS)[number];

export function emptyMix<K extends string>(keys: readonly K[]): Mix<K> {
  const mix = { unset: 0 } as Mix<K>;
  for (const key of keys) mix[key] = 0;
  return mix;
}

/** Adds one to `value`'s category, or to "unset" when the value is missing or not a category. */
export function countIn<K extends string>(mix: Mix<K>, value: string | undefined | null): void {
  // A category is a key holding a number; anything else ("constructor", a typo) is unset.
  const key = value !== undefined && value !== null && typeof (mix as Record<string, unknown>)[value] === "number" ? (value as K | "unset") : "unset";
  mix[key] += 1;
}

export function addMix<K extends string>(into: Mix<K>, from: Mix<K>): void {
  for (const key of Object.keys(from) as (K | "unset")[]) into[key] += from[key];
}

export function divideMix<K extends string>(mix: Mix<K>, divisor: number): void {
  for (const key of Object.keys(mix) as (K | "unset")[]) mix[key] /= divisor;
}

export const MIX_KEYS = {
  speakerType: SPEAKER_TYPES,
  holder: OPINION_HOLDERS,
  sentiment: SENTIMENTS,
  bias: BIAS_TYPES,
  certainty: CERTAINTY,
  mode: QUOTE_MODES,
} as const;
