// Ranking spans by how likely they carry the same claim as one span: TF-IDF-weighted cosine
// over the terms of lib/links/tokens (content-word unigrams and bigrams). The inverse document
// frequency is counted over the candidates themselves, so words every outlet uses for the
// story ("council", "levy") weigh little and the specific ones (a figure, a name) weigh most.
// Candidates come in indexed groups (./span-group: one per document and reviewer, built once
// and cached by the server), so a ranking sums the groups' term counts and scores only the
// spans that share a term with the query, not every span of the story.
import { SpanGroup, Vocabulary, vectorize, type TermVector } from "./span-group";

export { SpanGroup, Vocabulary, vectorize, type TermVector };

export interface Ranked<T> {
  item: T;
  /** Cosine similarity, 0 (nothing shared) to 1 (the same terms in the same proportions). */
  score: number;
}

export interface RankOptions {
  limit: number;
  /** Scores below this are not suggestions: one shared common word is not a match. */
  floor: number;
  /** The vocabulary's size when every vector was made (term ids are below it). */
  vocabularySize: number;
  /** Items left out of the ranking and of the term counts (spans already linked, say). */
  exclude?: ReadonlySet<unknown>;
}

export const DEFAULT_FLOOR = 0.08;

/** idf for each document frequency 0..n, smoothed as ln((1 + n) / (1 + df)) + 1. */
function idfTable(n: number): Float64Array {
  const table = new Float64Array(n + 2);
  for (let df = 0; df < table.length; df++) table[df] = Math.log((1 + n) / (1 + df)) + 1;
  return table;
}

/** Inserts into a list kept sorted by score (desc), earlier candidates first on ties, at most `limit` long. */
function keepTop<T>(top: Ranked<T>[], entry: Ranked<T>, limit: number): void {
  let at = top.length;
  while (at > 0 && top[at - 1]!.score < entry.score) at--;
  if (at >= limit) return;
  top.splice(at, 0, entry);
  if (top.length > limit) top.pop();
}

/** Document frequencies over the groups and the query, less the excluded items; and how many spans that is. */
function frequencies<T>(query: TermVector, groups: readonly SpanGroup<T>[], options: RankOptions): { df: Uint32Array; n: number } {
  const df = new Uint32Array(options.vocabularySize);
  let n = 1;
  for (const id of query.ids) df[id]! += 1;
  for (const group of groups) {
    n += group.items.length;
    group.addFrequencies(df);
    if (options.exclude === undefined || options.exclude.size === 0) continue;
    group.items.forEach((item, i) => {
      if (!options.exclude!.has(item)) return;
      n -= 1;
      for (const id of group.vectors[i]!.ids) df[id]! -= 1;
    });
  }
  return { df, n };
}

function cosine(vector: TermVector, queryWeight: Float64Array, queryNorm: number, df: Uint32Array, idf: Float64Array): number {
  let dot = 0;
  let norm = 0;
  for (let i = 0; i < vector.ids.length; i++) {
    const id = vector.ids[i]!;
    const w = vector.weights[i]! * idf[df[id]!]!;
    dot += w * queryWeight[id]!;
    norm += w * w;
  }
  return dot === 0 ? 0 : Math.min(1, dot / (queryNorm * Math.sqrt(norm)));
}

/** The `limit` candidates most similar to `query` with a score of at least `floor`, best first. */
export function rankBySimilarity<T>(query: TermVector, groups: readonly SpanGroup<T>[], options: RankOptions): Ranked<T>[] {
  if (query.ids.length === 0 || options.limit <= 0) return [];
  const { df, n } = frequencies(query, groups, options);
  const idf = idfTable(n);
  const queryWeight = new Float64Array(options.vocabularySize);
  let queryNorm = 0;
  query.ids.forEach((id, i) => {
    const w = query.weights[i]! * idf[df[id]!]!;
    queryWeight[id] = w;
    queryNorm += w * w;
  });
  queryNorm = Math.sqrt(queryNorm);
  const top: Ranked<T>[] = [];
  for (const group of groups) {
    for (const i of group.sharing(query.ids)) {
      const item = group.items[i]!;
      if (options.exclude?.has(item)) continue;
      const score = cosine(group.vectors[i]!, queryWeight, queryNorm, df, idf);
      if (score >= options.floor) keepTop(top, { item, score }, options.limit);
    }
  }
  return top;
}

/** Convenience for one-off rankings (tests, small lists): texts in, ranked items out. */
export function rankTexts<T>(queryText: string, items: readonly { item: T; text: string }[], limit = 5, floor = DEFAULT_FLOOR): Ranked<T>[] {
  const vocabulary = new Vocabulary();
  const query = vectorize(queryText, vocabulary);
  const group = new SpanGroup(items.map(({ item, text }) => ({ item, vector: vectorize(text, vocabulary) })));
  return rankBySimilarity(query, [group], { limit, floor, vocabularySize: vocabulary.size });
}
