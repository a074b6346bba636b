"use client";
// Paints the suggestion layer with two CSS Custom Highlights of its own, below every span kind:
// all open suggestions faint and dashed, the active one a little stronger (suggestions.css).
// Like the spans (highlights.ts), the text DOM is never touched; only Ranges are added.
import { useEffect, useRef, type RefObject } from "react";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { rangeFor, type ParagraphBox } from "./dom-offsets";
import { highlightsSupported } from "./highlights";

export const SUGGESTION_HIGHLIGHT = "pd-suggestion";
export const ACTIVE_SUGGESTION_HIGHLIGHT = "pd-suggestion-active";

/** Paints `items` and `active`; with `on` false (suggestions off), registers no highlight at all. */
export function useSuggestionPaint(on: boolean, paragraphsRef: RefObject<ParagraphBox[]>, items: readonly SuggestionDto[], active: SuggestionDto | null): void {
  const layers = useRef<{ all: Highlight; active: Highlight } | null>(null);

  useEffect(() => {
    if (!on || !highlightsSupported()) return;
    const all = new Highlight();
    const current = new Highlight();
    // Under the spans, the cursor and the active span (priorities 0 and up in highlights.ts).
    all.priority = -2;
    current.priority = -1;
    CSS.highlights.set(SUGGESTION_HIGHLIGHT, all);
    CSS.highlights.set(ACTIVE_SUGGESTION_HIGHLIGHT, current);
    layers.current = { all, active: current };
    return () => {
      CSS.highlights.delete(SUGGESTION_HIGHLIGHT);
      CSS.highlights.delete(ACTIVE_SUGGESTION_HIGHLIGHT);
      layers.current = null;
    };
  }, [on]);

  useEffect(() => {
    const all = layers.current?.all;
    if (all === undefined) return;
    all.clear();
    for (const s of items) {
      const range = rangeFor(paragraphsRef.current, s.start, s.end);
      if (range !== null) all.add(range);
    }
  }, [items, paragraphsRef, on]);

  useEffect(() => {
    const layer = layers.current?.active;
    if (layer === undefined) return;
    layer.clear();
    const range = active === null ? null : rangeFor(paragraphsRef.current, active.start, active.end);
    if (range !== null) layer.add(range);
  }, [active, paragraphsRef, on]);
}
