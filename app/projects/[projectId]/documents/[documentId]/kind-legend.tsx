"use client";
// The panel's legend and guidelines: each kind's colour, key, definition and example (kinds
// from lib/guidelines), and the project's guidelines, readable without leaving the document.
// The legend's line of colours is always in view; definitions open under it, so a reviewer
// who knows them keeps the panel short.
import { createContext, memo, useContext, type ReactNode } from "react";
import { exampleParts, KIND_GUIDES } from "@/lib/guidelines/kinds";
import "./kind-legend.css";

// The guidelines are rendered on the server (app/markdown.tsx) and handed to the panel through
// context, so the workspace's own props stay as they are.
const GuidelinesContext = createContext<ReactNode>(null);

export function GuidelinesProvider({ guidelines, children }: { guidelines: ReactNode; children: ReactNode }): ReactNode {
  return <GuidelinesContext value={guidelines}>{children}</GuidelinesContext>;
}

function KindRows(): ReactNode {
  return (
    <dl className="kind-guide">
      {KIND_GUIDES.map((g) => {
        const { before, span, after } = exampleParts(g.example);
        return (
          <div key={g.kind} className={`kind-${g.kind}`} data-kind={g.kind}>
            <dt>
              <span className="sample">{g.label}</span> <kbd aria-label={`key ${g.key}`}>{g.key}</kbd>
            </dt>
            <dd>{g.definition}</dd>
            <dd className="kind-example">
              <span className="meta">Example:</span> {before}
              <span className="sample">{span}</span>
              {after}
            </dd>
          </div>
        );
      })}
      <div className="kind-quote nested">
        <dt>
          <span className="sample">Quote in a quote</span>
        </dt>
        <dd>A quote reported inside another quote (“the minister said the engineers had told her…”): tag both; the inner one nests in the outer.</dd>
      </div>
    </dl>
  );
}

export const KindLegend = memo(function KindLegend(): ReactNode {
  const guidelines = useContext(GuidelinesContext);
  return (
    <div className="kind-legend-wrap">
      <details className="kind-legend">
        <summary>
          <span className="kind-legend-title">Span kinds</span>
          {KIND_GUIDES.map((g) => (
            <span key={g.kind} className={`kind-chip kind-${g.kind}`}>
              <span className="sample">{g.label}</span> <kbd>{g.key}</kbd>
            </span>
          ))}
        </summary>
        <KindRows />
      </details>
      <details className="panel-guidelines">
        <summary>Project guidelines</summary>
        {guidelines ?? <p className="meta">This project has no guidelines yet. A manager writes them under Settings.</p>}
      </details>
    </div>
  );
});
