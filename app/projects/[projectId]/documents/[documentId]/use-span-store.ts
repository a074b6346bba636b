"use client";
// The workspace's spans and how changes to them reach the server: the state, the reducer run once
// per action (the saver reads the result between renders), and edits that save at once or, for
// typed text, after a pause.
import { startTransition, useCallback, useRef, useState, type RefObject } from "react";
import { afterNextFrame } from "@/lib/workspace/after-frame";
import type { AnnotationDto } from "@/lib/validation/annotations";
import type { AnnotationsApi } from "./api-client";
import { useSaver, type Saver } from "./use-saver";
import { reducer, type Action, type WorkspaceState } from "./workspace-state";

const TEXT_SAVE_DELAY_MS = 500;

export interface SpanStore {
  state: WorkspaceState;
  stateRef: RefObject<WorkspaceState>;
  /** Applies `action` to `stateRef` at once. Its render is urgent unless `inBackground`: then it runs
   * as a transition, which a later urgent change overtakes (each render shows the whole latest state). */
  dispatch: (action: Action, inBackground?: boolean) => void;
  saver: Saver;
  /** Applies `changes` now; saves at once when `immediate`, else after a pause in typing. */
  edit: (key: string, changes: Partial<AnnotationDto>, immediate: boolean, attributePatch?: Record<string, unknown>) => void;
  /** Saves a span's pending typed edit now. */
  flush: (key: string) => void;
}

export function useSpanStore(api: AnnotationsApi, initial: () => WorkspaceState): SpanStore {
  const [state, setState] = useState(initial);
  const stateRef = useRef(state);
  const dispatch = useCallback((action: Action, inBackground = false) => {
    stateRef.current = reducer(stateRef.current, action);
    // In the background: after the next frame, and then the state as it is by then (an urgent
    // change in between has already rendered it).
    if (inBackground) afterNextFrame(() => startTransition(() => setState(stateRef.current)));
    else setState(stateRef.current);
  }, []);
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

  return { state, stateRef, dispatch, saver, edit, flush };
}
