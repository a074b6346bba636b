"use client";
// The annotation workspace: the frozen text with highlights, a toolbar at the selection,
// keyboard control, and a side panel with the span list and the active span's attributes.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { splitParagraphs } from "@/lib/text";
import { expandSpans, type CompactSpans } from "@/lib/workspace/compact-spans";
import { CodePointText } from "@/lib/text/code-point-text";
import { ActiveSpan } from "./active-span";
import { annotationsApi, sourcesApi } from "./api-client";
import type { ParagraphBox } from "./dom-offsets";
import { HoverLayer } from "./hover-layer";
import { KindLegend } from "./kind-legend";
import { linksApi } from "./links-api";
import { DeletedSpans, PanelHeader } from "./panel-parts";
import { SpanList } from "./span-list";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { SelectionToolbar, TextBody } from "./text-body";
import { useClaimMatches } from "./use-claim-matches";
import type { HighlightPainter } from "./highlights";
import { useHighlights } from "./use-highlights";
import { useWorkspaceKeys } from "./use-workspace-keys";
import { useKindFilter, useTextPointer, type PendingSelection } from "./use-text-pointer";
import { SuggestionPanel } from "./suggestion-layer";
import { useSuggestions } from "./use-suggestions";
import { useLiveState } from "./use-live-state";
import { useSourceNames } from "./use-source-names";
import { useSpanStore } from "./use-span-store";
import { useSpanActions } from "./use-span-actions";
import { initialState } from "./workspace-state";

export interface WorkspaceProps {
  projectId: number;
  documentId: number;
  text: string;
  /** The spans, sent once and compactly (their quoted words are taken from `text`). */
  initialSpans: CompactSpans;
  sourceNames: Record<number, string>;
  me: { id: number; name: string };
  frozen: boolean;
  seesOthers: boolean;
  /** The document's story, whose other documents its claims are linked to; null when in none. */
  storyName: string | null;
  /** The project has attribution suggestions on (use-suggestions.ts). */
  suggestions: boolean;
}

