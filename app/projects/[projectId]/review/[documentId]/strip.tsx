"use client";
// The disagreement strip beside the review board: one button per difference that is not plain
// agreement, where it sits in the text. Marks are placed in pixels once the strip's height is
// known, so each is a 24 px touch target that no neighbour overlaps (lib/review/strip-layout);
// until then (and without JavaScript) they sit at their proportional place.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import type { StripMark } from "@/lib/review";
import { placeStripMarks, stripMinHeight } from "@/lib/review/strip-layout";
import { CLASS_LABELS } from "./labels";

const TARGET_PX = 24;

interface Props {
  marks: StripMark[];
  current: string | null;
  labels: Map<string, string>;
  onPick: (key: string) => void;
}

export function DisagreementStrip({ marks, current, labels, onPick }: Props): ReactNode {
  const strip = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState<number | null>(null);
  useEffect(() => {
    const el = strip.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const placed = height === null ? null : placeStripMarks(marks, height, TARGET_PX);
  const position = (m: StripMark, i: number): CSSProperties =>
    placed === null ? { top: `${m.top * 100}%`, height: `${m.height * 100}%` } : { top: `${placed[i]!.top}px`, height: `${placed[i]!.height}px` };

  return (
    <nav className="strip-wrap" aria-label="Where reviewers disagree in the text">
      <div className="strip" ref={strip} style={{ minHeight: `${stripMinHeight(marks.length, TARGET_PX)}px` }} data-testid="disagreement-strip">
        <span className="strip-end top" aria-hidden="true">
          start
        </span>
        {marks.map((m, i) => (
          <button
            key={m.key}
            type="button"
            className={`strip-mark class-${m.primary}${m.key === current ? " current" : ""}`}
            style={position(m, i)}
            aria-label={labels.get(m.key) ?? CLASS_LABELS[m.primary]}
            title={labels.get(m.key)}
            onClick={() => onPick(m.key)}
          />
        ))}
        <span className="strip-end bottom" aria-hidden="true">
          end
        </span>
      </div>
    </nav>
  );
}
