// One chart of the comparison: its title, what it shows, the SVG drawn on the server, its
// legend, the numbers under it as a sortable table (the chart's text alternative) and a CSV.
import type { ReactNode } from "react";
import type { Chart, LegendItem } from "@/lib/charts";
import { SortableTable } from "./components";

function Swatch({ item }: { item: LegendItem }): ReactNode {
  const shape = {
    bar: <rect x="1" y="1" width="12" height="12" rx="2" fill={item.color} />,
    dot: <circle cx="7" cy="7" r="5" fill={item.color} />,
    ring: <circle cx="7" cy="7" r="5.5" fill="none" stroke={item.color} strokeWidth="2" />,
    rule: <line x1="0" y1="7" x2="14" y2="7" stroke={item.color} strokeWidth="2" />,
    diamond: <path d="M7 1 L13 7 L7 13 L1 7 Z" fill="none" stroke={item.color} strokeWidth="2" />,
  }[item.swatch];
  return (
    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" className="swatch-svg">
      {shape}
    </svg>
  );
}

export function Legend({ items }: { items: LegendItem[] }): ReactNode {
  if (items.length === 0) return null;
  return (
    <ul className="chart-legend" aria-label="Legend">
      {items.map((item) => (
        <li key={item.label}>
          <Swatch item={item} /> {item.label}
        </li>
      ))}
    </ul>
  );
}

interface ChartBlockProps {
  chart: Chart;
  /** Shown instead of the drawing when there is nothing to draw. */
  empty: string;
  csv?: { href: string; label: string };
  links?: (string | null)[][];
  children?: ReactNode;
}

export function ChartBlock({ chart, empty, csv, links, children }: ChartBlockProps): ReactNode {
  const headingId = `chart-${chart.key}`;
  return (
    <section className="chart-block" aria-labelledby={headingId} id={chart.key}>
      <h3 id={headingId}>{chart.title}</h3>
      <p className="meta chart-description">{chart.description}</p>
      {chart.svg === null ? (
        <p className="chart-empty">{empty}</p>
      ) : (
        <figure className="chart">
          {/* Markup from Observable Plot, built with DOM calls in lib/charts: every name in it is escaped text. */}
          <div
            className="chart-svg-wrap"
            role="group"
            aria-label={`${chart.title} (chart; scrolls sideways on a narrow screen)`}
            tabIndex={0}
            dangerouslySetInnerHTML={{ __html: chart.svg }}
          />
          <figcaption>
            <Legend items={chart.legend} />
          </figcaption>
        </figure>
      )}
      <SortableTable table={chart.table} caption={chart.table.title} links={links} />
      {children}
      {csv ? (
        <p className="csv-link">
          <a href={csv.href} download>
            Download CSV
          </a>{" "}
          <span className="meta">({csv.label})</span>
        </p>
      ) : null}
    </section>
  );
}
