// Words for the categories the charts show, and the colour of each. The keys are those of
// lib/compare's mixes; the table columns under the charts are `${prefix}_${key}`.
import { NO_OUTLET } from "@/lib/compare/tables";
import type { OutletComparison } from "@/lib/compare/types";
import { BIAS_TYPES, CERTAINTY, OPINION_HOLDERS, SPEAKER_TYPES } from "@/lib/validation/annotations";
import { paletteColor, UNSET_COLOR } from "./render";
import type { Category } from "./types";

export { NO_OUTLET };

export function outletLabel(o: Pick<OutletComparison, "outletName">): string {
  return o.outletName ?? NO_OUTLET;
}

const SPEAKER_TYPE_LABELS: Record<(typeof SPEAKER_TYPES)[number], string> = {
  named_person: "Named person",
  unnamed_person: "Unnamed person",
  named_org: "Named organisation",
  unnamed_group: "Unnamed group",
  document: "Document",
  media_outlet: "Media outlet",
  outlet_self: "The outlet itself",
  unknown: "Unknown",
};

const CERTAINTY_LABELS: Record<(typeof CERTAINTY)[number], string> = {
  certain: "Certain",
  probable: "Probable",
  possible: "Possible",
  underspecified: "Underspecified",
};

const HOLDER_LABELS: Record<(typeof OPINION_HOLDERS)[number], string> = { author: "Held by the author", quoted: "Held by a quoted source" };
const BIAS_LABELS: Record<(typeof BIAS_TYPES)[number], string> = { lexical: "Lexical bias", informational: "Informational bias", none: "No bias" };
const SENTIMENTS = ["-2", "-1", "0", "1", "2"] as const;
// Diverging purple (negative) to green (positive), readable with red-green deficiencies; grey at zero.
const SENTIMENT_COLORS = ["#762a83", "#af8dc3", "#8c8c8c", "#7fbf7b", "#1b7837"];
// The opinions chart shows holder, sentiment and bias side by side: no colour is used twice.
const HOLDER_COLORS = ["#0072b2", "#e69f00"];
const BIAS_COLORS = ["#d55e00", "#56b4e9", "#f0e442"];

function categories<K extends string>(keys: readonly K[], labels: Record<K, string>, unsetLabel: string, colors?: readonly string[]): Category[] {
  return [
    ...keys.map((key, i) => ({ key, label: labels[key], color: colors?.[i] ?? paletteColor(i) })),
    { key: "unset", label: unsetLabel, color: UNSET_COLOR },
  ];
}

export const SPEAKER_TYPE_CATEGORIES = categories(SPEAKER_TYPES, SPEAKER_TYPE_LABELS, "Speaker type not recorded");
export const CERTAINTY_CATEGORIES = categories(CERTAINTY, CERTAINTY_LABELS, "Certainty not recorded");
export const HOLDER_CATEGORIES = categories(OPINION_HOLDERS, HOLDER_LABELS, "Holder not recorded", HOLDER_COLORS);
export const BIAS_CATEGORIES = categories(BIAS_TYPES, BIAS_LABELS, "Bias not recorded", BIAS_COLORS);
export const SENTIMENT_CATEGORIES: Category[] = [
  ...SENTIMENTS.map((key, i) => ({ key, label: `Sentiment ${Number(key) > 0 ? "+" : ""}${key}`, color: SENTIMENT_COLORS[i]! })),
  { key: "unset", label: "Sentiment not recorded", color: UNSET_COLOR },
];

/** Rounds a number for a tooltip (the tables keep every digit). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Table column keys of a mix: lib/compare names them `${prefix}_${key}`. */
export function mixKeys(prefix: string, cats: Category[]): string[] {
  return cats.map((c) => `${prefix}_${c.key}`);
}
