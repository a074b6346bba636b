/**
 * A page's publication date as the day the outlet gives, YYYY-MM-DD. Only the date part of an
 * ISO-like timestamp is read and no time zone is applied: "2024-03-05T23:30:00-05:00" is the
 * 5th where it was published, and converting to UTC would move it to the 6th.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const match = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/.exec(raw ?? "");
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Round-trip through a UTC date, so 2024-02-30 is refused rather than rolled into March.
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
