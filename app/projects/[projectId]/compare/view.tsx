// The comparison as both pages show it (a story's, or the whole project's): what it covers and
// from which layer, then per outlet, per document, perspective, who speaks where, and claims.
import type { ReactNode } from "react";
import type { ComparisonCharts } from "@/lib/charts";
import type { ComparisonView } from "@/lib/server/compare";
import { ChartBlock } from "./chart-block";
import { LayerForm, LayerPerDocument } from "./layer";
import { csvHref, readHref, type ComparePaths } from "./paths";
import { ClaimsAcrossOutlets, DocumentsSection, WhoSpeaksWhere } from "./sections";

function coverage(view: ComparisonView): string {
  const docs = view.input.documents;
  const outlets = view.comparison.outlets.filter((o) => o.outletId !== null).length;
  const dates = docs.flatMap((d) => (d.publishedAt === null ? [] : [d.publishedAt])).sort();
  const span = dates.length === 0 ? "no publication dates" : dates[0] === dates.at(-1) ? `published ${dates[0]}` : `published ${dates[0]} to ${dates.at(-1)}`;
  const undated = docs.length - dates.length;
  return `${docs.length} document${docs.length === 1 ? "" : "s"} from ${outlets} outlet${outlets === 1 ? "" : "s"} · ${span}${undated > 0 && dates.length > 0 ? ` (${undated} undated)` : ""}`;
}

const CONTENTS = [
  ["per-outlet", "Per outlet"],
  ["per-document", "Per document"],
  ["perspective", "Perspective"],
  ["who-speaks", "Who speaks where"],
  ["claims", "Claims across outlets"],
] as const;

export function ComparisonBody({ view, charts, paths }: { view: ComparisonView; charts: ComparisonCharts; paths: ComparePaths }): ReactNode {
  const { comparison, input } = view;
  const read = readHref(
    paths,
    input.documents.map((d) => d.id),
  );
  const outletsCsv = { href: csvHref(paths, "outlets"), label: "every figure of every outlet" };
  return (
    <>
      <p className="meta compare-coverage">
        {coverage(view)}
        {read === null ? null : (
          <>
            {" "}
            · <a href={read}>Read side by side</a>
          </>
        )}
      </p>
      <LayerForm action={paths.page} blind={view.blind} reviewers={view.reviewers} current={paths.layer} />
      <LayerPerDocument documents={input.documents} blind={view.blind} />
      {input.documents.length === 0 ? <p className="empty">No documents to compare yet.</p> : null}
      <nav aria-label="On this page" className="compare-contents">
        {CONTENTS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {label}
          </a>
        ))}
      </nav>
      <section aria-labelledby="per-outlet" className="compare-section">
        <h2 id="per-outlet">Per outlet</h2>
        {charts.figures.map((chart) => (
          <ChartBlock key={chart.key} chart={chart} csv={outletsCsv} empty="Nothing to draw in the layer shown; the table below says why." />
        ))}
      </section>
      <DocumentsSection table={charts.tables.documents} comparison={comparison} paths={paths} />
      <section aria-labelledby="perspective" className="compare-section">
        <h2 id="perspective">Perspective</h2>
        <p className="lead">
          The team&apos;s ratings of each outlet beside ratings published by third parties. The two are shown in separate panels and never averaged together.
          {view.blind ? " In blind mode, the team ratings are your own." : ""}
        </p>
        {charts.perspective.length === 0 ? <p className="chart-empty">This project has no perspective axes.</p> : null}
        {charts.perspective.map((chart) => (
          <ChartBlock
            key={chart.key}
            chart={chart}
            csv={{ href: csvHref(paths, "perspective"), label: "every axis, team and published ratings" }}
            empty="No ratings on this axis yet."
          />
        ))}
      </section>
      <WhoSpeaksWhere table={charts.tables.speakers} comparison={comparison} paths={paths} />
      <ClaimsAcrossOutlets charts={charts.timelines} comparison={comparison} paths={paths} />
    </>
  );
}
