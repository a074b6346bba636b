"use client";
// What the mouse does on the text: a selection, snapped to whole words (Alt keeps it as made),
// becomes the pending selection the toolbar tags; a click without one makes the span under it
// current and puts the word cursor there. And which kinds the span list shows.
import { useCallback, useState, type MouseEvent, type RefObject } from "react";
import type { SpanIndex } from "@/lib/spans";
import type { Chars } from "@/lib/text/code-point-text";
import { snapToWords, trimBlanks } from "@/lib/text/snap";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import { offsetAtPoint, offsetOf, type ParagraphBox } from "./dom-offsets";
import type { SetLive } from "./use-live-state";
import type { Range2 } from "./use-text-keys";

/** A selection waiting to be tagged, and where its toolbar goes (relative to the text). */
export interface PendingSelection extends Range2 {
  top: number;
  left: number;
}

interface PointerDeps {
  canEdit: boolean;
  chars: Chars;
  textRef: RefObject<HTMLDivElement | null>;
  paragraphsRef: RefObject<ParagraphBox[]>;
  index: SpanIndex<{ id: number; start: number; end: number; kind: string; key: string }>;
  setSelection: SetLive<PendingSelection | null>;
  dropCursor: (caret?: number) => void;
  activate: (key: string | null, scroll?: boolean) => void;
}

export function useTextPointer(d: PointerDeps): { readSelection: (keepExact: boolean) => void; onTextClick: (event: MouseEvent) => void } {
  const { canEdit, chars, textRef, paragraphsRef, index, setSelection, dropCursor, activate } = d;
  const readSelection = useCallback(
    (keepExact: boolean) => {
      const sel = window.getSelection();
      if (!canEdit || sel === null || sel.isCollapsed || sel.rangeCount === 0 || !textRef.current?.contains(sel.anchorNode)) {
        setSelection(null);
        return;
      }
      const range = sel.getRangeAt(0);
      const start = offsetOf(paragraphsRef.current, range.startContainer, range.startOffset);
      const end = offsetOf(paragraphsRef.current, range.endContainer, range.endOffset);
      if (start === null || end === null || end <= start) return setSelection(null);
      // Alt keeps the selection exactly as made (minus surrounding blanks at most).
      const snapped = keepExact ? trimBlanks(chars, start, end) : snapToWords(chars, start, end);
      if (snapped === null) return setSelection(null);
      const rect = range.getBoundingClientRect();
      const box = textRef.current.getBoundingClientRect();
      setSelection({ ...snapped, top: rect.top - box.top - 44, left: Math.max(0, rect.left - box.left) });
      dropCursor(snapped.start);
    },
    [canEdit, chars, dropCursor, setSelection, textRef, paragraphsRef],
  );

  const onTextClick = useCallback(
    (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const offset = offsetAtPoint(paragraphsRef.current, event.clientX, event.clientY);
      const hit = offset === null ? [] : index.coveringAt(offset);
      activate(hit[0]?.key ?? null, false);
      dropCursor(offset ?? undefined);
    },
    [activate, index, dropCursor, paragraphsRef],
  );
  return { readSelection, onTextClick };
}

/** The kinds the span list shows (all at first), and a toggle for one of them. */
export function useKindFilter(): [Set<AnnotationKind>, (kind: AnnotationKind, on: boolean) => void] {
  const [filter, setFilter] = useState(() => new Set<AnnotationKind>(ANNOTATION_KINDS));
  const onFilter = useCallback(
    (kind: AnnotationKind, on: boolean) =>
      setFilter((f) => {
        const next = new Set(f);
        if (on) next.add(kind);
        else next.delete(kind);
        return next;
      }),
    [],
  );
  return [filter, onFilter];
}
