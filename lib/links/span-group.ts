// Span texts as vectors of interned term ids, and groups of them indexed for ranking: each
// group keeps, once, how many of its spans hold each term and which spans hold it.
import { contentWord, rawWords } from "./tokens";

// Bigram ids are looked up by the pair of their words' ids packed into one number: ids stay
// far below 2^26, so first * 2^26 + second is exact and unique.
const PAIR = 2 ** 26;

/**
 * Interns terms as small integers, so vectors can be typed arrays. Tokenizing is most of the
 * cost of building a story's vectors (bench/RESULTS.md), so the vocabulary also remembers what
 * each raw word folds to (or that it is glue) and each bigram by its two word ids: a word seen
 * before costs one map lookup, and a bigram no string at all.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Raw word (rawWords) → its content word's id, or -1 for a stop word. */
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  private count = 0;

  /** The id of a unigram term (a content word). */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.count++));
    return id;
  }

  /** The id of a raw word's content word, or -1 when it is glue. */
  wordId(raw: string): number {
    let id = this.words.get(raw);
    if (id === undefined) {
      const word = contentWord(raw);
      this.words.set(raw, (id = word === null ? -1 : this.id(word)));
    }
    return id;
  }

  /** The id of the bigram of two content words, by their ids. */
  pairId(first: number, second: number): number {
    const key = first * PAIR + second;
    let id = this.pairs.get(key);
    if (id === undefined) this.pairs.set(key, (id = this.count++));
    return id;
  }

  get size(): number {
    return this.count;
  }
}

/** One span's distinct term ids and their sublinear term frequencies (1 + ln tf). */
export interface TermVector {
  ids: Int32Array;
  weights: Float32Array;
}

/** The term ids of `text` (lib/links/tokens' terms: unigrams first, then bigrams), repeats kept. */
function termIds(text: string, vocabulary: Vocabulary): number[] {
  const unigrams: number[] = [];
  for (const raw of rawWords(text)) {
    const id = vocabulary.wordId(raw);
    if (id >= 0) unigrams.push(id);
  }
  const n = unigrams.length;
  for (let i = 1; i < n; i++) unigrams.push(vocabulary.pairId(unigrams[i - 1]!, unigrams[i]!));
  return unigrams;
}

export function vectorize(text: string, vocabulary: Vocabulary): TermVector {
  // A span has a few dozen terms at most: counting them in two small arrays with a linear
  // search is cheaper than a Map per span (measured about 0.8× on 160,000 spans).
  const all = termIds(text, vocabulary);
  const distinct: number[] = [];
  const tf: number[] = [];
  for (const id of all) {
    const at = distinct.indexOf(id);
    if (at >= 0) tf[at]! += 1;
    else {
      distinct.push(id);
      tf.push(1);
    }
  }
  const weights = new Float32Array(distinct.length);
  for (let i = 0; i < tf.length; i++) weights[i] = 1 + Math.log(tf[i]!);
  return { ids: Int32Array.from(distinct), weights };
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
