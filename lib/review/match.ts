// Which spans of different reviewers mark the same thing. Greedy one-to-one matching by best
// overlap, the way span-level agreement tools pair annotations: every overlapping pair of spans
// from two reviewers is scored, the best pairs are joined first, and a group never takes two
// spans of one reviewer. A claim nested in a quote therefore pairs with the other reviewer's
// claim, not with their quote.
import type { ReviewSpan, SpanGroup } from "./types";

export interface MatchOptions {
  /**
   * Also pair spans of different kinds (the review page does, to show "different kind"); only
   * when they cover mostly the same text (overlap / union ≥ `minCrossKindOverlap`, default 0.5),
   * so a claim nested in someone else's quote is not taken for a relabelled quote.
   */
  readonly crossKind?: boolean;
  readonly minCrossKindOverlap?: number;
}

interface Candidate {
  readonly a: number;
  readonly b: number;
  readonly score: number;
}

/** overlap / union of two extents (1 for identical offsets, 0 when they only touch). */
export function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (overlap <= 0) return 0;
  return overlap / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/**
 * Same-kind pairs score 0.5 more than their overlap ratio, so at equal overlap the same kind
 * wins, while an exact cross-kind pair still beats a same-kind pair that barely touches.
 */
function score(a: ReviewSpan, b: ReviewSpan, opts: MatchOptions): number | null {
  const ratio = overlapRatio(a, b);
  if (ratio === 0) return null;
  if (a.kind === b.kind) return ratio + 0.5;
  if (!opts.crossKind || ratio < (opts.minCrossKindOverlap ?? 0.5)) return null;
  return ratio;
}

/** Overlapping pairs from different reviewers, found with a sweep over start offsets. */
function candidates(sorted: readonly ReviewSpan[], opts: MatchOptions): Candidate[] {
  const found: Candidate[] = [];
  const open: number[] = [];
  sorted.forEach((span, i) => {
    let kept = 0;
    for (const j of open) {
      const other = sorted[j]!;
      if (other.end <= span.start) continue;
      open[kept++] = j;
      if (other.reviewerId === span.reviewerId) continue;
      const s = score(other, span, opts);
      if (s !== null) found.push({ a: j, b: i, score: s });
    }
    open.length = kept;
    open.push(i);
  });
  return found.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}

/**
 * Union-find over span indexes, tracking which reviewers each group already holds: as a bit
 * mask while a document has at most 30 reviewers (always, in practice), else as sets.
 */
class Groups {
  private readonly parent: Int32Array;
  private readonly masks: number[] | null = null;
  private readonly sets: Set<number>[] | null = null;

  constructor(spans: readonly ReviewSpan[]) {
    this.parent = Int32Array.from(spans, (_, i) => i);
    const index = new Map<number, number>();
    for (const s of spans) if (!index.has(s.reviewerId)) index.set(s.reviewerId, index.size);
    if (index.size <= 30) this.masks = spans.map((s) => 1 << index.get(s.reviewerId)!);
    else this.sets = spans.map((s) => new Set([s.reviewerId]));
  }

  root(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }

  /** Joins the two groups unless they would hold two spans of one reviewer. */
  join(a: number, b: number): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra === rb) return;
    if (this.masks !== null) {
      if ((this.masks[ra]! & this.masks[rb]!) !== 0) return;
      this.masks[ra]! |= this.masks[rb]!;
    } else {
      const into = this.sets![ra]!;
      for (const r of this.sets![rb]!) if (into.has(r)) return;
      for (const r of this.sets![rb]!) into.add(r);
    }
    this.parent[rb] = ra;
  }
}

/** Groups of matched spans (singletons for unmatched ones), in reading order. */
export function matchSpans<T extends ReviewSpan>(spans: readonly T[], opts: MatchOptions = {}): SpanGroup<T>[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  const groups = new Groups(sorted);
  for (const pair of candidates(sorted, opts)) groups.join(pair.a, pair.b);
  const members = new Map<number, T[]>();
  sorted.forEach((span, i) => {
    const root = groups.root(i);
    const list = members.get(root);
    if (list === undefined) members.set(root, [span]);
    else list.push(span);
  });
  return [...members.values()].map(toGroup).sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : 1));
}

function toGroup<T extends ReviewSpan>(spans: T[]): SpanGroup<T> {
  const ordered = [...spans].sort((a, b) => a.reviewerId - b.reviewerId);
  const ids = spans.map((s) => s.id).sort((a, b) => a - b);
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  return { key: ids.join("-"), spans: ordered, start, end };
}
