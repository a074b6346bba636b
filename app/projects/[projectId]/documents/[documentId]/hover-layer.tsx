"use client";
// Says what the character under the mouse is covered by. Its own component with its own
// state, so moving the mouse never re-renders the workspace or its span list.
import { memo, useEffect, useState, type ReactNode, type RefObject } from "react";
import type { SpanIndex } from "@/lib/spans";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { offsetAtPoint, type ParagraphBox } from "./dom-offsets";

interface Props {
  textRef: RefObject<HTMLDivElement | null>;
  paragraphsRef: RefObject<ParagraphBox[]>;
  index: SpanIndex<AnnotationDto & { key: string }>;
  describe: (span: AnnotationDto) => string;
}

export const HoverLayer = memo(function HoverLayer({ textRef, paragraphsRef, index, describe }: Props): ReactNode {
  const [hover, setHover] = useState<{ x: number; y: number; text: string } | null>(null);
  useEffect(() => {
    const el = textRef.current;
    if (el === null) return;
    let frame = 0;
    const onMove = (event: MouseEvent): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const offset = offsetAtPoint(paragraphsRef.current, event.clientX, event.clientY);
        const hit = offset === null ? [] : index.coveringAt(offset);
        if (hit.length === 0) return setHover(null);
        const box = el.getBoundingClientRect();
        setHover({ x: event.clientX - box.left + 12, y: event.clientY - box.top + 18, text: hit.map(describe).join(" · inside ") });
      });
    };
    const onLeave = (): void => {
      cancelAnimationFrame(frame);
      setHover(null);
    };
    el.addEventListener("mousemove", onMove);
    el.addEventListener("mouseleave", onLeave);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener("mousemove", onMove);
      el.removeEventListener("mouseleave", onLeave);
    };
  }, [textRef, paragraphsRef, index, describe]);
  return hover ? (
    <div className="hover-card" role="tooltip" style={{ top: hover.y, left: hover.x }}>
      {hover.text}
    </div>
  ) : null;
});
