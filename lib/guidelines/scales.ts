// What each rating axis's numbers mean, shown beside the input before anyone rates, and the
// published scale it mirrors. Published facts, with where they come from:
// - AllSides Media Bias Meter (allsides.com, "Introducing the AllSides Media Bias Meter"):
//   −6 farthest left, 0 exact center, +6 farthest right; Left −6..−3, Lean Left −2.99..−1,
//   Center −0.99..+0.99, Lean Right +1..+2.99, Right +3..+6 (lib/perspective/allsides.ts).
// - Ad Fontes Media's Media Bias Chart: reliability 0..64, scores above 24 generally acceptable
//   and above 32 generally good; stories below 24 are selective or incomplete, unfair persuasion
//   or propaganda; original fact reporting at the top. Its bias axis is −42..+42 (not ours).
// Stance and genre are this project's own scales: nothing published is claimed for them.
import { DOCUMENT_GENRES, GENRE_AXIS, type DocumentGenre } from "@/lib/validation/ratings";
import { LEFT_RIGHT_AXIS } from "@/lib/perspective/allsides";
import { STANCE_AXIS } from "@/lib/perspective/axes";

export interface ScalePoint {
  /** A value as a reviewer types or picks it ("−6", "32", "opinion"). */
  value: string;
  meaning: string;
}

export interface PublishedScale {
  publisher: string;
  name: string;
  summary: string;
  url: string;
}

export interface AxisScaleGuide {
  points: ScalePoint[];
  published: PublishedScale | null;
  /** Caveats a reviewer needs before rating (a range that differs from the published one). */
  notes: string[];
}

export interface ScaleAxis {
  key: string;
  min?: number;
  max?: number;
}

export const ALLSIDES_METER: PublishedScale = {
  publisher: "AllSides",
  name: "AllSides Media Bias Meter",
  summary: "which runs −6 to +6: Left −6 to −3, Lean Left −2.99 to −1, Center −0.99 to +0.99, Lean Right +1 to +2.99, Right +3 to +6.",
  url: "https://www.allsides.com/blog/introducing-allsides-media-bias-meter",
};

export const AD_FONTES_RELIABILITY: PublishedScale = {
  publisher: "Ad Fontes Media",
  name: "Ad Fontes Media Bias Chart, reliability axis",
  summary:
    "which runs 0 to 64: scores above 24 are generally acceptable, above 32 generally good. Its bias axis runs −42 to +42, a different scale from left–right here.",
  url: "https://adfontesmedia.com/how-ad-fontes-ranks-news-sources/",
};

export const GENRE_MEANINGS: Record<DocumentGenre, string> = {
  reporting: "news of events, told as fact with sources",
  opinion: "a column, editorial or comment arguing a view",
  analysis: "explains causes and consequences, signed as analysis",
  interview: "mostly one person's answers to questions",
  aggregation: "compiled from other outlets' reporting",
};

/** A number as it is typed, with the minus sign and, on a scale through zero, a plus sign. */
export function formatScaleValue(value: number, signed: boolean): string {
  const rounded = Math.round(value * 100) / 100;
  const text = Math.abs(rounded).toLocaleString("en", { maximumFractionDigits: 2 });
  if (rounded < 0) return `−${text}`;
  return signed && rounded > 0 ? `+${text}` : text;
}

const possessive = (name: string): string => (name.endsWith("s") ? `${name}’` : `${name}’s`);

function rangeNote(axis: Required<ScaleAxis>, min: number, max: number, published: PublishedScale): string[] {
  if (axis.min === min && axis.max === max) return [];
  const v = (n: number): string => formatScaleValue(n, min < 0);
  return [
    `This project rates from ${v(axis.min)} to ${v(axis.max)}, not ${possessive(published.publisher)} ${v(min)} to ${v(max)}: compare numbers with care.`,
  ];
}

function leftRight(axis: Required<ScaleAxis>): AxisScaleGuide {
  const v = (n: number): string => formatScaleValue(n, axis.min < 0);
  return {
    points: [
      { value: v(axis.min), meaning: "farthest left" },
      { value: v((axis.min + axis.max) / 2), meaning: "exact centre, no lean either way" },
      { value: v(axis.max), meaning: "farthest right" },
    ],
    published: ALLSIDES_METER,
    notes: rangeNote(axis, -6, 6, ALLSIDES_METER),
  };
}

function reliability(axis: Required<ScaleAxis>): AxisScaleGuide {
  const v = (n: number): string => formatScaleValue(n, false);
  const sameRange = axis.min === 0 && axis.max === 64;
  // Ad Fontes' thresholds only mean something on its own 0..64 range.
  const thresholds: ScalePoint[] = sameRange
    ? [
        { value: "24", meaning: "above: generally acceptable; below: selective or incomplete stories, unfair persuasion, propaganda" },
        { value: "32", meaning: "the middle; above: generally good" },
      ]
    : [{ value: v((axis.min + axis.max) / 2), meaning: "the middle" }];
  return {
    points: [{ value: v(axis.min), meaning: "least reliable" }, ...thresholds, { value: v(axis.max), meaning: "most reliable: original fact reporting" }],
    published: AD_FONTES_RELIABILITY,
    notes: rangeNote(axis, 0, 64, AD_FONTES_RELIABILITY),
  };
}

function stance(axis: Required<ScaleAxis>): AxisScaleGuide {
  const v = (n: number): string => formatScaleValue(n, axis.min < 0);
  return {
    points: [
      { value: v(axis.min), meaning: "strongly against the project's topic" },
      { value: v((axis.min + axis.max) / 2), meaning: "neutral, balanced, or takes no side" },
      { value: v(axis.max), meaning: "strongly for it" },
    ],
    published: null,
    notes: ["This project's own scale; it mirrors no published rating."],
  };
}

/** The scale of one axis: its ends and middle, and the published scale it mirrors (or none). */
export function axisScaleGuide(axis: ScaleAxis): AxisScaleGuide {
  if (axis.key === GENRE_AXIS) {
    return { points: DOCUMENT_GENRES.map((g) => ({ value: g, meaning: GENRE_MEANINGS[g] })), published: null, notes: [] };
  }
  if (axis.min === undefined || axis.max === undefined) return { points: [], published: null, notes: [] };
  const numeric = { key: axis.key, min: axis.min, max: axis.max };
  if (axis.key === LEFT_RIGHT_AXIS) return leftRight(numeric);
  if (axis.key === "reliability") return reliability(numeric);
  if (axis.key === STANCE_AXIS) return stance(numeric);
  const v = (n: number): string => formatScaleValue(n, numeric.min < 0);
  return {
    points: [
      { value: v(numeric.min), meaning: "the lowest rating" },
      { value: v(numeric.max), meaning: "the highest rating" },
    ],
    published: null,
    notes: [],
  };
}
