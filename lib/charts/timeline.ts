// A linked claim on a time line: one dot per outlet's carrying of it, by publication date,
// coloured by as what it was carried, the first appearance ringed. Undated entries cannot be
// placed, so the chart says how many were left out and the table lists them last.
import * as Plot from "@observablehq/plot";
import type { Table } from "@/lib/compare/tables";
import type { ClaimTimeline, Comparison } from "@/lib/compare/types";
import { KIND_LABELS } from "@/lib/validation/annotations";
import { NO_OUTLET } from "./labels";
import { clip, KIND_COLORS, labelMargin, renderSvg } from "./render";
import { pickColumns } from "./table";
import type { Chart, LegendItem } from "./types";

const DAY = 86_400_000;

/** "YYYY-MM-DD" at midnight UTC, or null for anything that is not such a date. */
export function parseDay(iso: string | null): Date | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return null;
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The entry where the claim first appeared: the earliest dated one (as lib/compare's table marks it). */
export function isFirstAppearance(t: ClaimTimeline, e: ClaimTimeline["entries"][number]): boolean {
  const first = t.entries[0];
  return first !== undefined && first.spanId === e.spanId && t.firstDocumentId === e.documentId;
}

function timelineSvg(t: ClaimTimeline, title: string, description: string): string | null {
  const dated = t.entries.flatMap((e) => {
    const date = parseDay(e.publishedAt);
    const outlet = e.outletName ?? NO_OUTLET;
    return date === null
      ? []
      : [
          {
            date,
            outlet,
            as: KIND_LABELS[e.as],
            first: isFirstAppearance(t, e),
            tip: `${e.publishedAt} · ${outlet} · as ${KIND_LABELS[e.as].toLowerCase()}: “${e.exact}”`,
          },
        ];
  });
  if (dated.length === 0) return null;
  const outlets = [...new Set(dated.map((d) => d.outlet))];
  const times = dated.map((d) => d.date.getTime());
  // A single day still gets a readable span around it.
  const domain = [new Date(Math.min(...times) - DAY), new Date(Math.max(...times) + DAY)];
  const days = (domain[1]!.getTime() - domain[0]!.getTime()) / DAY;
  const kinds = (["claim", "quote", "opinion"] as const).map((k) => KIND_LABELS[k]);
  return renderSvg(
    {
      height: 60 + outlets.length * 28,
      marginLeft: labelMargin(outlets),
      marginRight: 44,
      // Whole days: a story's dates are days, never hours. Few days get a tick each.
      x: { type: "utc", domain, label: "Publication date", grid: true, ticks: days <= 8 ? "day" : 6, tickFormat: "%Y-%m-%d" },
      y: { domain: outlets, label: null, tickFormat: (d: string) => clip(d) },
      color: { domain: kinds, range: [KIND_COLORS.claim, KIND_COLORS.quote, KIND_COLORS.opinion] },
      marks: [
        Plot.dot(
          dated.filter((d) => d.first),
          { x: "date", y: "outlet", r: 10, stroke: "#1d1f23", strokeWidth: 2, fill: "none", ariaDescription: "first appearance" },
        ),
        Plot.dot(dated, { x: "date", y: "outlet", r: 5, fill: "as", title: "tip", ariaDescription: "appearance" }),
      ],
    },
    { title, description },
  );
}

/**
 * The timeline of one linked claim: its chart, and as its table the rows of lib/compare's
 * claims table that belong to it (date order, undated last).
 */
export function timelineChart(t: ClaimTimeline, table: Table, draw = true): Chart {
  const undated = t.entries.filter((e) => parseDay(e.publishedAt) === null).length;
  const title = `Claim timeline: ${t.label}`;
  const description = `Where the claim appeared, by publication date and outlet${undated > 0 ? `; ${undated} undated appearance${undated === 1 ? " is" : "s are"} not drawn` : ""}.`;
  const present = new Set(t.entries.map((e) => e.as));
  const legend: LegendItem[] = (["claim", "quote", "opinion"] as const)
    .filter((k) => present.has(k))
    .map((k) => ({ label: `As ${KIND_LABELS[k].toLowerCase()}`, color: KIND_COLORS[k], swatch: "dot" as const }));
  if (t.firstDocumentId !== null) legend.push({ label: "First appearance", color: "#1d1f23", swatch: "ring" });
  return {
    key: `claim-${t.groupId}`,
    title,
    description,
    svg: draw ? timelineSvg(t, title, description) : null,
    legend,
    table,
  };
}

/** Drawing costs a few milliseconds per chart: past this many claims, only tables are shown. */
export const TIMELINES_DRAWN = 30;

/** Every claim's timeline. The claims table lists the timelines' entries one after another. */
export function timelineCharts(c: Comparison, claims: Table, drawn = TIMELINES_DRAWN): Chart[] {
  let at = 0;
  return c.timelines.map((t, i) => {
    const rows = claims.rows.slice(at, at + t.entries.length);
    at += t.entries.length;
    const own = { title: `Where “${t.label}” appeared`, columns: claims.columns, rows };
    // Every row is this claim's, so its label column would only repeat the heading.
    return timelineChart(
      t,
      pickColumns(
        own,
        own.title,
        claims.columns.map((col) => col.key).filter((k) => k !== "claim"),
      ),
      i < drawn,
    );
  });
}
