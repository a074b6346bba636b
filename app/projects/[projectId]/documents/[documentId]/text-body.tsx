"use client";
// The document text, rendered once. Highlights are painted over it (highlights.ts), so adding,
// moving or deleting a span never re-renders these paragraphs. Text is rendered as text nodes.
import { memo, type ReactNode } from "react";
import type { Paragraph } from "@/lib/text";
import { KIND_GUIDES, kindDescription } from "@/lib/guidelines/kinds";

export const TextBody = memo(function TextBody({ paragraphs }: { paragraphs: Paragraph[] }): ReactNode {
  return (
    <>
      {paragraphs.map((p) => (
        <p key={p.start} data-start={p.start} data-end={p.end}>
          {p.text}
        </p>
      ))}
    </>
  );
});

export interface ToolbarProps {
  top: number;
  left: number;
  onTag: (kind: "claim" | "opinion" | "quote") => void;
  onCancel: () => void;
}

// Each kind's definition is the button's tooltip and its accessible description, so the
// meaning is at hand at the moment the kind is chosen.
const describedBy = (kind: string): string => `kind-description-${kind}`;

/** Floats at the selection; buttons are named exactly by their kind for people and tests. */
export function SelectionToolbar({ top, left, onTag, onCancel }: ToolbarProps): ReactNode {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Tag the selected text" style={{ top, left }}>
      {KIND_GUIDES.map((g) => (
        <button
          key={g.kind}
          type="button"
          className={`tag-button kind-${g.kind}`}
          aria-label={g.label}
          aria-keyshortcuts={g.key}
          aria-describedby={describedBy(g.kind)}
          title={`${g.label} (key ${g.key}): ${kindDescription(g.kind)}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(g.kind)}
        >
          <span aria-hidden="true" className="swatch" />
          {g.label} <kbd aria-hidden="true">{g.key}</kbd>
        </button>
      ))}
      <button
        type="button"
        className="tag-button cancel"
        aria-label="Cancel"
        aria-keyshortcuts="Escape"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onCancel}
      >
        <kbd aria-hidden="true">Esc</kbd>
      </button>
      {KIND_GUIDES.map((g) => (
        <span key={g.kind} id={describedBy(g.kind)} hidden>
          {kindDescription(g.kind)}
        </span>
      ))}
    </div>
  );
}
