"use client";
// A list that renders only the rows on screen (windowing), so a document with thousands of
// spans or differences keeps a small DOM. Rows are measured as they render (estimated until
// then) and positioned absolutely inside a list as tall as all rows together, so the
// scrollbar is honest. What a person relies on keeps working:
// - screen readers: role=list/listitem with aria-setsize and aria-posinset, so "item 2,999
//   of 3,000" is announced although only a few items exist in the DOM;
// - keyboard: one tab stop for the list; ↑/↓ (or j/k), Home/End and PageUp/PageDown move
//   between rows, scrolling the next row in before focusing it;
// - `revealKey`: when it changes (the active span, say), that row is scrolled into view.
// The arithmetic lives in lib/virtual/window.ts.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import "./virtual-list.css";
import { rowOffsets, scrollToReveal, stepIndex, visibleRange } from "@/lib/virtual/window";

export interface RowState {
  /** The row holding the list's one tab stop: its controls get tabIndex 0, every other row's -1. */
  readonly tabbable: boolean;
}

interface Props<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** Height in px assumed for a row not measured yet (include nothing for the gap). */
  estimate: number;
  /** Space between rows, in px. */
  gap?: number;
  /** The list's accessible name. */
  label: string;
  className?: string;
  viewportClassName?: string;
  rowClassName?: (item: T) => string;
  /** Extra attributes for a row's <li> (data-* attributes other code looks rows up by). */
  rowAttributes?: (item: T) => Record<string, string>;
  renderRow: (item: T, index: number, state: RowState) => ReactNode;
  revealKey?: string | null;
  /** Called with the row that took focus through the keyboard. */
  onRowFocus?: (item: T) => void;
}

// Before the viewport is measured (and on the server) render as if it were this tall.
const FIRST_PAINT_HEIGHT = 800;
const STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, Home: -Infinity, End: Infinity };

function useRowHeights(estimate: number): { heightOf: (key: string) => number; observe: (el: HTMLLIElement | null) => void; version: number } {
  const heights = useRef(new Map<string, number>());
  const [version, setVersion] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const observe = useCallback((el: HTMLLIElement | null) => {
    if (el === null || typeof ResizeObserver === "undefined") return;
    observer.current ??= new ResizeObserver((entries) => {
      let changed = false;
      for (const entry of entries) {
        const key = (entry.target as HTMLElement).dataset.rowKey;
        const height = (entry.target as HTMLElement).offsetHeight;
        if (key === undefined || height === 0 || heights.current.get(key) === height) continue;
        heights.current.set(key, height);
        changed = true;
      }
      if (changed) setVersion((v) => v + 1);
    });
    observer.current.observe(el);
  }, []);
  const heightOf = useCallback((key: string) => heights.current.get(key) ?? estimate, [estimate]);
  return { heightOf, observe, version };
}

