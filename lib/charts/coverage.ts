// How much each outlet asserts, whose voice its text is in, and how much of it is re-published.
import * as Plot from "@observablehq/plot";
import type { Table } from "@/lib/compare/tables";
import type { Comparison } from "@/lib/compare/types";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import { NO_OUTLET, outletLabel, round } from "./labels";
import { clip, KIND_COLORS, labelMargin, paletteColor, renderSvg } from "./render";
import { shareOf, stackedBars, usedLegend, type StackRow } from "./stacked";
import { pickColumns } from "./table";
import type { Category, Chart } from "./types";

const KIND_PLURAL: Record<AnnotationKind, string> = { claim: "Claims", opinion: "Opinions", quote: "Attributed quotes" };

/** Claims, opinions and attributed quotes per 1,000 words: three bars per outlet. */
export function densityChart(c: Comparison, outletsTable: Table): Chart {
  const outlets = c.outlets.map(outletLabel);
  const rows = c.outlets.flatMap((o) =>
    ANNOTATION_KINDS.flatMap((kind) => {
      const value = o.figures.per1000[kind];
      return value === null
        ? []
        : [{ outlet: outletLabel(o), kind: KIND_PLURAL[kind], value, tip: `${outletLabel(o)} · ${KIND_PLURAL[kind]}: ${round(value)} per 1,000 words` }];
    }),
  );
  const title = "Claims, opinions and quotes per 1,000 words";
  const description = "For each outlet, one bar per kind of span: how many per 1,000 words of its text.";
  const kinds = ANNOTATION_KINDS.map((k) => KIND_PLURAL[k]);
  const svg =
    rows.length === 0
      ? null
      : renderSvg(
          {
            height: 40 + outlets.length * 58,
            marginLeft: labelMargin(outlets),
            marginRight: 40,
            fy: { domain: outlets, label: null, tickFormat: (d: string) => clip(d), axis: "left", padding: 0.15 },
            y: { domain: kinds, axis: null },
            x: { label: "per 1,000 words", grid: true, nice: true },
            color: { domain: kinds, range: ANNOTATION_KINDS.map((k) => KIND_COLORS[k]) },
            marks: [
              Plot.barX(rows, { fy: "outlet", y: "kind", x: "value", fill: "kind", title: "tip" }),
              Plot.text(rows, { fy: "outlet", y: "kind", x: "value", text: (d: { value: number }) => String(round(d.value, 1)), textAnchor: "start", dx: 3 }),
              Plot.ruleX([0]),
            ],
          },
          { title, description },
        );
  return {
    key: "density",
    title,
    description,
    svg,
    legend: ANNOTATION_KINDS.map((k) => ({ label: KIND_PLURAL[k], color: KIND_COLORS[k], swatch: "bar" as const })),
    table: pickColumns(outletsTable, "Spans per outlet and per 1,000 words", [
      "outlet",
      "documents",
      "words",
      "claims",
      "claims_per_1000",
      "opinions",
      "opinions_per_1000",
      "quotes",
      "quotes_per_1000",
    ]),
  };
}

const VOICE: Category[] = [
  { key: "quoted", label: "In attributed quotes", color: KIND_COLORS.quote },
  { key: "own", label: "The outlet's own words", color: "#56b4e9" },
];

/** Voice: the share of each outlet's text inside attributed quotes vs in its own words. */
export function voiceChart(c: Comparison, outletsTable: Table): Chart {
  const rows: StackRow[] = c.outlets.flatMap((o) => [
    { outlet: outletLabel(o), category: "quoted", value: o.figures.voice.quotedChars },
    { outlet: outletLabel(o), category: "own", value: o.figures.voice.ownChars },
  ]);
  const title = "Voice: quoted vs own words";
  const description = "For each outlet, the share of its text (in characters) inside attributed quotes and in the outlet's own words.";
  return {
    key: "voice",
    title,
    description,
    svg: stackedBars({
      title,
      description,
      outlets: c.outlets.map(outletLabel),
      rows,
      categories: VOICE,
      xLabel: "Share of text (%)",
      normalize: true,
      valueText: shareOf(rows, "characters"),
    }),
    legend: usedLegend(VOICE, rows),
    table: pickColumns(outletsTable, "Voice per outlet (characters)", ["outlet", "chars", "quoted_chars", "own_chars", "quoted_share"]),
  };
}

/** Re-published share: how much of each outlet's pages are segments taken from others, and whose. */
export function republishedChart(c: Comparison, outletsTable: Table): Chart {
  const originals = [...new Set(c.outlets.flatMap((o) => o.figures.republished.from.map((f) => f.outletName ?? NO_OUTLET)))].sort((a, b) => a.localeCompare(b));
  const categories: Category[] = originals.map((name, i) => ({ key: name, label: name, color: paletteColor(i) }));
  const rows: StackRow[] = c.outlets.flatMap((o) =>
    o.figures.republished.from.map((f) => ({ outlet: outletLabel(o), category: f.outletName ?? NO_OUTLET, value: f.share })),
  );
  const title = "Re-published from other outlets";
  const description = "For each outlet, the share of its text that re-publishes another outlet's piece, by the original outlet.";
  return {
    key: "republished",
    title,
    description,
    svg: stackedBars({
      title,
      description,
      outlets: c.outlets.map(outletLabel),
      rows,
      categories,
      xLabel: "Share of text (%)",
      normalize: false,
      shares: true,
      valueText: (r) => `${round(r.value * 100, 1)} % of the text`,
    }),
    legend: usedLegend(categories, rows),
    table: pickColumns(outletsTable, "Re-published text per outlet", ["outlet", "chars", "republished_chars", "republished_share", "republished_from"]),
  };
}
