// Server-only (jsdom): the comparison's charts, each drawn as SVG over its slice of
// lib/compare's tables (the rows its CSV download serves).
import { comparisonTables, type Table, type TableName } from "@/lib/compare/tables";
import type { CompareInput, Comparison } from "@/lib/compare/types";
import { densityChart, republishedChart, voiceChart } from "./coverage";
import { certaintyChart, namedChart, opinionsChart, sourcingChart } from "./mixes";
import { perspectiveCharts } from "./perspective";
import { timelineCharts } from "./timeline";
import type { Chart } from "./types";

export type { Category, Chart, LegendItem, Swatch } from "./types";
export { densityChart, republishedChart, voiceChart } from "./coverage";
export { certaintyChart, namedChart, opinionsChart, sourcingChart } from "./mixes";
export { perspectiveCharts } from "./perspective";
export { timelineChart, timelineCharts, parseDay, isFirstAppearance, TIMELINES_DRAWN } from "./timeline";
export { NO_OUTLET, outletLabel } from "./labels";

export interface ComparisonCharts {
  tables: Record<TableName, Table>;
  /** Per-outlet figures, in the order the page shows them. */
  figures: Chart[];
  perspective: Chart[];
  timelines: Chart[];
}

export function comparisonCharts(c: Comparison, input: CompareInput): ComparisonCharts {
  const tables = comparisonTables(c, input);
  const o = tables.outlets;
  return {
    tables,
    figures: [densityChart(c, o), voiceChart(c, o), sourcingChart(c, o), namedChart(c, o), opinionsChart(c, o), certaintyChart(c, o), republishedChart(c, o)],
    perspective: perspectiveCharts(c, input.axes, tables.perspective),
    timelines: timelineCharts(c, tables.claims),
  };
}
