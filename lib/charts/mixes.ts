// Who each outlet lets speak, and how it holds its opinions and claims: category mixes.
import type { Table } from "@/lib/compare/tables";
import type { Comparison } from "@/lib/compare/types";
import { BIAS_CATEGORIES, CERTAINTY_CATEGORIES, HOLDER_CATEGORIES, mixKeys, outletLabel, round, SENTIMENT_CATEGORIES, SPEAKER_TYPE_CATEGORIES } from "./labels";
import { shareOf, stackedBars, usedLegend, type StackRow } from "./stacked";
import { pickColumns } from "./table";
import type { Category, Chart } from "./types";

type Outlet = Comparison["outlets"][number];

function mixRows(c: Comparison, categories: Category[], pick: (o: Outlet) => Record<string, number>, panel?: string): StackRow[] {
  return c.outlets.flatMap((o) => {
    const mix = pick(o);
    return categories.map((cat) => ({ outlet: outletLabel(o), category: cat.key, value: mix[cat.key] ?? 0, ...(panel ? { panel } : {}) }));
  });
}

const outletsOf = (c: Comparison): string[] => c.outlets.map(outletLabel);

/** Attributed quotes by speaker type, stacked per outlet (counts). */
export function sourcingChart(c: Comparison, outletsTable: Table): Chart {
  const rows = mixRows(c, SPEAKER_TYPE_CATEGORIES, (o) => o.figures.sourcing.bySpeakerType);
  const title = "Sourcing: quotes by speaker type";
  const description = "For each outlet, its attributed quotes counted by the kind of speaker they are attributed to.";
  const types = mixKeys("speaker", SPEAKER_TYPE_CATEGORIES);
  return {
    key: "sourcing",
    title,
    description,
    svg: stackedBars({
      title,
      description,
      outlets: outletsOf(c),
      rows,
      categories: SPEAKER_TYPE_CATEGORIES,
      xLabel: "Attributed quotes",
      normalize: false,
      valueText: (r) => `${round(r.value)} quotes`,
    }),
    legend: usedLegend(SPEAKER_TYPE_CATEGORIES, rows),
    table: pickColumns(outletsTable, "Attributed quotes by speaker type", ["outlet", "quotes", ...types], types),
  };
}

const NAMED: Category[] = [
  { key: "named", label: "Named", color: "#0072b2" },
  { key: "unnamed", label: "Unnamed", color: "#e69f00" },
];

/** Named vs unnamed sources: the share of each outlet's attributed quotes. */
export function namedChart(c: Comparison, outletsTable: Table): Chart {
  const rows = mixRows(c, NAMED, (o) => ({ named: o.figures.sourcing.named, unnamed: o.figures.sourcing.unnamed }));
  const title = "Named vs unnamed sources";
  const description = "For each outlet, the share of its attributed quotes whose speaker is named and the share whose speaker is not.";
  return {
    key: "named",
    title,
    description,
    svg: stackedBars({
      title,
      description,
      outlets: outletsOf(c),
      rows,
      categories: NAMED,
      xLabel: "Share of quotes (%)",
      normalize: true,
      valueText: shareOf(rows, "quotes"),
    }),
    legend: usedLegend(NAMED, rows),
    table: pickColumns(outletsTable, "Named and unnamed sources per outlet", ["outlet", "quotes", "named", "unnamed", "named_share", "top_speakers"]),
  };
}

// Each panel's categories carry the panel's name in their key, so the three stacks stay apart
// (every panel has its own "not recorded").
const OPINION_PANELS = [
  { panel: "Holder", prefix: "holder", categories: HOLDER_CATEGORIES, pick: (o: Outlet): Record<string, number> => o.figures.opinions.holder },
  { panel: "Sentiment", prefix: "sentiment", categories: SENTIMENT_CATEGORIES, pick: (o: Outlet): Record<string, number> => o.figures.opinions.sentiment },
  { panel: "Bias", prefix: "bias", categories: BIAS_CATEGORIES, pick: (o: Outlet): Record<string, number> => o.figures.opinions.bias },
].map((p) => ({
  ...p,
  categories: p.categories.map((cat) => ({ ...cat, key: `${p.prefix}_${cat.key}` })),
  pick: (o: Outlet): Record<string, number> => Object.fromEntries(Object.entries(p.pick(o)).map(([k, v]) => [`${p.prefix}_${k}`, v])),
}));

/** Opinions: holder, sentiment and bias mixes side by side, each as shares per outlet. */
export function opinionsChart(c: Comparison, outletsTable: Table): Chart {
  const rows = OPINION_PANELS.flatMap((p) => mixRows(c, p.categories, p.pick, p.panel));
  const categories = OPINION_PANELS.flatMap((p) => p.categories);
  const title = "Opinions: holder, sentiment and bias";
  const description = "For each outlet, its opinions split three ways: who holds them, their sentiment from −2 to +2, and the type of bias.";
  const keys = categories.map((cat) => cat.key);
  return {
    key: "opinions",
    title,
    description,
    svg: stackedBars({
      title,
      description,
      outlets: outletsOf(c),
      rows,
      categories,
      panels: OPINION_PANELS.map((p) => p.panel),
      xLabel: "Share of opinions (%)",
      normalize: true,
      valueText: shareOf(rows, "opinions"),
    }),
    legend: usedLegend(categories, rows),
    table: pickColumns(outletsTable, "Opinions by holder, sentiment and bias", ["outlet", "opinions", ...keys], keys),
  };
}

/** Claims: how hedged each outlet's claims are (certainty mix, as shares). */
export function certaintyChart(c: Comparison, outletsTable: Table): Chart {
  const rows = mixRows(c, CERTAINTY_CATEGORIES, (o) => o.figures.claims.certainty);
  const title = "Claims: certainty";
  const description = "For each outlet, the share of its claims stated as certain, probable, possible or underspecified.";
  const keys = mixKeys("certainty", CERTAINTY_CATEGORIES);
  return {
    key: "certainty",
    title,
    description,
    svg: stackedBars({
      title,
      description,
      outlets: outletsOf(c),
      rows,
      categories: CERTAINTY_CATEGORIES,
      xLabel: "Share of claims (%)",
      normalize: true,
      valueText: shareOf(rows, "claims"),
    }),
    legend: usedLegend(CERTAINTY_CATEGORIES, rows),
    table: pickColumns(outletsTable, "Claims by certainty", ["outlet", "claims", ...keys], keys),
  };
}
