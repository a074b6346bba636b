"use client";
// Keeps the CSS highlights in step with the spans: built once when the text mounts, then
// only spans whose draft (or nesting) changed are repainted. Also paints the active span
// and the keyboard word cursor.
import { useEffect, useRef, type RefObject } from "react";
import { sameKindDepth } from "@/lib/spans";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { collectParagraphs, type ParagraphBox } from "./dom-offsets";
import { HighlightPainter, highlightsSupported } from "./highlights";
import type { Range2 } from "./use-text-keys";
import type { WorkspaceSpan } from "./workspace-state";

export function useHighlights(
  textRef: RefObject<HTMLDivElement | null>,
  paragraphsRef: RefObject<ParagraphBox[]>,
  visible: WorkspaceSpan[],
  active: AnnotationDto | null,
  cursor: Range2 | null,
): void {
  const painterRef = useRef<HighlightPainter | null>(null);
  const painted = useRef(new Map<string, { draft: AnnotationDto; nested: boolean }>());

  useEffect(() => {
    if (!highlightsSupported() || textRef.current === null) return;
    paragraphsRef.current = collectParagraphs(textRef.current);
    painterRef.current = new HighlightPainter(paragraphsRef.current);
    performance.mark("pd-highlights-ready");
    return () => painterRef.current?.dispose();
  }, [textRef, paragraphsRef]);

  useEffect(() => {
    const painter = painterRef.current;
    if (painter === null) return;
    const depth = sameKindDepth(visible.map((s) => s.draft));
    const seen = new Set<string>();
    for (const s of visible) {
      seen.add(s.key);
      const nested = (depth.get(s.draft.id) ?? 0) > 0;
      const previous = painted.current.get(s.key);
      if (previous?.draft === s.draft && previous.nested === nested) continue;
      painter.paint(s.key, s.draft, nested);
      painted.current.set(s.key, { draft: s.draft, nested });
    }
    for (const key of painted.current.keys()) {
      if (!seen.has(key)) {
        painter.erase(key);
        painted.current.delete(key);
      }
    }
    performance.mark("pd-highlights-painted");
    // The highlight is on screen at the next frame; the benchmark reads this mark.
    requestAnimationFrame(() => performance.mark("pd-highlights-frame"));
  }, [visible]);

  useEffect(() => {
    painterRef.current?.mark("pd-active", active !== null && active.deletedAt === null ? active : null);
  }, [active]);

  useEffect(() => {
    const range = painterRef.current?.mark("pd-cursor", cursor) ?? null;
    range?.startContainer.parentElement?.scrollIntoView({ block: "nearest" });
  }, [cursor]);
}