export function Workspace(props: WorkspaceProps): ReactNode {
  const { projectId, documentId } = props;
  const chars = useMemo(() => new CodePointText(props.text), [props.text]);
  const paragraphs = useMemo(() => splitParagraphs(props.text), [props.text]);
  const api = useMemo(() => annotationsApi(projectId, documentId), [projectId, documentId]);
  const sources = useMemo(() => sourcesApi(projectId), [projectId]);
  const { state, stateRef, dispatch, saver, saveStates, edit, flush } = useSpanStore(api, () => initialState(expandSpans(props.text, props.initialSpans)));
  const [frozen, setFrozen] = useState(props.frozen);
  const [selection, selectionNow, setSelection] = useLiveState<PendingSelection | null>(null);
  const [filter, onFilter] = useKindFilter();
  const { sourceNames, learnSource, describeRow, describeHover } = useSourceNames(props.sourceNames);
  const [announcement, , setAnnouncement] = useLiveState("");
  const textRef = useRef<HTMLDivElement>(null);
  const paragraphsRef = useRef<ParagraphBox[]>([]);
  const speakerRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  // The CSS highlights; `create` paints a new span through it before the save starts.
  const painterRef = useRef<HighlightPainter | null>(null);
  const canEdit = !frozen;

  // Reading order, counts and save states are kept up to date by the reducer, one change at a time.
  const index = state.live.index;
  // What is drawn from every span (the list, its counts, the suggestions, the hover lookup)
  // follows a change in a background render, so a tag's own render and frame stay small;
  // the keys, the highlights and the active span use the current state.
  const listIndex = useDeferredValue(index);
  const listKinds = useDeferredValue(state.live.kinds);
  const active = state.activeKey === null ? null : (state.spans.get(state.activeKey) ?? null);
  // What the keys act on: the spans as the last change left them, which a tag's background render
  // may not have shown yet.
  const liveActive = useCallback(() => {
    const now = stateRef.current;
    return now.activeKey === null ? null : (now.spans.get(now.activeKey) ?? null);
  }, [stateRef]);

  const links = useMemo(() => linksApi(projectId, documentId), [projectId, documentId]);
  const activeId = active !== null && active.draft.id > 0 ? active.draft.id : null;
  const matches = useClaimMatches(links, activeId, active?.draft.exact ?? "", props.storyName !== null, setAnnouncement);

  const focusFirstField = useCallback(
    () => (speakerRef.current ?? (panelRef.current?.querySelector("form select, form input") as HTMLElement | null))?.focus(),
    [],
  );

  // The span whose first field (a quote's speaker) takes the focus once its panel is rendered:
  // a quote tagged with the mouse, or Enter pressed before a keyboard tag's render is done.
  const focusFor = useRef<string | null>(null);
  const focusWhenShown = useCallback((key: string) => {
    focusFor.current = key;
  }, []);
  const { activate, create, removeActive } = useSpanActions({
    store: { dispatch, stateRef, saver },
    chars,
    documentId,
    me: props.me,
    refs: { paragraphsRef, panelRef, painterRef, textRef },
    setSelection,
    setAnnouncement,
    liveActive,
    focusWhenShown,
  });

  const keys = useWorkspaceKeys(
    {
      chars,
      paragraphStarts: paragraphs.map((p) => p.start),
      meId: props.me.id,
      canEdit,
      selection: () => selectionNow.current,
      clearSelection: () => setSelection(null),
      active: () => liveActive()?.draft ?? null,
      index: () => stateRef.current.live.index,
      create,
      changeKind: (kind) => {
        const span = liveActive();
        if (span) edit(span.key, { kind, attributes: {} }, true);
      },
      moveActive: (r) => {
        const span = liveActive();
        if (span) edit(span.key, { start: r.start, end: r.end, exact: chars.slice(r.start, r.end).join("") }, true);
      },
      activate,
      removeActive,
      editActive: () => {
        const key = stateRef.current.activeKey;
        if (key === state.activeKey) focusFirstField();
        else focusFor.current = key; // its panel is still being rendered
      },
      linkTop: () => {
        if (!matches.linkTop()) setAnnouncement(props.storyName === null ? "This document is in no story." : "No suggested match to link.");
      },
      announce: setAnnouncement,
      paintCursor: (range) => painterRef.current?.mark("pd-cursor", range),
    },
    textRef,
  );
  const { cursor, dropCursor } = keys;

  useEffect(() => {
    if (focusFor.current === null || focusFor.current !== state.activeKey) return;
    focusFor.current = null;
    focusFirstField();
  }, [state.activeKey, focusFirstField]);
  useHighlights(textRef, paragraphsRef, painterRef, state, active?.draft ?? null, cursor);

  const { readSelection, onTextClick } = useTextPointer({ canEdit, chars, textRef, paragraphsRef, index, setSelection, dropCursor, activate });

  const ownsActive = active !== null && active.draft.annotatorId === props.me.id;

  // Attribution suggestions: a faint layer of their own, Tab / a / r, and a panel section.
  const suggestions = useSuggestions({
    projectId,
    documentId,
    enabled: props.suggestions && canEdit,
    spans: listIndex,
    meId: props.me.id,
    paragraphsRef,
    announce: setAnnouncement,
    release: () => dispatch({ type: "activate", key: null }),
    onAccepted: (dto, source) => {
      dispatch({ type: "restored", dto });
      if (source !== null) learnSource(source);
    },
  });

  return (
    <div className="workspace">
      <div className="workspace-text-wrap">
        <div className="workspace-keys-bar">
          <button type="button" className="button link small" aria-keyshortcuts="?" onClick={() => keys.setHelpOpen(true)}>
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
        </div>
        <ShortcutsDialog open={keys.helpOpen} onClose={() => keys.setHelpOpen(false)} />
        <div
          ref={textRef}
          className="reader-text workspace-text"
          data-testid="document-text"
          tabIndex={0}
          role="document"
          aria-label="Document text. Select text or use the arrow keys to pick words, then press 1, 2 or 3 to tag. Press ? for every shortcut."
          onMouseUp={(e) => readSelection(e.altKey)}
          onKeyUp={(e) => {
            if (e.shiftKey && !cursor) readSelection(e.altKey);
          }}
          onClick={onTextClick}
          onKeyDown={(e) => {
            if (!suggestions.onKeyDown(e)) keys.onKeyDown(e);
          }}
        >
          <TextBody paragraphs={paragraphs} />
        </div>
        {selection && canEdit ? (
          <SelectionToolbar
            top={selection.top}
            left={selection.left}
            onTag={(k) => {
              create(k, selection, true);
              dropCursor(selection.end);
            }}
            onCancel={() => {
              setSelection(null);
              window.getSelection()?.removeAllRanges();
            }}
          />
        ) : null}
        <HoverLayer textRef={textRef} paragraphsRef={paragraphsRef} index={listIndex} describe={describeHover} />
        <div className="visually-hidden" aria-live="polite">
          {announcement}
        </div>
      </div>
      <aside
        className="workspace-panel"
        ref={panelRef}
        aria-label="Annotation panel"
        onKeyDown={(e) => {
          // Esc in a field goes back to the text, where the keys work (a speaker list open closes first).
          if (e.key === "Escape" && !e.defaultPrevented) textRef.current?.focus();
        }}
      >
        <PanelHeader
          projectId={projectId}
          saveStates={saveStates}
          frozen={frozen}
          notice={state.notice}
          api={api}
          onFrozen={() => setFrozen(true)}
          onRetryAll={() => state.spans.forEach((s) => s.state === "failed" && saver.retry(s))}
          onDismiss={() => dispatch({ type: "notice", notice: null })}
        />
        <KindLegend />
        <SuggestionPanel layer={suggestions} />
        {active !== null ? (
          <ActiveSpan
            span={active}
            index={index}
            canEdit={canEdit && ownsActive}
            api={api}
            sources={sources}
            sourceNames={sourceNames}
            speakerRef={speakerRef}
            story={props.storyName}
            matches={matches}
            onEdit={(changes, immediate, patch) => edit(active.key, changes, immediate, patch)}
            onFlush={() => flush(active.key)}
            onSourceKnown={learnSource}
            onTakeServer={() => dispatch({ type: "take-server", key: active.key })}
            onKeepMine={() => saver.enqueue("update", active.key)}
            onDelete={removeActive}
          />
        ) : null}
        <SpanList
          spans={listIndex.sorted}
          counts={listKinds}
          activeKey={state.activeKey}
          filter={filter}
          showAnnotator={props.seesOthers}
          onFilter={onFilter}
          onActivate={activate}
          onRetry={saver.retry}
          describe={describeRow}
        />
        <DeletedSpans api={api} canEdit={canEdit} onRestored={(dto) => dispatch({ type: "restored", dto })} />
      </aside>
    </div>
  );
}
