"use client";
// What the workspace does to its spans from the keys, the toolbar and the panel: make a span
// current, create one (its highlight painted before anything renders or saves) and delete the
// current one.
import { useCallback, useRef, type RefObject } from "react";
import type { CodePointText } from "@/lib/text/code-point-text";
import { afterNextFrame } from "@/lib/workspace/after-frame";
import { KIND_LABELS, type AnnotationKind } from "@/lib/validation/annotations";
import type { ParagraphBox } from "./dom-offsets";
import type { HighlightPainter } from "./highlights";
import { paintNow } from "./use-highlights";
import type { SetLive } from "./use-live-state";
import type { SpanStore } from "./use-span-store";
import type { Range2 } from "./use-text-keys";
import type { PendingSelection } from "./use-text-pointer";
import { newDraft, type WorkspaceSpan } from "./workspace-state";

interface ActionDeps {
  store: Pick<SpanStore, "dispatch" | "stateRef" | "saver">;
  chars: CodePointText;
  documentId: number;
  me: { id: number; name: string };
  refs: {
    paragraphsRef: RefObject<ParagraphBox[]>;
    panelRef: RefObject<HTMLElement | null>;
    painterRef: RefObject<HighlightPainter | null>;
    textRef: RefObject<HTMLDivElement | null>;
  };
  setSelection: SetLive<PendingSelection | null>;
  setAnnouncement: SetLive<string>;
  /** The current span as the last change left it. */
  liveActive: () => WorkspaceSpan | null;
  /** Gives `key`'s first field (a quote's speaker) the focus once its panel is rendered. */
  focusWhenShown: (key: string) => void;
}

export interface SpanActions {
  activate: (key: string | null, scroll?: boolean) => void;
  create: (kind: AnnotationKind, range: Range2, byToolbar?: boolean) => void;
  removeActive: () => void;
}

export function useSpanActions(d: ActionDeps): SpanActions {
  const { dispatch, stateRef, saver } = d.store;
  const { chars, documentId, me, setSelection, setAnnouncement, liveActive, focusWhenShown } = d;
  const { paragraphsRef, panelRef, painterRef, textRef } = d.refs;
  const tempIds = useRef(0);

  const activate = useCallback(
    (key: string | null, scroll = true) => {
      dispatch({ type: "activate", key });
      const span = key === null ? null : stateRef.current.spans.get(key);
      if (span) {
        setAnnouncement(`${KIND_LABELS[span.draft.kind]}: ${span.draft.exact.slice(0, 80)}`);
        if (scroll) paragraphsRef.current.find((p) => p.start <= span.draft.start && span.draft.start < p.end)?.element.scrollIntoView({ block: "nearest" });
        panelRef.current?.querySelector(`[data-span-key="${key}"]`)?.scrollIntoView({ block: "nearest" });
      }
    },
    [dispatch, stateRef, setAnnouncement, paragraphsRef, panelRef],
  );

  const create = useCallback(
    (kind: AnnotationKind, range: Range2, byToolbar = false) => {
      const exact = chars.slice(range.start, range.end).join("");
      const parent = stateRef.current.live.index.containing(range.start, range.end).find((s) => s.kind === "quote" && s.annotatorId === me.id);
      const key = `new-${++tempIds.current}`;
      const draft = newDraft(tempIds.current, documentId, me, {
        kind,
        start: range.start,
        end: range.end,
        exact,
        parentId: parent && parent.id > 0 ? parent.id : null,
      });
      performance.mark("pd-tag-start");
      // The highlight comes first: painted now, on screen at the next frame. The save starts once
      // that frame is drawn (an edit or delete made before then waits for it in the saver's queue,
      // which sends the latest draft). After a key, the rest of the screen (panel, list, counts)
      // follows in a background render; the keys read the state itself, so the next key (Enter to
      // the speaker, a change of kind) already acts on the new span. After a toolbar click all of
      // it renders at once: the toolbar under the pointer goes, and a quote's speaker field takes
      // the focus before the next drag can start.
      paintNow(painterRef.current, { ...draft, key });
      window.getSelection()?.removeAllRanges();
      const inBackground = !byToolbar;
      dispatch({ type: "add", span: draft, key }, inBackground);
      setSelection(null, inBackground);
      setAnnouncement(`${KIND_LABELS[kind]} created: ${exact.slice(0, 80)}`, inBackground);
      afterNextFrame(() => saver.enqueue("create", key));
      // A mouse tag goes straight to the speaker; from the keys, focus stays in the text (Enter goes there).
      if (kind === "quote" && byToolbar) focusWhenShown(key);
    },
    [chars, documentId, me, saver, dispatch, stateRef, setSelection, setAnnouncement, painterRef, focusWhenShown],
  );

  const removeActive = useCallback(() => {
    const span = liveActive();
    if (span === null) return;
    dispatch({ type: "edit", key: span.key, changes: { deletedAt: new Date().toISOString() } });
    saver.enqueue("delete", span.key);
    dispatch({ type: "activate", key: null });
    setAnnouncement(`${KIND_LABELS[span.draft.kind]} removed. Use “Show deleted” to restore it.`);
    textRef.current?.focus();
  }, [liveActive, saver, dispatch, setAnnouncement, textRef]);

  return { activate, create, removeActive };
}
