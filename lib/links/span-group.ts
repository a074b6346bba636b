// Span texts as vectors of interned term ids, and groups of them indexed for ranking: each
// group keeps, once, how many of its spans hold each term and which spans hold it.
import { terms } from "./tokens";

/** Interns terms as small integers, so vectors can be typed arrays. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}

/** One span's distinct term ids and their sublinear term frequencies (1 + ln tf). */
export interface TermVector {
  ids: Int32Array;
  weights: Float32Array;
}

export function vectorize(text: string, vocabulary: Vocabulary): TermVector {
  const counts = new Map<number, number>();
  for (const term of terms(text)) {
    const id = vocabulary.id(term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const ids = new Int32Array(counts.size);
  const weights = new Float32Array(counts.size);
  let i = 0;
  for (const [id, tf] of counts) {
    ids[i] = id;
    weights[i] = 1 + Math.log(tf);
    i++;
  }
  return { ids, weights };
}

export class SpanGroup<T> {
  readonly items: T[];
  readonly vectors: TermVector[];
  /** Distinct terms of the group and, for each, how many of its spans hold it. */
  private readonly termIds: Int32Array;
  private readonly termCounts: Uint32Array;
  /** For each term: the indexes of the spans that hold it. */
  private readonly postings = new Map<number, number[]>();

  constructor(entries: readonly { item: T; vector: TermVector }[]) {
    this.items = entries.map((e) => e.item);
    this.vectors = entries.map((e) => e.vector);
    this.vectors.forEach((vector, index) => {
      for (const id of vector.ids) {
        const list = this.postings.get(id);
        if (list === undefined) this.postings.set(id, [index]);
        else list.push(index);
      }
    });
    this.termIds = Int32Array.from(this.postings.keys());
    this.termCounts = Uint32Array.from(this.postings.values(), (list) => list.length);
  }

  /** Adds the group's document frequencies into `df` (indexed by term id). */
  addFrequencies(df: Uint32Array): void {
    for (let i = 0; i < this.termIds.length; i++) df[this.termIds[i]!]! += this.termCounts[i]!;
  }

  /** The indexes of the spans that share at least one of these terms, each once, in order. */
  sharing(ids: Int32Array): number[] {
    const marked = new Uint8Array(this.items.length);
    for (const id of ids) for (const index of this.postings.get(id) ?? []) marked[index] = 1;
    const found: number[] = [];
    for (let i = 0; i < marked.length; i++) if (marked[i] === 1) found.push(i);
    return found;
  }
}
