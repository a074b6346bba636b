// One ordering of names everywhere (outlets, speakers, documents), so a table and its chart
// list rows alike: case-insensitive English collation, then exact text to break ties.
const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

export function byName(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Names with null last ("No outlet" after every named outlet). */
export function byNullableName(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return byName(a, b);
}

/** ISO dates compare as text; an undated item goes after every dated one. */
export function byDate(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
