// Where the side-by-side reading paints its marks: each paragraph of a document cut at every
// span boundary into pieces, each piece knowing the spans that cover it. Overlapping and nested
// spans need no nesting of elements this way. Offsets are code points, end exclusive; the
// text of each piece is cut from the document with them, never with UTF-16 indices.
import { indexSources, speakerOf } from "@/lib/compare";
import type { ClaimGroup, CompareSource, CompareSpan } from "@/lib/compare/types";
import { buildOffsetIndex, splitParagraphs } from "@/lib/text";

export interface Piece {
  start: number;
  end: number;
  text: string;
  /** The spans covering this piece, by id (ascending); empty for unmarked text. */
  spanIds: number[];
}

export interface MarkedParagraph {
  start: number;
  end: number;
  pieces: Piece[];
}

interface Range {
  id: number;
  start: number;
  end: number;
}

function pushTo(map: Map<number, number[]>, at: number, id: number): void {
  const list = map.get(at);
  if (list) list.push(id);
  else map.set(at, [id]);
}

/** Linear in text + spans (after one sort of the cut points). */
export function markParagraphs(text: string, spans: readonly Range[]): MarkedParagraph[] {
  const index = buildOffsetIndex(text);
  const paragraphs = splitParagraphs(text);
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  const cuts = new Set<number>();
  for (const s of spans) {
    const start = Math.max(0, s.start);
    const end = Math.min(index.codePointLength, s.end);
    if (end <= start) continue; // a span outside the text (or empty) is not drawn
    pushTo(opens, start, s.id);
    pushTo(closes, end, s.id);
    cuts.add(start).add(end);
  }
  for (const p of paragraphs) cuts.add(p.start).add(p.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: MarkedParagraph[] = paragraphs.map((p) => ({ start: p.start, end: p.end, pieces: [] }));
  const active = new Set<number>();
  let at = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    for (const id of closes.get(from) ?? []) active.delete(id);
    for (const id of opens.get(from) ?? []) active.add(id);
    while (at < out.length && out[at]!.end <= from) at++;
    const paragraph = out[at];
    // Between paragraphs (the newlines) nothing is drawn; paragraph ends are cut points, so a
    // piece is either wholly inside one paragraph or wholly outside.
    if (paragraph === undefined || paragraph.start > from) continue;
    paragraph.pieces.push({ start: from, end: to, text: index.slice(from, to), spanIds: [...active].sort((a, b) => a - b) });
  }
  return out;
}

// What ties the columns together: each linked claim and each speaker quoted in more than one of
// the documents shown gets a short key ("k0", "k1"…) that its marks carry in data-keys. Keys
// are tokens, not the speaker's words, so a name with spaces or quotes cannot break a selector.
export interface Links {
  /** Per span id: the keys it carries. */
  bySpan: Map<number, string[]>;
  /** Per key: what it names, for the status line. */
  labels: Record<string, string>;
}

export function linksBetween(columns: { spans: CompareSpan[] }[], groups: ClaimGroup[], sources: CompareSource[]): Links {
  const index = indexSources(sources);
  const groupsOf = new Map<number, ClaimGroup[]>();
  for (const g of groups) for (const id of g.spanIds) groupsOf.set(id, [...(groupsOf.get(id) ?? []), g]);
  // Every candidate link, with the columns it appears in.
  const found = new Map<string, { label: string; columns: Set<number>; spans: number[] }>();
  columns.forEach((column, c) => {
    for (const span of column.spans) {
      const names: [string, string][] = (groupsOf.get(span.id) ?? []).map((g) => [`group:${g.id}`, `Linked claim “${g.label}”`]);
      const speaker = span.kind === "quote" ? speakerOf(span, index) : null;
      if (speaker !== null) names.push([`speaker:${speaker.key}`, `Speaker ${speaker.name}`]);
      for (const [id, label] of names) {
        const entry = found.get(id) ?? { label, columns: new Set<number>(), spans: [] };
        entry.columns.add(c);
        entry.spans.push(span.id);
        found.set(id, entry);
      }
    }
  });
  const bySpan = new Map<number, string[]>();
  const labels: Record<string, string> = {};
  let n = 0;
  for (const entry of found.values()) {
    if (entry.columns.size < 2) continue; // nothing to light up in another column
    const key = `k${n++}`;
    labels[key] = entry.label;
    for (const id of entry.spans) bySpan.set(id, [...(bySpan.get(id) ?? []), key]);
  }
  return { bySpan, labels };
}
