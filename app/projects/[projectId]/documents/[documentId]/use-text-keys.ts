"use client";
// Keyboard control of the text, so a reviewer can annotate without a mouse:
//   ← →            move the word cursor          Shift+← →       narrow / widen its end by a word
//   ↑ ↓            cursor to the previous/next paragraph    Ctrl+Shift+← →  widen / narrow its start
//   1 2 3          tag the cursor or selection as claim / opinion / quote (or change the active span's kind)
//   j k  (or ] [)  next / previous span          Enter   edit the active span's attributes
//   Delete         remove the active span         Esc     cancel
//   l              link the active span to its first suggested match (same claim elsewhere)
import { useCallback, type KeyboardEvent } from "react";
import { moveEdge, wordAtOrAfter, wordBefore, type CodePoints } from "@/lib/text/snap";
import type { AnnotationKind } from "@/lib/validation/annotations";

export type Range2 = { start: number; end: number };

export interface TextKeyHandlers {
  chars: CodePoints;
  paragraphStarts: number[];
  cursor: Range2 | null;
  active: Range2 | null;
  canEdit: boolean;
  setCursor: (r: Range2 | null) => void;
  moveActive: (r: Range2) => void;
  tag: (kind: AnnotationKind) => void;
  step: (direction: 1 | -1) => void;
  removeActive: () => void;
  editActive: () => void;
  linkTop: () => void;
  cancel: () => void;
}

const KIND_KEYS: Record<string, AnnotationKind> = { "1": "claim", "2": "opinion", "3": "quote" };

function paragraphJump(h: TextKeyHandlers, from: number, direction: 1 | -1): Range2 | null {
  const starts = h.paragraphStarts;
  let current = 0;
  while (current + 1 < starts.length && starts[current + 1]! <= from) current++;
  const target = starts[Math.min(Math.max(current + direction, 0), starts.length - 1)];
  return target === undefined ? null : wordAtOrAfter(h.chars, target);
}

function cursorMove(h: TextKeyHandlers, event: KeyboardEvent): Range2 | null | undefined {
  const base = h.cursor ?? (h.active ? { start: h.active.start, end: h.active.start } : null);
  const plain = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
  if (event.key === "ArrowRight" && plain) return (base && wordAtOrAfter(h.chars, base.end)) ?? wordAtOrAfter(h.chars, 0);
  if (event.key === "ArrowLeft" && plain) return (base && wordBefore(h.chars, base.start)) ?? wordAtOrAfter(h.chars, 0);
  if ((event.key === "ArrowDown" || event.key === "ArrowUp") && plain && h.cursor) {
    return paragraphJump(h, h.cursor.start, event.key === "ArrowDown" ? 1 : -1);
  }
  return undefined; // not a cursor key
}

export function useTextKeys(h: TextKeyHandlers): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const moved = cursorMove(h, event);
      if (moved !== undefined) {
        event.preventDefault();
        if (moved !== null) h.setCursor(moved);
        return;
      }
      const horizontal = event.key === "ArrowLeft" || event.key === "ArrowRight";
      if (horizontal && event.shiftKey) {
        // Ctrl+Shift moves the start edge, Shift alone the end edge; rightward widens the end
        // and narrows the start.
        const edge = event.ctrlKey || event.metaKey ? "start" : "end";
        const widen = edge === "end" ? event.key === "ArrowRight" : event.key === "ArrowLeft";
        const target = h.cursor ?? h.active;
        if (target === null) return;
        event.preventDefault();
        const next = moveEdge(h.chars, target, edge, widen ? "widen" : "narrow");
        if (h.cursor) h.setCursor(next);
        else if (h.canEdit) h.moveActive(next);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const kind = KIND_KEYS[event.key];
      if (kind && h.canEdit) {
        event.preventDefault();
        h.tag(kind);
      } else if (event.key === "j" || event.key === "]") {
        event.preventDefault();
        h.step(1);
      } else if (event.key === "k" || event.key === "[") {
        event.preventDefault();
        h.step(-1);
      } else if ((event.key === "Delete" || event.key === "Backspace") && h.canEdit && h.active) {
        event.preventDefault();
        h.removeActive();
      } else if (event.key === "Enter" && h.active) {
        event.preventDefault();
        h.editActive();
      } else if ((event.key === "l" || event.key === "L") && h.active) {
        event.preventDefault();
        h.linkTop();
      } else if (event.key === "Escape") {
        h.cancel();
      }
    },
    [h],
  );
}
