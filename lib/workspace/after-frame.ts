// Work that must not delay what the reviewer sees next: run it once the next frame is drawn.
// A hidden tab draws no frames, so a timer runs it anyway after `fallbackMs`.

/** Runs `task` once, after the next frame has been drawn or after `fallbackMs`, whichever comes first. */
export function afterNextFrame(task: () => void, fallbackMs = 100): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    task();
  };
  // A timeout queued from a frame callback runs after that frame is painted.
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, fallbackMs);
}
