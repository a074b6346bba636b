"use client";
// The review board: every difference as a card with the reviewers' spans in lanes, a strip
// beside it showing where disagreement concentrates, and n/p (or j/k) to move between them.
// Only the cards on screen are rendered (app/virtual-list.tsx): a document may have thousands.
import { useActionState, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { FormMessage } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { VirtualList } from "@/app/virtual-list";
import type { StripMark } from "@/lib/review";
import type { DifferenceView } from "@/lib/server/adjudication";
import { acceptUnanimousAction } from "./actions";
import { DifferenceCard } from "./difference-card";
import { DisagreementStrip } from "./strip";

export { AddGoldSpan } from "./add-gold";

interface Ids {
  projectId: number;
  documentId: number;
}

const keyOfDifference = (d: DifferenceView): string => d.key;
// A card with two reviewers' lanes and the decision buttons, in px; cards are measured once drawn.
const CARD_ESTIMATE = 300;

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function ReviewBoard({
  differences,
  marks,
  sourceNames,
  ...ids
}: Ids & { differences: DifferenceView[]; marks: StripMark[]; sourceNames: Record<number, string> }): ReactNode {
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const board = useRef<HTMLElement>(null);
  // The card to focus once the list has scrolled it in and rendered it.
  const focusNext = useRef<string | null>(null);
  const shown = onlyOpen ? differences.filter((d) => !d.decided) : differences;

  const announce = useCallback(
    (key: string) => {
      const i = shown.findIndex((d) => d.key === key);
      const d = shown[i];
      if (d === undefined) return;
      setAnnouncement(`Difference ${i + 1} of ${shown.length}: ${d.label}, characters ${d.start} to ${d.end}${d.decided ? ", decided" : ""}.`);
    },
    [shown],
  );

  const go = useCallback(
    (key: string) => {
      if (!shown.some((d) => d.key === key)) return;
      setCurrent(key);
      announce(key);
      focusNext.current = key;
    },
    [shown, announce],
  );

  useEffect(() => {
    const key = focusNext.current;
    if (key === null) return;
    const card = board.current?.querySelector<HTMLElement>(`li[data-row-key="${CSS.escape(key)}"] [data-testid="difference"]`);
    if (card) {
      focusNext.current = null;
      card.focus({ preventScroll: true });
    }
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      // The list handles j/k itself while focus is in it (and marks the event handled).
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target) || shown.length === 0) return;
      const step = e.key === "n" || e.key === "j" ? 1 : e.key === "p" || e.key === "k" ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      const at = shown.findIndex((d) => d.key === current);
      const next = at === -1 ? (step === 1 ? 0 : shown.length - 1) : (at + step + shown.length) % shown.length;
      go(shown[next]!.key);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shown, current, go]);

  return (
    <section className="review-board" aria-labelledby="differences-heading" ref={board}>
      <div className="panel-row">
        <h2 id="differences-heading">Differences</h2>
        <label className="inline">
          <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} /> Only undecided
        </label>
      </div>
      <p className="meta">
        Press <kbd>n</kbd> or <kbd>j</kbd> for the next difference, <kbd>p</kbd> or <kbd>k</kbd> for the previous one.
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="review-announcer">
        {announcement}
      </p>
      <div className="review-columns">
        {shown.length === 0 ? (
          <p className="empty">{differences.length === 0 ? "No reviewer has marked a span yet." : "Every difference is decided."}</p>
        ) : (
          <VirtualList
            items={shown}
            keyOf={keyOfDifference}
            estimate={CARD_ESTIMATE}
            gap={12}
            label="Differences in reading order"
            className="differences"
            viewportClassName="differences-viewport"
            revealKey={current}
            onRowFocus={(d) => {
              setCurrent(d.key);
              announce(d.key);
            }}
            renderRow={(d, i) => (
              <DifferenceCard
                {...ids}
                difference={d}
                index={i}
                total={shown.length}
                current={d.key === current}
                sourceNames={sourceNames}
                onFocus={() => setCurrent(d.key)}
              />
            )}
          />
        )}
        <DisagreementStrip
          marks={marks}
          current={current}
          labels={new Map(differences.map((d) => [d.key, `${d.label}, characters ${d.start}–${d.end}`]))}
          onPick={go}
        />
      </div>
    </section>
  );
}

export function UnanimousButton({ projectId, documentId, count }: Ids & { count: number }): ReactNode {
  const [state, action, pending] = useActionState(acceptUnanimousAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="documentId" value={documentId} />
      <button type="submit" className="button primary" disabled={pending || count === 0} aria-disabled={pending || count === 0}>
        {pending ? "Accepting…" : "Accept all unanimous spans"}
      </button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
