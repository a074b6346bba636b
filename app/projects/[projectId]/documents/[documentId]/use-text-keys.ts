"use client";
// Keyboard control of the text, so a reviewer can annotate without a mouse. Which key does what
// lives in lib/workspace/shortcuts (the `?` dialog lists the same table); this maps each action
// onto the workspace.
import { useCallback, type KeyboardEvent } from "react";
import { moveEdge, type Chars } from "@/lib/text/snap";
import { cursorBase, paragraphStep, wordStep, type Range2 } from "@/lib/workspace/cursor";
import { shortcutFor, type ShortcutAction } from "@/lib/workspace/shortcuts";
import type { AnnotationKind } from "@/lib/validation/annotations";

export type { Range2 };

export interface TextKeyHandlers {
  chars: Chars;
  paragraphStarts: readonly number[];
  /** The word cursor as the last key left it (read at each key, not at render). */
  cursor: () => Range2 | null;
  /** Where keys start from when there is no cursor: see cursorBase. */
  caret: () => number;
  /** The active span as the keys last left it (read at each key, not at render). */
  active: () => Range2 | null;
  canEdit: boolean;
  setCursor: (r: Range2) => void;
  moveActive: (r: Range2) => void;
  tag: (kind: AnnotationKind) => void;
  step: (direction: 1 | -1) => void;
  nextSentence: () => void;
  removeActive: () => void;
  editActive: () => void;
  linkTop: () => void;
  cancel: () => void;
  showHelp: () => void;
}

const TAGS: Partial<Record<ShortcutAction, AnnotationKind>> = { "tag-claim": "claim", "tag-opinion": "opinion", "tag-quote": "quote" };
const EDGES: Partial<Record<ShortcutAction, [edge: "start" | "end", direction: "widen" | "narrow"]>> = {
  "end-widen": ["end", "widen"],
  "end-narrow": ["end", "narrow"],
  "start-widen": ["start", "widen"],
  "start-narrow": ["start", "narrow"],
};

/** Moves the cursor; false when the key is not a cursor move. */
function moveCursor(h: TextKeyHandlers, action: ShortcutAction): boolean {
  const [cursor, active] = [h.cursor(), h.active()];
  const base = cursorBase(cursor, active, h.caret());
  let next: Range2 | null;
  if (action === "word-next" || action === "word-previous") next = wordStep(h.chars, base, action === "word-next" ? 1 : -1);
  else if (action === "paragraph-next" || action === "paragraph-previous") {
    next = paragraphStep(h.chars, h.paragraphStarts, base, cursor === null && active === null, action === "paragraph-next" ? 1 : -1);
  } else return false;
  if (next !== null) h.setCursor(next);
  return true;
}

/** Moves an edge of the keyboard selection, else of the current span (an edit, saved with its version). */
function moveSelectionEdge(h: TextKeyHandlers, action: ShortcutAction): boolean {
  const edge = EDGES[action];
  if (edge === undefined) return false;
  const [cursor, active] = [h.cursor(), h.active()];
  if (cursor !== null) h.setCursor(moveEdge(h.chars, cursor, edge[0], edge[1]));
  else if (active !== null && h.canEdit) h.moveActive(moveEdge(h.chars, active, edge[0], edge[1]));
  return true;
}

function perform(h: TextKeyHandlers, action: ShortcutAction): boolean {
  if (moveCursor(h, action) || moveSelectionEdge(h, action)) return true;
  const kind = TAGS[action];
  if (kind !== undefined) {
    if (!h.canEdit) return false;
    h.tag(kind);
    return true;
  }
  switch (action) {
    case "sentence-next":
      h.nextSentence();
      return true;
    case "span-next":
    case "span-previous":
      h.step(action === "span-next" ? 1 : -1);
      return true;
    case "edit":
      if (h.active() === null) return false;
      h.editActive();
      return true;
    case "remove":
      if (h.active() === null || !h.canEdit) return false;
      h.removeActive();
      return true;
    case "link":
      if (h.active() === null) return false;
      h.linkTop();
      return true;
    case "cancel":
      h.cancel();
      return true;
    case "help":
      h.showHelp();
      return true;
    default:
      return false;
  }
}

export function useTextKeys(h: TextKeyHandlers): (event: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const action = shortcutFor(event);
      if (action !== null && perform(h, action)) event.preventDefault();
    },
    [h],
  );
}
