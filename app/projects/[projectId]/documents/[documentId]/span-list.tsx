"use client";
// The panel's list of spans in reading order, filterable by kind, with each span's save state.
// Only the rows on screen are rendered (app/virtual-list.tsx): a document may hold thousands
// of spans, and the active span is scrolled into the list when it changes.
import { memo, useCallback, type ReactNode } from "react";
import { VirtualList } from "@/app/virtual-list";
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
// A row with a kind, two lines of text and a detail line, in px; rows are measured once drawn.
const ROW_ESTIMATE = 76;
const ROW_GAP = 5;

const Row = memo(function Row({
  span,
  active,
  tabbable,
  showAnnotator,
  onActivate,
  onRetry,
  detail,
}: {
  span: WorkspaceSpan;
  active: boolean;
  tabbable: boolean;
  showAnnotator: boolean;
  onActivate: (key: string) => void;
  onRetry: (span: WorkspaceSpan) => void;
  detail: string;
}): ReactNode {
  const d = span.draft;
  return (
    <>
      <button
        type="button"
        className="span-row-main"
        tabIndex={tabbable ? 0 : -1}
        aria-current={active ? "true" : undefined}
        onClick={() => onActivate(span.key)}
      >
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
            <button type="button" className="button link small" tabIndex={tabbable ? 0 : -1} onClick={() => onRetry(span)}>
              Retry
            </button>
          ) : null}
        </span>
      ) : null}
    </>
  );
});

const keyOf = (s: WorkspaceSpan): string => s.key;

export function SpanList({ spans, activeKey, filter, showAnnotator, onFilter, onActivate, onRetry, describe }: Props): ReactNode {
  const counts = Object.fromEntries(ANNOTATION_KINDS.map((k) => [k, spans.filter((s) => s.draft.kind === k).length]));
  const shown = spans.filter((s) => filter.has(s.draft.kind));
  const rowClassName = useCallback((s: WorkspaceSpan) => `span-row kind-${s.draft.kind}${s.key === activeKey ? " active" : ""}`, [activeKey]);
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
        <>
          <p className="meta span-list-hint">
            {shown.length === spans.length ? null : `${shown.length} of ${spans.length} shown. `}
            In the list, <kbd>↑</kbd> <kbd>↓</kbd>, <kbd>Home</kbd> and <kbd>End</kbd> move between spans.
          </p>
          <VirtualList
            items={shown}
            keyOf={keyOf}
            estimate={ROW_ESTIMATE}
            gap={ROW_GAP}
            label="Spans in reading order"
            className="spans"
            viewportClassName="span-list-viewport"
            rowClassName={rowClassName}
            rowAttributes={(s) => ({ "data-span-key": s.key })}
            revealKey={activeKey}
            renderRow={(s, _i, { tabbable }) => (
              <Row
                span={s}
                active={s.key === activeKey}
                tabbable={tabbable}
                showAnnotator={showAnnotator}
                onActivate={onActivate}
                onRetry={onRetry}
                detail={describe(s)}
              />
            )}
          />
        </>
      )}
    </section>
  );
}
