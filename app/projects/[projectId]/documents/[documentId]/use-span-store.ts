"use client";
// The workspace's spans and how changes to them reach the server: the state, the reducer run once
// per action (the saver reads the result between renders), and edits that save at once or, for
// typed text, after a pause.
import { useCallback, useMemo, useRef, type RefObject } from "react";
import type { AnnotationDto } from "@/lib/validation/annotations";
import type { AnnotationsApi } from "./api-client";
import { useLiveState } from "./use-live-state";
import { useSaver, type Saver } from "./use-saver";
import { reducer, type Action, type SaveState, type WorkspaceState } from "./workspace-state";

const TEXT_SAVE_DELAY_MS = 500;

/** The running save-state counts, read live: the save status shows each change in its own frame. */
export interface SaveStates {
  subscribe: (onChange: () => void) => () => void;
  read: () => Readonly<Record<SaveState, number>>;
}

export interface SpanStore {
  state: WorkspaceState;
  stateRef: RefObject<WorkspaceState>;
  /** Applies `action` to `stateRef` at once; renders it now, or after the next frame when `inBackground` (use-live-state.ts). */
  dispatch: (action: Action, inBackground?: boolean) => void;
  saver: Saver;
  saveStates: SaveStates;
  /** Applies `changes` now; saves at once when `immediate`, else after a pause in typing. */
  edit: (key: string, changes: Partial<AnnotationDto>, immediate: boolean, attributePatch?: Record<string, unknown>) => void;
  /** Saves a span's pending typed edit now. */
  flush: (key: string) => void;
}

export function useSpanStore(api: AnnotationsApi, initial: () => WorkspaceState): SpanStore {
  const [state, stateRef, setState] = useLiveState(initial);
  const listeners = useRef(new Set<() => void>());
  const dispatch = useCallback(
    (action: Action, inBackground = false) => {
      setState(reducer(stateRef.current, action), inBackground);
      for (const listener of listeners.current) listener();
    },
    [setState, stateRef],
  );
  const saveStates = useMemo<SaveStates>(
    () => ({
      subscribe: (listener) => {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      read: () => stateRef.current.live.states,
    }),
    [stateRef],
  );
  // What the server answers (saving, saved, refused) is shown by a background render.
  const inBackground = useCallback((action: Action) => dispatch(action, true), [dispatch]);
  const saver = useSaver(api, inBackground, stateRef);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const flush = useCallback(
    (key: string) => {
      const timer = timers.current.get(key);
      if (timer !== undefined) {
        clearTimeout(timer);
        timers.current.delete(key);
        saver.enqueue("update", key);
      }
    },
    [saver],
  );

  const edit = useCallback(
    (key: string, changes: Partial<AnnotationDto>, immediate: boolean, attributePatch?: Record<string, unknown>) => {
      dispatch({ type: "edit", key, changes, attributePatch });
      const old = timers.current.get(key);
      if (old !== undefined) clearTimeout(old);
      if (immediate) {
        timers.current.delete(key);
        saver.enqueue("update", key);
      } else {
        timers.current.set(
          key,
          setTimeout(() => flush(key), TEXT_SAVE_DELAY_MS),
        );
      }
    },
    [saver, flush, dispatch],
  );

  return { state, stateRef, dispatch, saver, saveStates, edit, flush };
}