export function VirtualList<T>(props: Props<T>): ReactNode {
  const { items, keyOf, estimate, gap = 0, revealKey = null } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(FIRST_PAINT_HEIGHT);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const { heightOf, observe, version } = useRowHeights(estimate);

  // `version` changes when a row's measured height does: recompute the offsets then.
  const offsets = useMemo(() => rowOffsets(items.length, (i) => heightOf(keyOf(items[i]!)) + gap), [items, keyOf, heightOf, gap, version]); // eslint-disable-line react-hooks/exhaustive-deps
  // A key's row is found by a scan: a few microseconds at 10,000 rows, where a map of every key,
  // rebuilt with each change to the list, cost a millisecond and its garbage.
  const indexOf = useCallback((key: string | null) => (key === null ? -1 : items.findIndex((item) => keyOf(item) === key)), [items, keyOf]);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (el === null) return;
    setViewportHeight(el.clientHeight);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setViewportHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The row kept in view: the one last revealed or stepped to. Rows drawn for the first time
  // may turn out taller or shorter than estimated and push it away, so each render scrolls to it
  // again, until the person scrolls the list themselves. The scroll position is worked out from
  // the offsets and the position last seen, never read back from the page: reading it after a
  // change makes the browser lay the page out there and then, a second time in the frame.
  const [sticky, setSticky] = useState<string | null>(null);
  const revealIndex = indexOf(revealKey);
  const [revealed, setRevealed] = useState<{ key: string | null; index: number }>({ key: null, index: -1 });
  if (revealKey !== revealed.key || revealIndex !== revealed.index) {
    // A new row to reveal, or the same row moved: keep it in view from now on.
    setRevealed({ key: revealKey, index: revealIndex });
    if (revealIndex >= 0) setSticky(revealKey);
  }
  const stickyIndex = indexOf(sticky);
  const top = stickyIndex >= 0 ? scrollToReveal(offsets, stickyIndex, scrollTop, viewportHeight) : scrollTop;
  const range = visibleRange(offsets, top, viewportHeight);
  // The position this list last scrolled itself to: its scroll event is not the person's. The
  // rows are placed for it at once; the viewport is scrolled in the next frame callback, where
  // the browser lays the page out for that frame anyway (setting scrollTop lays it out first).
  const scrolledTo = useRef(0);
  const scrollFrame = useRef(0);
  useLayoutEffect(() => {
    if (top === scrolledTo.current) return;
    scrolledTo.current = top;
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => {
      if (viewport.current !== null) viewport.current.scrollTop = top;
    });
  });
  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);

  function onScroll(at: number): void {
    if (Math.abs(at - scrolledTo.current) > 1) {
      // The person scrolled: their position wins over one this list was about to set.
      cancelAnimationFrame(scrollFrame.current);
      scrolledTo.current = at;
      setSticky(null);
    }
    setScrollTop(at);
  }

  // After a keyboard step rendered the target row, move focus into it.
  useEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    const target = viewport.current?.querySelector<HTMLElement>(
      `li[data-row-key="${CSS.escape(key)}"] button, li[data-row-key="${CSS.escape(key)}"] [tabindex]`,
    );
    if (target) {
      pendingFocus.current = null;
      target.focus({ preventScroll: true });
    }
  });

  function onKeyDown(event: KeyboardEvent<HTMLOListElement>): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>("li[data-row-key]");
    const from = indexOf(row?.dataset.rowKey ?? null);
    const pageRows = Math.max(1, range.end - range.start - 8);
    const step = STEPS[event.key] ?? (event.key === "PageDown" ? pageRows : event.key === "PageUp" ? -pageRows : 0);
    if (step === 0 || from < 0) return;
    event.preventDefault();
    const to = stepIndex(from, step, items.length);
    const key = keyOf(items[to]!);
    pendingFocus.current = key;
    setSticky(key);
    setFocusKey(key);
    props.onRowFocus?.(items[to]!);
  }

  // The tab stop: the row focused last, else the revealed one, else the first on screen.
  const focusIndex = indexOf(focusKey);
  const tabIndex = [focusIndex, revealIndex].find((i) => i >= range.start && i < range.end) ?? range.start;
  // The focused and the revealed row stay mounted even when scrolled away, so focus is never
  // dropped to the page and a screen reader keeps its place.
  const indexes = new Set<number>();
  for (let i = range.start; i < range.end; i++) indexes.add(i);
  for (const i of [focusIndex, revealIndex]) if (i >= 0) indexes.add(i);
  const rows: ReactNode[] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const item = items[i]!;
    const key = keyOf(item);
    rows.push(
      <li
        key={key}
        ref={observe}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={i + 1}
        data-row-key={key}
        className={props.rowClassName?.(item)}
        style={{ position: "absolute", top: offsets[i], left: 0, right: 0 }}
        onFocus={() => setFocusKey(key)}
        {...props.rowAttributes?.(item)}
      >
        {props.renderRow(item, i, { tabbable: i === tabIndex })}
      </li>,
    );
  }
  return (
    <div ref={viewport} className={`virtual-viewport ${props.viewportClassName ?? ""}`} onScroll={(e) => onScroll(e.currentTarget.scrollTop)}>
      <ol
        role="list"
        aria-label={props.label}
        className={props.className}
        style={{ position: "relative", height: offsets[items.length] }}
        onKeyDown={onKeyDown}
      >
        {rows}
      </ol>
    </div>
  );
}
