"use client";
// The keyboard model of the workspace: the word cursor, the caret it resumes from, and what each
// shortcut does to the spans. Tagging moves the cursor on past the new span, so the next
// selection starts fresh; Esc drops a selection but leaves the cursor where it was.
import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { SpanIndex } from "@/lib/spans";
import { nextUntaggedSentence, sentenceRanges } from "@/lib/text/sentences";
import { wordAtOrAfter, type Chars } from "@/lib/text/snap";
import { cursorAfter, spanFromCursor, type Range2 } from "@/lib/workspace/cursor";
import type { AnnotationDto, AnnotationKind } from "@/lib/validation/annotations";
import { useLiveState } from "./use-live-state";
import { useTextKeys } from "./use-text-keys";

type IndexedSpan = AnnotationDto & { key: string };

export interface WorkspaceKeyDeps {
  chars: Chars;
  paragraphStarts: readonly number[];
  meId: number;
  canEdit: boolean;
  /** A pending mouse selection (the toolbar's), if any, as the last change left it. */
  selection: () => Range2 | null;
  clearSelection: () => void;
  /** The active span and the reading order as the last change left them: a tag's render may still be
   * pending (it runs as a transition), and the next key must already act on the new span. */
  active: () => AnnotationDto | null;
  index: () => SpanIndex<IndexedSpan>;
  create: (kind: AnnotationKind, range: Range2) => void;
  changeKind: (kind: AnnotationKind) => void;
  moveActive: (range: Range2) => void;
  activate: (key: string | null) => void;
  removeActive: () => void;
  editActive: () => void;
  linkTop: () => void;
  announce: (text: string) => void;
  /** Draws the word cursor at once, before its render. */
  paintCursor: (range: Range2 | null) => void;
}

export interface WorkspaceKeys {
  cursor: Range2 | null;
  /** Forgets the cursor (a click or a mouse selection) and resumes later keys from `caret`. */
  dropCursor: (caret?: number) => void;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

export function useWorkspaceKeys(d: WorkspaceKeyDeps, textRef: RefObject<HTMLElement | null>): WorkspaceKeys {
  // The keys read the live cursor: a tag moves it on in the background (use-live-state.ts).
  const [cursor, cursorNow, setCursorState] = useLiveState<Range2 | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const caret = useRef(0);
  // The text's sentences, found when n is first pressed (most sessions never ask).
  const sentences = useRef<{ chars: WorkspaceKeyDeps["chars"]; ranges: Range2[] } | null>(null);
  const sentencesOf = (chars: WorkspaceKeyDeps["chars"]): Range2[] => {
    if (sentences.current?.chars !== chars) sentences.current = { chars, ranges: sentenceRanges(chars) };
    return sentences.current.ranges;
  };

  const setCursor = (r: Range2 | null): void => {
    setCursorState(r);
    if (r === null) return;
    caret.current = r.start;
    d.clearSelection();
    d.announce(d.chars.slice(r.start, r.end).join(""));
  };

  const onKeyDown = useTextKeys({
    chars: d.chars,
    paragraphStarts: d.paragraphStarts,
    cursor: () => cursorNow.current,
    caret: () => caret.current,
    active: d.active,
    canEdit: d.canEdit,
    setCursor,
    moveActive: d.moveActive,
    tag: (kind) => {
      const target = cursorNow.current ?? d.selection();
      if (target === null) return d.active() !== null ? d.changeKind(kind) : undefined;
      d.create(kind, target);
      // The new span is shown, but the keys now act on the word after it.
      caret.current = target.end;
      const next = cursorAfter(d.chars, target);
      d.paintCursor(next); // in the tag's frame; the state follows in the background
      setCursorState(next, true);
    },
    step: (direction) => {
      const index = d.index();
      const cursor = cursorNow.current;
      const next = cursor === null ? index.neighbour(d.active(), direction) : spanFromCursor(index.sorted, cursor, direction);
      setCursorState(null);
      if (next !== null) {
        caret.current = next.start;
        d.activate(next.key);
      }
    },
    nextSentence: () => {
      const mine = d.index().sorted.filter((s) => s.annotatorId === d.meId);
      const next = nextUntaggedSentence(d.chars, sentencesOf(d.chars), { cursor: cursorNow.current, caret: caret.current }, mine);
      if (next === null) d.announce("No untagged sentence after the cursor.");
      else setCursor(next);
    },
    removeActive: d.removeActive,
    editActive: d.editActive,
    linkTop: d.linkTop,
    cancel: () => {
      const [cursor, selection] = [cursorNow.current, d.selection()];
      if (cursor === null && selection !== null) caret.current = selection.start;
      d.clearSelection();
      window.getSelection()?.removeAllRanges();
      d.activate(null);
      // The cursor stays, shrunk to the first word of what it selected.
      if (cursor !== null) setCursorState(wordAtOrAfter(d.chars, cursor.start) ?? cursor);
    },
    showHelp: () => setHelpOpen(true),
  });

  return {
    cursor,
    dropCursor: (at) => {
      setCursorState(null);
      if (at !== undefined) caret.current = at;
    },
    helpOpen,
    setHelpOpen: (open) => {
      setHelpOpen(open);
      if (!open) textRef.current?.focus();
    },
    onKeyDown,
  };
}
