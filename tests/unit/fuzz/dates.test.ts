// Fuzzing the calendar dates the app accepts (a document's publication day, a segment's
// original date, a reference rating's date) and reads from pages: a YYYY-MM-DD is taken only
// when that day exists, checked against the Gregorian calendar's own rule, never rolled over
// into the next month the way Date.parse("2024-02-30") does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toIsoDate } from "@/lib/import";
import { documentMetadataSchema } from "@/lib/validation/documents";
import { isoDateSchema } from "@/lib/validation/stories";
import { fuzz } from "../../fuzz-seed";

const HERE = import.meta.url;
const TIMEOUT = 60_000;

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The oracle: Gregorian month lengths, leap years every 4 years except centuries not divisible by 400. */
function dayExists(year: number, month: number, day: number): boolean {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= lengths[month - 1]!;
}

const dayParts = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2023, 2024, 2100)),
  fc.integer({ min: 0, max: 13 }),
  fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(28, 29, 30, 31)),
);

const written = fc.oneof(
  { weight: 6, arbitrary: dayParts.map(([y, m, d]) => ({ text: `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, parts: [y, m, d] as const })) },
  { weight: 1, arbitrary: dayParts.map(([y, m, d]) => ({ text: `${pad(y, 4)}-${m}-${d}`, parts: [y, m, d] as const })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((text) => ({ text, parts: null })) },
);

describe("calendar dates on random input", () => {
  it(
    "a YYYY-MM-DD is accepted by every form, and kept by the page reader, exactly when that day exists",
    async () => {
      await fuzz(
        "calendarDates",
        fc.property(written, fc.constantFrom("", " ", "\t"), ({ text, parts }, blank) => {
          const strict = parts !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);
          const exists = strict && dayExists(...parts);
          expect(isoDateSchema("Give a date.").safeParse(`${blank}${text}${blank}`).success).toBe(exists);
          const metadata = documentMetadataSchema.safeParse({ publishedAt: `${blank}${text}` });
          // An empty field is no date, which the form accepts.
          expect(metadata.success).toBe(exists || text.trim() === "");
          if (strict) expect(toIsoDate(`${text}T23:30:00-05:00`)).toBe(exists ? text : null);
          if (exists) expect(toIsoDate(text)).toBe(text);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it("found by fuzzing: days that do not exist are refused, and years before 100 are read as written", () => {
    for (const day of ["2024-02-30", "2023-02-29", "2100-02-29", "2024-04-31"]) {
      expect(isoDateSchema("Give a date.").safeParse(day).success).toBe(false);
      expect(documentMetadataSchema.safeParse({ publishedAt: day }).success).toBe(false);
      expect(toIsoDate(day)).toBeNull();
    }
    expect(toIsoDate("0050-01-01")).toBe("0050-01-01");
    expect(isoDateSchema("Give a date.").safeParse("2024-02-29").success).toBe(true);
  });
});
