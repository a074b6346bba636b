// The comparison's sections after the per-outlet charts: documents, who speaks where, and the
// claims' timelines. Each table is lib/compare's (what the CSV serves), with links added.
import type { ReactNode } from "react";
import { TIMELINES_DRAWN } from "@/lib/charts/timeline";
import type { Chart } from "@/lib/charts";
import type { Table } from "@/lib/compare/tables";
import type { Comparison } from "@/lib/compare/types";
import { pickColumns } from "@/lib/charts/table";
import { ChartBlock } from "./chart-block";
import { SortableTable } from "./components";
import { csvHref, documentHref, quotesHref, readHref, type ComparePaths } from "./paths";

const DOCUMENT_COLUMNS = [
  "document",
  "outlet",
  "published",
  "layer",
  "words",
  "claims",
  "opinions",
  "quotes",
  "claims_per_1000",
  "opinions_per_1000",
  "quotes_per_1000",
  "quoted_share",
  "named_share",
  "republished_share",
];

export function DocumentsSection({ table, comparison, paths }: { table: Table; comparison: Comparison; paths: ComparePaths }): ReactNode {
  const shown = pickColumns(table, "Figures per document", DOCUMENT_COLUMNS);
  // lib/compare lists documents outlet by outlet, in the same order as comparison.outlets.
  const ids = comparison.outlets.flatMap((o) => o.documents.map((d) => d.document.id));
  const links = ids.map((id) => shown.columns.map((c) => (c.key === "document" ? documentHref(paths, id) : null)));
  return (
    <section aria-labelledby="per-document" className="compare-section">
      <h2 id="per-document">Per document</h2>
      <SortableTable table={shown} caption="Figures per document (with the layer each is computed from)" links={links} />
      <p className="csv-link">
        <a href={csvHref(paths, "documents")} download>
          Download CSV
        </a>{" "}
        <span className="meta">(every figure of every document)</span>
      </p>
    </section>
  );
}

function modeNote(byMode: Record<string, number>): string | null {
  const parts = (["direct", "indirect", "mixed", "unset"] as const)
    .filter((m) => (byMode[m] ?? 0) > 0)
    .map((m) => `${byMode[m]} ${m === "unset" ? "mode not recorded" : m}`);
  return parts.length === 0 ? null : parts.join(" · ");
}

/** The speakers × outlets matrix: a non-empty cell links to the quotes it counts. */
export function WhoSpeaksWhere({ table, comparison, paths }: { table: Table; comparison: Comparison; paths: ComparePaths }): ReactNode {
  const outletAt = new Map(comparison.outlets.map((o, i) => [`outlet:${o.outletId ?? "none"}`, i]));
  const grid = (pick: (row: number, outlet: number) => string | null): (string | null)[][] =>
    comparison.speakers.map((_, r) => table.columns.map((c) => (outletAt.has(c.key) ? pick(r, outletAt.get(c.key)!) : null)));
  const links = grid((r, o) => {
    const speaker = comparison.speakers[r]!;
    const cell = speaker.cells[o];
    return cell === undefined || cell.count === 0 ? null : quotesHref(paths, speaker.key, cell.outletId);
  });
  const notes = grid((r, o) => {
    const cell = comparison.speakers[r]!.cells[o];
    return cell === undefined || cell.count === 0 ? null : modeNote(cell.byMode);
  });
  return (
    <section aria-labelledby="who-speaks" className="compare-section">
      <h2 id="who-speaks">Who speaks where</h2>
      <p className="lead">How often each outlet quotes each speaker, and in which mode. A number opens the quotes behind it.</p>
      {comparison.speakers.length === 0 ? (
        <p className="chart-empty">No attributed quotes in the layer shown.</p>
      ) : (
        <SortableTable table={table} caption="Attributed quotes per speaker and outlet" links={links} notes={notes} />
      )}
      <p className="csv-link">
        <a href={csvHref(paths, "speakers")} download>
          Download CSV
        </a>{" "}
        <span className="meta">(the same matrix)</span>
      </p>
    </section>
  );
}

interface ClaimsProps {
  charts: Chart[];
  comparison: Comparison;
  paths: ComparePaths;
}

/** One timeline per linked claim: a dot-on-time chart when dates exist, and its entries in order. */
export function ClaimsAcrossOutlets({ charts, comparison, paths }: ClaimsProps): ReactNode {
  return (
    <section aria-labelledby="claims" className="compare-section">
      <h2 id="claims">Claims across outlets</h2>
      <p className="lead">
        Spans that reviewers linked as the same claim, in order of publication: which outlet carried it first, as what, how hedged, and whether it was
        re-published.
      </p>
      {charts.length === 0 ? (
        <p className="chart-empty">No linked claims in the layer shown. Link spans of different documents in the annotation workspace to trace a claim.</p>
      ) : null}
      {charts.map((chart, i) => {
        const timeline = comparison.timelines[i]!;
        const documentColumn = chart.table.columns.findIndex((c) => c.key === "document");
        const links = timeline.entries.map((e) => chart.table.columns.map((_, col) => (col === documentColumn ? documentHref(paths, e.documentId) : null)));
        const read = readHref(
          paths,
          timeline.entries.map((e) => e.documentId),
        );
        return (
          <ChartBlock
            key={chart.key}
            chart={chart}
            links={links}
            empty={
              i < TIMELINES_DRAWN
                ? "No appearance of this claim is dated, so it cannot be placed on a time line; the table lists them."
                : `Only the first ${TIMELINES_DRAWN} claims are drawn; this one is in its table.`
            }
          >
            <p className="meta">
              Carried by {timeline.outlets} outlet{timeline.outlets === 1 ? "" : "s"}.{" "}
              {read === null ? null : <a href={read}>Read these documents side by side</a>}
            </p>
          </ChartBlock>
        );
      })}
      {charts.length > 0 ? (
        <p className="csv-link">
          <a href={csvHref(paths, "claims")} download>
            Download CSV
          </a>{" "}
          <span className="meta">(every claim&apos;s timeline)</span>
        </p>
      ) : null}
    </section>
  );
}
