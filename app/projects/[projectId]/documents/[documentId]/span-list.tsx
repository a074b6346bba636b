"use client";
// The panel's list of spans in reading order, filterable by kind, with each span's save state.
import { memo, type ReactNode } from "react";
import { ANNOTATION_KINDS, KIND_LABELS, type AnnotationKind } from "@/lib/validation/annotations";
import type { WorkspaceSpan } from "./workspace-state";

interface Props {
  spans: WorkspaceSpan[];
  activeKey: string | null;
  filter: Set<AnnotationKind>;
  showAnnotator: boolean;
  onFilter: (kind: AnnotationKind, on: boolean) => void;
  onActivate: (key: string) => void;
  onRetry: (span: WorkspaceSpan) => void;
  describe: (span: WorkspaceSpan) => string;
}

const STATE_LABEL = { saved: "", saving: "Saving…", failed: "Not saved", conflict: "Changed elsewhere" } as const;

const Row = memo(function Row({
  span,
  active,
  showAnnotator,
  onActivate,
  onRetry,
  detail,
}: {
  span: WorkspaceSpan;
  active: boolean;
  showAnnotator: boolean;
  onActivate: (key: string) => void;
  onRetry: (span: WorkspaceSpan) => void;
  detail: string;
}): ReactNode {
  const d = span.draft;
  return (
    <li className={`span-row kind-${d.kind}${active ? " active" : ""}`} data-span-key={span.key}>
      <button type="button" className="span-row-main" aria-current={active ? "true" : undefined} onClick={() => onActivate(span.key)}>
        <span className="kind-tag">
          <span className="swatch" aria-hidden="true" />
          {KIND_LABELS[d.kind]}
        </span>
        <span className="span-exact">“{d.exact.length > 140 ? `${d.exact.slice(0, 140)}…` : d.exact}”</span>
        {detail ? <span className="meta">{detail}</span> : null}
        {showAnnotator ? <span className="meta">by {d.annotatorName}</span> : null}
      </button>
      {span.state !== "saved" ? (
        <span className={`save-state ${span.state}`}>
          {STATE_LABEL[span.state]}
          {span.state === "failed" ? (
            <button type="button" className="button link small" onClick={() => onRetry(span)}>
              Retry
            </button>
          ) : null}
        </span>
      ) : null}
    </li>
  );
});

export function SpanList({ spans, activeKey, filter, showAnnotator, onFilter, onActivate, onRetry, describe }: Props): ReactNode {
  const counts = Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, spans.filter((s) => s.draft.kind === k).length]));
  const shown = spans.filter((s) => filter.has(s.draft.kind));
  return (
    <section aria-labelledby="span-list-heading" className="span-list">
      <h2 id="span-list-heading">
        Spans <span className="meta">({spans.length})</span>
      </h2>
      <fieldset className="kind-filters">
        <legend className="visually-hidden">Show kinds</legend>
        {ANNOTATION_KINDS.map((k) => (
          <label key={k} className={`kind-filter kind-${k}`}>
            <input type="checkbox" checked={filter.has(k)} onChange={(e) => onFilter(k, e.target.checked)} />
            <span className="swatch" aria-hidden="true" />
            {KIND_LABELS[k]} <span className="meta">{counts[k]}</span>
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p className="meta">{spans.length === 0 ? "No spans yet. Select text to tag it." : "No spans of the chosen kinds."}</p>
      ) : (
        <ol className="spans" aria-label="Spans in reading order">
          {shown.map((s) => (
            <Row
              key={s.key}
              span={s}
              active={s.key === activeKey}
              showAnnotator={showAnnotator}
              onActivate={onActivate}
              onRetry={onRetry}
              detail={describe(s)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
