"use client";
// Lights up what is linked across the columns: pointing at or focusing a mark lights every
// mark that shares one of its keys (a linked claim, a shared speaker) in every column; n/j and
// p/k move the focus to the next or previous mark linked to the focused one. The marks are
// server-rendered; this only toggles a class and moves focus, so the text never re-renders.
import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

interface ReadingLinksProps {
  /** What each key names, e.g. { k0: "Claim “Ministers met”", k1: "Speaker Ana Minister" }. */
  labels: Record<string, string>;
  children: ReactNode;
}

const keysOf = (el: Element | null): string[] => (el?.getAttribute("data-keys") ?? "").split(" ").filter((k) => k !== "");

function linkedMark(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>("mark[data-keys]") : null;
}

export function ReadingLinks({ labels, children }: ReadingLinksProps): ReactNode {
  const root = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState("");

  const marksFor = useCallback((keys: string[]): HTMLElement[] => {
    if (root.current === null || keys.length === 0) return [];
    return [...root.current.querySelectorAll<HTMLElement>(keys.map((k) => `mark[data-keys~="${k}"]`).join(","))];
  }, []);

  const light = useCallback(
    (mark: HTMLElement | null): void => {
      for (const lit of root.current?.querySelectorAll(".lit") ?? []) lit.classList.remove("lit");
      const keys = keysOf(mark);
      if (keys.length === 0) return setStatus("");
      for (const m of marksFor(keys)) m.classList.add("lit");
      const parts = keys.map((k) => {
        const items = marksFor([k]).filter((m) => m.tabIndex === 0);
        const columns = new Set(items.map((m) => m.closest("[data-column]")?.getAttribute("data-column")));
        return `${labels[k] ?? "Linked"}: ${items.length} span${items.length === 1 ? "" : "s"} in ${columns.size} column${columns.size === 1 ? "" : "s"}`;
      });
      setStatus(parts.join(" · "));
    },
    [labels, marksFor],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const mark = linkedMark(e.target);
    if (e.key === "Escape") return light(null);
    const step = e.key === "n" || e.key === "j" ? 1 : e.key === "p" || e.key === "k" ? -1 : 0;
    if (mark === null || step === 0) return;
    // The focusable marks linked to this one, in reading order (column by column).
    const items = marksFor(keysOf(mark)).filter((m) => m.tabIndex === 0);
    const at = items.indexOf(mark);
    const next = at < 0 ? items[0] : items[(at + step + items.length) % items.length];
    if (next === undefined) return;
    e.preventDefault();
    next.focus();
    next.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  return (
    <div
      ref={root}
      className="reading-links"
      onMouseOver={(e) => {
        const mark = linkedMark(e.target);
        if (mark !== null) light(mark);
      }}
      onFocus={(e) => light(linkedMark(e.target))}
      onKeyDown={onKeyDown}
    >
      <p className="reading-status meta" role="status" aria-live="polite">
        {status || "Point at or focus a marked span to light up what is linked to it in every column."}
      </p>
      {children}
    </div>
  );
}
