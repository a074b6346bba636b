// Which registry sources a typed speaker name may already be. Two reviewers write the same
// speaker as "Khanjar", "Khamis al-Khanjar", "al Khanjar, Khamis" or "Khamis Al-Khanjár": the
// registry only stays clean if the picker offers the existing source before a new one is
// made. Pure and framework-free: the server ranks its search with it and the workspace narrows
// its list with it while the next answer is on its way, so both agree on what matches.

export interface NamedSource {
  id: number;
  name: string;
  aliases: readonly string[];
}

export interface SourceMatch {
  /** Higher is closer: exact 100, every typed word in the name 80, the name inside what was typed 70, a shared word 40, a substring 10. */
  score: number;
  /** The name or alias that matched. */
  via: string;
}

// Letters that Unicode decomposition leaves whole but a reader treats as their plain form.
const LETTERS: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ʼ: "", ʻ: "", ʿ: "", ʾ: "" };

/** Case- and diacritics-folded: "Khamis Al-Khanjár" → "khamis al-khanjar". */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþıʼʻʿʾ]/g, (c) => LETTERS[c] ?? c)
    .trim();
}

// Name particles that carry no identity on their own: "al" in "al-Khanjar", "van" in "van Dijk".
const PARTICLES = new Set(["al", "el", "ul", "the", "of", "de", "del", "la", "le", "van", "von", "der", "den", "da", "di", "du", "bin", "ibn", "bint", "abu"]);

/** The words of a name that identify it, folded; particles dropped unless nothing else is left. */
export function nameTokens(name: string): string[] {
  const words = foldName(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  const content = words.filter((w) => !PARTICLES.has(w));
  return content.length > 0 ? content : words;
}

// One typed word matches a word of a name when equal, or as its ending when the particle was
// written joined ("Alkhanjar" ends with "khanjar"); short words must be equal, or "an" would
// match half the registry. The last typed word may still be unfinished, so its prefix counts.
function wordMatches(typed: string, word: string, unfinished: boolean): boolean {
  if (typed === word) return true;
  if (typed.length >= 4 && word.length > typed.length && word.endsWith(typed)) return true;
  if (word.length >= 4 && typed.length > word.length && typed.endsWith(word)) return true;
  return unfinished && typed.length >= 3 && word.startsWith(typed);
}

function allFound(needles: string[], hay: string[], lastUnfinished: boolean): boolean {
  return needles.every((n, i) => hay.some((w) => wordMatches(n, w, lastUnfinished && i === needles.length - 1)));
}

function scoreOne(typed: string, typedTokens: string[], name: string): number {
  const folded = foldName(name);
  const tokens = nameTokens(name);
  if (folded === typed || (typedTokens.length > 0 && tokens.join(" ") === typedTokens.join(" "))) return 100;
  if (typedTokens.length > 0 && allFound(typedTokens, tokens, true)) return 80;
  if (typedTokens.length > 0 && tokens.length > 0 && allFound(tokens, typedTokens, false)) return 70;
  if (typedTokens.some((t) => t.length >= 4 && tokens.includes(t))) return 40;
  return folded.includes(typed) ? 10 : 0;
}

/** How closely `query` matches a source's name or one of its aliases; null when it does not. An empty query matches everything weakly. */
export function matchSource(query: string, source: NamedSource): SourceMatch | null {
  const typed = foldName(query);
  if (typed === "") return { score: 1, via: source.name };
  const typedTokens = nameTokens(query);
  let best: SourceMatch | null = null;
  for (const name of [source.name, ...source.aliases]) {
    const score = scoreOne(typed, typedTokens, name);
    if (score > 0 && (best === null || score > best.score)) best = { score, via: name };
  }
  return best;
}

/** Sources that match `query`, closest first, then by folded name and id. */
export function rankSources<T extends NamedSource>(query: string, sources: readonly T[]): (T & { match: SourceMatch })[] {
  const matched: (T & { match: SourceMatch })[] = [];
  for (const source of sources) {
    const match = matchSource(query, source);
    if (match !== null) matched.push({ ...source, match });
  }
  return matched.sort((a, b) => b.match.score - a.match.score || foldName(a.name).localeCompare(foldName(b.name)) || a.id - b.id);
}

/** Sources a new speaker called `name` may already be: every match above a bare substring. */
export function nearMatches<T extends NamedSource>(name: string, sources: readonly T[]): (T & { match: SourceMatch })[] {
  return foldName(name) === "" ? [] : rankSources(name, sources).filter((s) => s.match.score >= 40);
}
