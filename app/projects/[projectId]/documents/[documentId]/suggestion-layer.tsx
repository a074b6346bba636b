"use client";
// The panel's Suggestions section: the open suggestions in reading order with their type,
// confidence, speaker, cue and the rules that found them; accept or reject each, or accept all
// at or above a confidence. Rows are windowed (app/virtual-list.tsx): a text full of quotation
// marks can yield thousands. The layer's state and keys live in use-suggestions.ts.
import { useState, type ReactNode } from "react";
import { VirtualList } from "@/app/virtual-list";
import { ACCEPT_ALL_THRESHOLDS, confidenceLabel, type SuggestionDto } from "@/lib/validation/suggestions";
import { TYPE_LABELS, type SuggestionLayer } from "./use-suggestions";
import "./suggestions.css";

const ROW_ESTIMATE = 96;
const ROW_GAP = 5;

function speakerLine(s: SuggestionDto): string {
  const cue = s.cue === null ? "" : ` · cue “${s.cue.text}”`;
  if (s.speakerName === null) return `No speaker found${cue}`;
  const isNew = s.speaker !== null && s.speaker.sourceId === null;
  return `${s.speakerName}${isNew ? " (new source)" : ""}${cue}`;
}

function Row({
  s,
  active,
  tabbable,
  layer,
}: {
  s: SuggestionDto;
  active: boolean;
  tabbable: boolean;
  layer: Pick<SuggestionLayer, "activate" | "accept" | "reject">;
}): ReactNode {
  const short = s.exact.length > 140 ? `${s.exact.slice(0, 140)}…` : s.exact;
  const tab = tabbable ? 0 : -1;
  return (
    <>
      <button
        type="button"
        className="span-row-main suggestion-main"
        tabIndex={tab}
        aria-current={active ? "true" : undefined}
        onClick={() => layer.activate(s.key)}
      >
        <span className="suggestion-head">
          <span className="suggestion-type">{TYPE_LABELS[s.type]}</span>
          <span className="suggestion-confidence">{confidenceLabel(s.confidence)}</span>
        </span>
        <span className="span-exact">“{short}”</span>
        <span className="meta">{speakerLine(s)}</span>
        <span className="meta suggestion-evidence">{s.evidence.join(" · ")}</span>
      </button>
      <span className="suggestion-actions">
        <button type="button" className="button small" tabIndex={tab} onClick={() => layer.accept(s.key)}>
          Accept <kbd aria-hidden="true">a</kbd>
        </button>
        <button type="button" className="button small" tabIndex={tab} onClick={() => layer.reject(s.key)}>
          Reject <kbd aria-hidden="true">r</kbd>
        </button>
      </span>
    </>
  );
}

function AcceptAll({ layer }: { layer: SuggestionLayer }): ReactNode {
  const [threshold, setThreshold] = useState<number>(ACCEPT_ALL_THRESHOLDS[0]);
  const count = layer.items.filter((s) => s.confidence >= threshold).length;
  return (
    <div className="accept-all">
      <label htmlFor="accept-all-threshold">Accept all ≥</label>
      <select id="accept-all-threshold" value={threshold} onChange={(e) => setThreshold(Number(e.target.value))}>
        {ACCEPT_ALL_THRESHOLDS.map((t) => (
          <option key={t} value={t}>
            {confidenceLabel(t)}
          </option>
        ))}
      </select>
      <button type="button" className="button small" disabled={count === 0} onClick={() => layer.acceptAll(threshold)}>
        Accept {count} {count === 1 ? "suggestion" : "suggestions"}
      </button>
    </div>
  );
}

const keyOf = (s: SuggestionDto): string => s.key;

export function SuggestionPanel({ layer }: { layer: SuggestionLayer }): ReactNode {
  if (!layer.enabled) return null;
  const { items, activeKey } = layer;
  return (
    <section aria-labelledby="suggestions-heading" className="suggestions" data-testid="suggestions">
      <h2 id="suggestions-heading">
        Suggestions <span className="meta">({layer.loading ? "…" : items.length})</span>
      </h2>
      <p className="meta suggestions-hint">
        Found by rules and drawn with a dashed line; none is yours until accepted. <kbd>Tab</kbd> next, <kbd>a</kbd> accept, <kbd>r</kbd> reject.
      </p>
      {layer.message !== null ? (
        <p className={`suggestions-message ${layer.message.tone}`} role={layer.message.tone === "error" ? "alert" : "status"}>
          {layer.message.text}
        </p>
      ) : null}
      {items.length > 0 ? (
        <>
          <AcceptAll layer={layer} />
          <VirtualList
            items={items}
            keyOf={keyOf}
            estimate={ROW_ESTIMATE}
            gap={ROW_GAP}
            label="Suggestions in reading order"
            className="suggestion-rows"
            viewportClassName="suggestion-list-viewport"
            rowClassName={(s) => `suggestion-row${s.key === activeKey ? " active" : ""}`}
            rowAttributes={(s) => ({ "data-suggestion-key": s.key })}
            revealKey={activeKey}
            renderRow={(s, _i, { tabbable }) => <Row s={s} active={s.key === activeKey} tabbable={tabbable} layer={layer} />}
          />
        </>
      ) : layer.loading ? null : (
        <p className="meta">No open suggestions on this document.</p>
      )}
    </section>
  );
}
