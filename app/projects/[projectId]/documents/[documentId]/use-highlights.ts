"use client";
// Keeps the CSS highlights in step with the spans: all painted once when the text mounts, then
// only the spans the change log names (and same-kind spans inside them, whose nesting may
// change) are repainted. Also paints the active span and the keyboard word cursor, and lets a
// new span be painted at once, before its save starts (`paintNow`).
import { useEffect, useRef, type RefObject } from "react";
import { isNested, sameKindDepth, type SpanLike } from "@/lib/spans";
import { changedSince } from "@/lib/workspace/live-spans";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { collectParagraphs, type ParagraphBox } from "./dom-offsets";
import { HighlightPainter, highlightsSupported } from "./highlights";
import type { Range2 } from "./use-text-keys";
import type { WorkspaceIndexed, WorkspaceState } from "./workspace-state";

type Spans = Pick<WorkspaceState, "spans" | "live">;

// The painter keeps, with each span it painted, the draft it painted it from (no second map of
// thousands of entries here): a draft is replaced, never changed, so the same draft means the same span.
const paintedDraft = (painter: HighlightPainter, key: string): AnnotationDto | undefined => painter.paintedAs(key)?.source as AnnotationDto | undefined;

function paintAll(painter: HighlightPainter, { live }: Spans): void {
  const sorted = live.index.sorted;
  const depth = sameKindDepth(sorted);
  for (const key of painter.keys()) painter.erase(key);
  for (const s of sorted) painter.paint(s.key, s, (depth.get(s.id) ?? 0) > 0, s.row.draft);
}

function repaint(painter: HighlightPainter, { live }: Spans, s: WorkspaceIndexed): void {
  const nested = isNested(live.index, s);
  const previous = painter.paintedAs(s.key);
  if (previous?.source === s.row.draft && previous.nested === nested) return;
  painter.paint(s.key, s, nested, s.row.draft);
}

/** Repaints the changed spans and the same-kind spans that start inside their old or new range. */
function paintChanges(painter: HighlightPainter, spans: Spans, keys: Set<string>): void {
  const { index } = spans.live;
  const ranges: SpanLike[] = [];
  const todo = new Map<string, WorkspaceIndexed>();
  for (const key of keys) {
    const old = paintedDraft(painter, key);
    if (old !== undefined) ranges.push(old);
    const draft = spans.spans.get(key)?.draft;
    const at = draft === undefined ? -1 : index.positionOf(draft);
    if (at >= 0) {
      ranges.push(index.sorted[at]!);
      todo.set(key, index.sorted[at]!);
    } else if (old !== undefined) {
      painter.erase(key);
    }
  }
  for (const r of ranges) for (const s of index.startingWithin(r.start, r.end)) if (s.kind === r.kind) todo.set(s.key, s);
  for (const s of todo.values()) repaint(painter, spans, s);
}

export function useHighlights(
  textRef: RefObject<HTMLDivElement | null>,
  paragraphsRef: RefObject<ParagraphBox[]>,
  painterRef: RefObject<HighlightPainter | null>,
  spans: Spans,
  active: AnnotationDto | null,
  cursor: Range2 | null,
): void {
  // The change log revision painted last; -1 until everything is painted once.
  const seen = useRef(-1);

  useEffect(() => {
    if (!highlightsSupported() || textRef.current === null) return;
    paragraphsRef.current = collectParagraphs(textRef.current);
    painterRef.current = new HighlightPainter(paragraphsRef.current);
    performance.mark("pd-highlights-ready");
    return () => {
      painterRef.current?.dispose();
      seen.current = -1;
    };
  }, [textRef, paragraphsRef, painterRef]);

  useEffect(() => {
    const painter = painterRef.current;
    if (painter === null) return;
    const keys = seen.current < 0 ? null : changedSince(spans.live.log, seen.current);
    if (keys === null) paintAll(painter, spans);
    else paintChanges(painter, spans, keys);
    seen.current = spans.live.log?.rev ?? 0;
    performance.mark("pd-highlights-painted");
    // The highlight is on screen at the next frame; the benchmark reads this mark.
    requestAnimationFrame(() => performance.mark("pd-highlights-frame"));
  }, [spans, painterRef]);

  useEffect(() => {
    painterRef.current?.mark("pd-active", active !== null && active.deletedAt === null ? active : null);
  }, [active, painterRef]);

  useEffect(() => {
    const paragraph = painterRef.current?.mark("pd-cursor", cursor)?.startContainer.parentElement ?? null;
    if (paragraph === null) return;
    // Scrolling lays the page out first: in a frame callback that is the frame's own layout, where
    // here, after a render, it would be one more (3.8 ms at 3,000 spans, bench/RESULTS.md).
    const frame = requestAnimationFrame(() => paragraph.scrollIntoView({ block: "nearest" }));
    return () => cancelAnimationFrame(frame);
  }, [cursor, painterRef]);
}

/** A new span's highlight, painted at once: before React renders it and before its save request. */
export function paintNow(painter: HighlightPainter | null, span: { key: string; start: number; end: number; kind: AnnotationDto["kind"] }): void {
  if (painter === null) return;
  painter.paint(span.key, span, false);
  performance.mark("pd-tag-painted");
  // The benchmark's "tag → highlight" ends here: the first frame callback after this paint.
  requestAnimationFrame(() => performance.mark("pd-tag-frame"));
}
