"use client";
// State whose latest value can be read at once (`live.current`) while its render may wait. A
// tag shows its highlight in the next frame; the spans, the cursor, the selection and the
// announcement it changes are rendered after that frame, in the background. The keys read the
// live values, so the next key (Enter to the speaker, a change of kind, the next word) acts on
// the tag even before its render is done.
import { startTransition, useCallback, useRef, useState, type RefObject } from "react";
import { afterNextFrame } from "@/lib/workspace/after-frame";

export type SetLive<T> = (next: T, inBackground?: boolean) => void;

// The background updates waiting for the next frame: run together, as one render.
const waiting: (() => void)[] = [];

function afterFrameInOneRender(update: () => void): void {
  waiting.push(update);
  if (waiting.length > 1) return;
  afterNextFrame(() =>
    startTransition(() => {
      for (const run of waiting.splice(0)) run();
    }),
  );
}

export function useLiveState<T>(initial: T | (() => T)): [value: T, live: RefObject<T>, set: SetLive<T>] {
  const [value, setValue] = useState(initial);
  const live = useRef(value);
  const set = useCallback((next: T, inBackground = false) => {
    live.current = next;
    // In the background the value rendered is the one live then: an urgent change made in
    // between has already rendered it, and a render never goes back to an older value.
    if (inBackground) afterFrameInOneRender(() => setValue(live.current));
    else setValue(next);
  }, []);
  return [value, live, set];
}
