// The tables under each chart of the comparison, and their CSV downloads: the page renders these
// same rows (sortable), so a chart, its table and its CSV can never disagree.
import { KIND_LABELS } from "@/lib/validation/annotations";
import { FIGURE_COLUMNS, type FigureColumn } from "./figure-columns";
import { tableToCsv } from "./csv";
import type { CompareInput, Comparison, LayerShown } from "./types";

export interface TableColumn {
  key: string;
  label: string;
  numeric: boolean;
  /** A share, 0..1 in the rows: shown as a percentage, written to the CSV as the number. */
  share?: boolean;
}

export interface Table {
  title: string;
  columns: TableColumn[];
  rows: (string | number | null)[][];
}

export type TableName = "outlets" | "documents" | "speakers" | "claims" | "perspective";
export const TABLE_NAMES: readonly TableName[] = ["outlets", "documents", "speakers", "claims", "perspective"];

export const NO_OUTLET = "No outlet";

type Cell = string | number | null;

const text = (key: string, label: string): TableColumn => ({ key, label, numeric: false });
const num = (key: string, label: string): TableColumn => ({ key, label, numeric: true });

function figureColumn(c: FigureColumn): TableColumn {
  return c.share ? { key: c.key, label: c.label, numeric: true, share: true } : { key: c.key, label: c.label, numeric: !c.text };
}

export function layerLabel(layer: LayerShown): string {
  switch (layer.kind) {
    case "gold":
      return "Gold (adjudicated)";
    case "reviewer":
      return `Reviewer: ${layer.reviewerName}`;
    case "pooled":
      return `Mean of ${layer.reviewers} reviewer${layer.reviewers === 1 ? "" : "s"}`;
    case "none":
      return "No annotations";
  }
}

function outletsTable(c: Comparison): Table {
  return {
    title: "Outlets",
    columns: [text("outlet", "Outlet"), num("documents", "Documents"), ...FIGURE_COLUMNS.map(figureColumn)],
    rows: c.outlets.map((o) => [o.outletName ?? NO_OUTLET, o.figures.documents, ...FIGURE_COLUMNS.map((col) => col.cell(o.figures))]),
  };
}

function documentsTable(c: Comparison): Table {
  return {
    title: "Documents",
    columns: [
      text("document", "Document"),
      text("outlet", "Outlet"),
      text("published", "Published"),
      text("layer", "Layer shown"),
      ...FIGURE_COLUMNS.map(figureColumn),
    ],
    rows: c.outlets.flatMap((o) =>
      o.documents.map(({ document: d, figures }): Cell[] => [
        d.title,
        d.outletName ?? NO_OUTLET,
        d.publishedAt ?? "Undated",
        layerLabel(d.layer),
        ...FIGURE_COLUMNS.map((col) => col.cell(figures)),
      ]),
    ),
  };
}

function speakersTable(c: Comparison): Table {
  const outletColumns = c.outlets.map((o) => num(`outlet:${o.outletId ?? "none"}`, `Quotes in ${o.outletName ?? NO_OUTLET}`));
  const modes = ["direct", "indirect", "mixed", "unset"] as const;
  const modeLabels = { direct: "Direct quotes", indirect: "Indirect quotes", mixed: "Mixed quotes", unset: "Quotes, mode not recorded" };
  return {
    title: "Who speaks where",
    columns: [
      text("speaker", "Speaker"),
      text("kind", "Kind of source"),
      num("total", "Quotes in total"),
      ...outletColumns,
      ...modes.map((m) => num(`mode_${m}`, modeLabels[m])),
    ],
    rows: c.speakers.map((s) => [
      s.name,
      s.kind === null ? null : s.kind.replace("_", " "),
      s.total,
      ...s.cells.map((cell) => cell.count),
      ...modes.map((m) => s.cells.reduce((sum, cell) => sum + cell.byMode[m], 0)),
    ]),
  };
}

function claimsTable(c: Comparison, input: CompareInput): Table {
  const titles = new Map(input.documents.map((d) => [d.id, d.title]));
  return {
    title: "Claim timelines",
    columns: [
      text("claim", "Claim"),
      num("order", "Order"),
      text("published", "Published"),
      text("outlet", "Outlet"),
      text("document", "Document"),
      text("as", "Carried as"),
      text("speaker", "Speaker"),
      text("certainty", "Certainty"),
      text("republished_from", "Re-published from"),
      text("text", "Text"),
      text("first", "First appearance"),
      num("marked_by", "Reviewers who marked it"),
    ],
    rows: c.timelines.flatMap((t) =>
      t.entries.map((e, i): Cell[] => [
        t.label,
        i + 1,
        e.publishedAt ?? "Undated",
        e.outletName ?? NO_OUTLET,
        titles.get(e.documentId) ?? `Document ${e.documentId}`,
        KIND_LABELS[e.as],
        e.speakerName,
        e.certainty,
        e.republishedFrom === null ? null : (e.republishedFrom.outletName ?? "Unknown outlet"),
        e.exact,
        i === 0 && t.firstDocumentId === e.documentId ? "Yes" : "No",
        e.markedBy ?? 1,
      ]),
    ),
  };
}

// Team rows carry the summary, published rows the publisher's value and label; no row has both,
// so nobody reads a team mean and a publisher's rating as one number.
function perspectiveTable(c: Comparison, input: CompareInput): Table {
  const axisLabel = new Map(input.axes.map((a) => [a.key, a.label]));
  return {
    title: "Perspective",
    columns: [
      text("outlet", "Outlet"),
      text("source", "Rated by"),
      text("axis", "Axis"),
      num("n", "Team ratings"),
      num("mean", "Team mean"),
      num("sd", "Team standard deviation"),
      num("min", "Lowest team rating"),
      num("max", "Highest team rating"),
      num("published_value", "Published value"),
      text("published_label", "Published label"),
      text("retrieved", "Retrieved"),
      text("url", "Link"),
    ],
    rows: c.outlets.flatMap((o) => {
      const name = o.outletName ?? NO_OUTLET;
      const team = o.team.map((a): Cell[] => [name, "Team", a.label, a.n, a.mean, a.sd, a.min, a.max, null, null, null, null]);
      const published = o.published.map((p): Cell[] => [
        name,
        p.publisher,
        axisLabel.get(p.axis) ?? p.axis,
        null,
        null,
        null,
        null,
        null,
        p.value,
        p.label,
        p.retrievedAt,
        p.url,
      ]);
      return [...team, ...published];
    }),
  };
}

export function comparisonTables(c: Comparison, input: CompareInput): Record<TableName, Table> {
  return {
    outlets: outletsTable(c),
    documents: documentsTable(c),
    speakers: speakersTable(c),
    claims: claimsTable(c, input),
    perspective: perspectiveTable(c, input),
  };
}

export { tableToCsv };
