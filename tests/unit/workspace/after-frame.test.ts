import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterNextFrame } from "@/lib/workspace/after-frame";

describe("afterNextFrame", () => {
  let frames: (() => void)[];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frames.push(callback));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("waits for the next frame, then runs the task once", () => {
    const task = vi.fn();
    afterNextFrame(task);
    vi.advanceTimersByTime(10);
    expect(task).not.toHaveBeenCalled();
    frames.shift()!();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("runs the task anyway when no frame comes (a hidden tab)", () => {
    const task = vi.fn();
    afterNextFrame(task, 100);
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    frames.shift()!();
    vi.advanceTimersByTime(10);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
