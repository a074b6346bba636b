// Perspective, one chart per axis: the team's ratings (mean as a dot, ± one standard deviation
// as a rule) in one panel and the published ratings (hollow diamonds) in another. The two are
// never averaged together or drawn in the same panel: they are different kinds of evidence.
import * as Plot from "@observablehq/plot";
import type { Table } from "@/lib/compare/tables";
import type { CompareAxis, Comparison } from "@/lib/compare/types";
import { outletLabel, round } from "./labels";
import { clip, labelMargin, renderSvg } from "./render";
import { columnIndex, pickColumns, pickRows } from "./table";
import type { Chart, LegendItem } from "./types";

export const TEAM_PANEL = "Team ratings";
export const PUBLISHED_PANEL = "Published ratings";
const TEAM_COLOR = "#0072b2";
const PUBLISHED_COLOR = "#d55e00";

const LEGEND: LegendItem[] = [
  { label: "Team mean", color: TEAM_COLOR, swatch: "dot" },
  { label: "Team mean ± one standard deviation", color: TEAM_COLOR, swatch: "rule" },
  { label: "Published rating (publisher in the tooltip and the table)", color: PUBLISHED_COLOR, swatch: "diamond" },
];

interface TeamPoint {
  panel: string;
  outlet: string;
  mean: number;
  lo: number;
  hi: number;
  spread: boolean;
  tip: string;
}

interface PublishedPoint {
  panel: string;
  outlet: string;
  value: number;
  tip: string;
}

function points(c: Comparison, axis: CompareAxis): { team: TeamPoint[]; published: PublishedPoint[] } {
  const team: TeamPoint[] = [];
  const published: PublishedPoint[] = [];
  for (const o of c.outlets) {
    const s = o.team.find((t) => t.axis === axis.key);
    if (s !== undefined && s.mean !== null) {
      const sd = s.sd ?? 0;
      const sdText = s.sd === null ? "" : `, SD ${round(s.sd)}`;
      team.push({
        panel: TEAM_PANEL,
        outlet: outletLabel(o),
        mean: s.mean,
        lo: s.mean - sd,
        hi: s.mean + sd,
        spread: s.sd !== null,
        tip: `${outletLabel(o)} · team mean ${round(s.mean)}${sdText} (${s.n} rating${s.n === 1 ? "" : "s"})`,
      });
    }
    for (const p of o.published) {
      if (p.axis !== axis.key || p.value === null) continue;
      published.push({
        panel: PUBLISHED_PANEL,
        outlet: outletLabel(o),
        value: p.value,
        tip: `${outletLabel(o)} · ${p.publisher}: ${p.value}${p.label ? ` (${p.label})` : ""}, retrieved ${p.retrievedAt}`,
      });
    }
  }
  return { team, published };
}

/** The perspective table's rows for this axis: the team's summary and each published rating. */
function axisTable(perspective: Table, axis: CompareAxis): Table {
  const at = columnIndex(perspective, "axis");
  const rows = pickRows(perspective, `${axis.label}: team and published ratings`, (row) => row[at] === axis.label || row[at] === axis.key);
  // Every row is on this axis: the column would only repeat the heading.
  return pickColumns(
    rows,
    rows.title,
    perspective.columns.map((c) => c.key).filter((k) => k !== "axis"),
  );
}

/** One chart per axis of the project (scales differ per axis, so they never share one). */
export function perspectiveCharts(c: Comparison, axes: CompareAxis[], perspective: Table): Chart[] {
  const outlets = c.outlets.map(outletLabel);
  return axes.map((axis) => {
    const { team, published } = points(c, axis);
    const values = [axis.min, axis.max, ...team.flatMap((t) => [t.lo, t.hi]), ...published.map((p) => p.value)];
    const title = `Perspective: ${axis.label}`;
    const description = `On the ${axis.label} axis (${axis.min} to ${axis.max}): the team's mean rating of each outlet with its spread, and, in a separate panel, the ratings published by third parties.`;
    const svg =
      team.length + published.length === 0
        ? null
        : renderSvg(
            {
              height: 70 + outlets.length * 30,
              marginLeft: labelMargin(outlets),
              marginRight: 20,
              fx: { domain: [TEAM_PANEL, PUBLISHED_PANEL], label: null },
              x: { domain: [Math.min(...values), Math.max(...values)], label: axis.label, grid: true },
              y: { domain: outlets, label: null, tickFormat: (d: string) => clip(d) },
              marks: [
                Plot.ruleY(
                  team.filter((t) => t.spread),
                  { fx: "panel", y: "outlet", x1: "lo", x2: "hi", stroke: TEAM_COLOR, strokeWidth: 2, ariaDescription: "team spread" },
                ),
                Plot.dot(team, { fx: "panel", y: "outlet", x: "mean", fill: TEAM_COLOR, r: 5, title: "tip", ariaDescription: "team mean" }),
                Plot.dot(published, {
                  fx: "panel",
                  y: "outlet",
                  x: "value",
                  symbol: "diamond2",
                  stroke: PUBLISHED_COLOR,
                  strokeWidth: 2,
                  r: 6,
                  title: "tip",
                  ariaDescription: "published rating",
                }),
              ],
            },
            { title, description },
          );
    return { key: `perspective-${axis.key}`, title, description, svg, legend: LEGEND, table: axisTable(perspective, axis) };
  });
}
