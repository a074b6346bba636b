"use client";
// The panel's list of spans in reading order, filterable by kind, with each span's save state.
// Only the rows on screen are rendered (app/virtual-list.tsx): a document may hold thousands
// of spans, and the active span is scrolled into the list when it changes.
import { memo, useCallback, useMemo, type ReactNode } from "react";
import { VirtualList } from "@/app/virtual-list";
import { ANNOTATION_KINDS, KIND_LABELS, type AnnotationKind } from "@/lib/validation/annotations";
import type { WorkspaceIndexed, WorkspaceSpan } from "./workspace-state";

interface Props {
  /** The spans on screen in reading order (the workspace's index). */
  spans: readonly WorkspaceIndexed[];
  /** How many of each kind there are, kept as running totals by the workspace. */
  counts: Readonly<Record<AnnotationKind, number>>;
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

const keyOf = (s: WorkspaceIndexed): string => s.key;
const rowAttributes = (s: WorkspaceIndexed): Record<string, string> => ({ "data-span-key": s.key });

export const SpanList = memo(function SpanList({ spans, counts, activeKey, filter, showAnnotator, onFilter, onActivate, onRetry, describe }: Props): ReactNode {
  // With every kind shown (the usual case) the list is the index itself: nothing to filter.
  const everyKind = ANNOTATION_KINDS.every((k) => filter.has(k));
  const shown = useMemo(() => (everyKind ? spans : spans.filter((s) => filter.has(s.kind))), [everyKind, spans, filter]);
  const rowClassName = useCallback((s: WorkspaceIndexed) => `span-row kind-${s.kind}${s.key === activeKey ? " active" : ""}`, [activeKey]);
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
            rowAttributes={rowAttributes}
            revealKey={activeKey}
            renderRow={(s, _i, { tabbable }) => (
              <Row
                span={s.row}
                active={s.key === activeKey}
                tabbable={tabbable}
                showAnnotator={showAnnotator}
                onActivate={onActivate}
                onRetry={onRetry}
                detail={describe(s.row)}
              />
            )}
          />
        </>
      )}
    </section>
  );
});
