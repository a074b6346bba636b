"use client";
// The document text, rendered once. Highlights are painted over it (highlights.ts), so adding,
// moving or deleting a span never re-renders these paragraphs. Text is rendered as text nodes.
import { memo, type ReactNode } from "react";
import type { Paragraph } from "@/lib/text";

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

const BUTTONS = [
  { kind: "claim", label: "Claim", key: "1" },
  { kind: "opinion", label: "Opinion", key: "2" },
  { kind: "quote", label: "Attributed quote", key: "3" },
] as const;

/** Floats at the selection; buttons are named exactly by their kind for people and tests. */
export function SelectionToolbar({ top, left, onTag, onCancel }: ToolbarProps): ReactNode {
  return (
    <div className="selection-toolbar" role="toolbar" aria-label="Tag the selected text" style={{ top, left }}>
      {BUTTONS.map((b) => (
        <button
          key={b.kind}
          type="button"
          className={`tag-button kind-${b.kind}`}
          aria-label={b.label}
          aria-keyshortcuts={b.key}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onTag(b.kind)}
        >
          <span aria-hidden="true" className="swatch" />
          {b.label} <kbd aria-hidden="true">{b.key}</kbd>
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
    </div>
  );
}
