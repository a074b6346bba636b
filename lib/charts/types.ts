// What a chart hands the page: the SVG, a legend the page renders as HTML, and the chart's own
// numbers as a table (the chart's text alternative, shown under it and sortable).
import type { Table } from "@/lib/compare/tables";

export type Swatch = "bar" | "dot" | "ring" | "rule" | "diamond";

export interface LegendItem {
  label: string;
  color: string;
  swatch: Swatch;
}

export interface Chart {
  /** Stable and URL-safe: the section's anchor. */
  key: string;
  title: string;
  description: string;
  /** Null when there is nothing to draw; the page says so and still shows the table. */
  svg: string | null;
  legend: LegendItem[];
  table: Table;
}

/** One category of a stacked or grouped chart. */
export interface Category {
  key: string;
  label: string;
  color: string;
}
