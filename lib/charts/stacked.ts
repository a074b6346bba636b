// One horizontal bar per outlet, cut into categories (optionally in side-by-side panels, and
// optionally normalized to 100 %). Most of the comparison's mixes are drawn this way.
import * as Plot from "@observablehq/plot";
import { clip, labelMargin, renderSvg } from "./render";
import type { Category, LegendItem } from "./types";

export interface StackRow {
  outlet: string;
  category: string;
  value: number;
  panel?: string;
}

export interface StackSpec {
  title: string;
  description: string;
  /** Every outlet, in the order of the table under the chart. */
  outlets: string[];
  rows: StackRow[];
  categories: Category[];
  xLabel: string;
  /** Draw each bar as shares of its total (0–100 %) rather than as counts. */
  normalize: boolean;
  /** Values are already shares (0..1) of a whole: draw them on a 0–100 % axis. */
  shares?: boolean;
  panels?: string[];
  /** How a segment's value reads in its tooltip. */
  valueText: (row: StackRow) => string;
}

const ROW_HEIGHT = 30;

/** The legend entries of the categories that occur (a zero never gets a swatch). */
export function usedLegend(categories: Category[], rows: { category: string; value: number }[]): LegendItem[] {
  const used = new Set(rows.filter((r) => r.value > 0).map((r) => r.category));
  return categories.filter((c) => used.has(c.key)).map((c) => ({ label: c.label, color: c.color, swatch: "bar" }));
}

/** "40 % (2 quotes)": a segment's share of its bar, for a tooltip. */
export function shareOf(rows: StackRow[], unit: string): (r: StackRow) => string {
  return (r) => {
    const total = rows.filter((x) => x.outlet === r.outlet && x.panel === r.panel).reduce((s, x) => s + x.value, 0);
    return `${Math.round((1000 * r.value) / total) / 10} % (${Math.round(r.value * 100) / 100} ${unit})`;
  };
}

/** The SVG, or null when no segment has a value (an empty chart says nothing). */
export function stackedBars(spec: StackSpec): string | null {
  const byKey = new Map(spec.categories.map((c) => [c.key, c]));
  const data = spec.rows
    .filter((r) => r.value > 0 && byKey.has(r.category))
    .map((r) => ({
      ...r,
      label: byKey.get(r.category)!.label,
      tip: `${r.outlet}${r.panel ? ` · ${r.panel}` : ""} · ${byKey.get(r.category)!.label}: ${spec.valueText(r)}`,
    }));
  if (data.length === 0) return null;
  const order = spec.categories.map((c) => c.label);
  const panels = spec.panels !== undefined && spec.panels.length > 0;
  const percentAxis = spec.normalize || spec.shares === true;
  return renderSvg(
    {
      height: 56 + spec.outlets.length * ROW_HEIGHT + (panels ? 20 : 0),
      marginLeft: labelMargin(spec.outlets),
      marginRight: 16,
      x: { label: spec.xLabel, percent: percentAxis, grid: true, ...(percentAxis ? { domain: [0, 100] } : {}) },
      y: { domain: spec.outlets, label: null, tickFormat: (d: string) => clip(d) },
      fx: panels ? { domain: spec.panels, label: null } : undefined,
      color: { domain: order, range: spec.categories.map((c) => c.color) },
      marks: [
        Plot.barX(
          data,
          Plot.stackX({
            x: "value",
            y: "outlet",
            fill: "label",
            order,
            title: "tip",
            inset: 0.5,
            ...(panels ? { fx: "panel" } : {}),
            ...(spec.normalize ? { offset: "normalize" as const } : {}),
          }),
        ),
        Plot.ruleX([0]),
      ],
    },
    { title: spec.title, description: spec.description },
  );
}
