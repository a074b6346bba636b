/**
 * A page's publication date as the day the outlet gives, YYYY-MM-DD. Only the date part of an
 * ISO-like timestamp is read and no time zone is applied: "2024-03-05T23:30:00-05:00" is the
 * 5th where it was published, and converting to UTC would move it to the 6th.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const match = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/.exec(raw ?? "");
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!dayExists(year, month, day)) return null;
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Whether the day is on the (proleptic Gregorian) calendar. Counted rather than round-tripped
 * through Date: Date.parse rolls 2024-02-30 over to March 1st, and Date.UTC reads years 0–99
 * as 1900–1999 (both found by fuzzing).
 */
function dayExists(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= length;
}

/** Exactly YYYY-MM-DD, naming a day that exists: what every date field accepts. */
export function isIsoDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && toIsoDate(value) === value;
}
