// Reading the comparison pages' query strings: one value per name, whatever the URL repeats.
export type Search = Promise<Record<string, string | string[] | undefined>>;

export function single(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}
