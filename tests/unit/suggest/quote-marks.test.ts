import { describe, expect, it } from "vitest";
import { findQuotedSpans } from "@/lib/suggest/quote-marks";
import { suggest } from "@/lib/suggest";
import { contentOf } from "./helpers";

function quoted(text: string): string[] {
  return findQuotedSpans(Array.from(text)).map((s) => contentOf(text, { start: s.open + 1, end: s.close }));
}

describe("quotation-mark scanner", () => {
  it("finds quotes in every style the text uses", () => {
    expect(quoted("a “one two” b")).toEqual(["one two"]);
    expect(quoted('a "one two" b')).toEqual(["one two"]);
    expect(quoted("a ‘one two’ b")).toEqual(["one two"]);
    expect(quoted("a «one two» b")).toEqual(["one two"]);
    expect(quoted("a « un deux » b")).toEqual([" un deux "]);
    expect(quoted("a „eins zwei“ b")).toEqual(["eins zwei"]);
    expect(quoted("a ‚eins zwei‘ b")).toEqual(["eins zwei"]);
    expect(quoted("a 「一二」 b")).toEqual(["一二"]);
  });

  it("does not take apostrophes for quotation marks", () => {
    expect(quoted("‘We don’t fly since the ’90s, said Jones’ son,’ she wrote.")).toEqual(["We don’t fly since the ’90s, said Jones’ son,"]);
    expect(quoted("It's the '90s and we're fine")).toEqual([]);
  });

  it("keeps a quote of another style inside the outer quote (nesting)", () => {
    expect(quoted("“He said ‘no’ twice,” she said.")).toEqual(["He said ‘no’ twice,"]);
    expect(quoted("“Instead of saying, ‘We need unity,” he said.")).toEqual(["Instead of saying, ‘We need unity,"]);
  });

  it("drops an opening mark that never closes in its paragraph, and finds the quotes after it", () => {
    expect(quoted("He said “never closed.\nShe said “closed here.” Done.")).toEqual(["closed here."]);
    expect(quoted("“a” b ” c “d e”")).toEqual(["a", "d e"]);
  });

  it("runs a quote over paragraphs when the next paragraph reopens with the same mark", () => {
    const text = "She said: “First paragraph.\n“Second paragraph.”\nAfter.";
    expect(quoted(text)).toEqual(["First paragraph.\n“Second paragraph."]);
    expect(findQuotedSpans(Array.from(text))[0]!.paragraphs).toBe(2);
  });

  it("reads right-to-left text with its own marks", () => {
    expect(quoted("قال الوزير «لن نتراجع عن القرار» أمس")).toEqual(["لن نتراجع عن القرار"]);
    expect(quoted("אמר השר ”לא נסוג מההחלטה“ אתמול")).toEqual(["לא נסוג מההחלטה"]);
  });

  it("handles 5,000 quotation marks and returns sane, non-overlapping suggestions", () => {
    const text = Array.from({ length: 2_500 }, (_, i) => `“word ${i} and more here,” she said ${i % 3 ? "“" : ""}`).join(" ");
    expect((text.match(/[“”]/gu) ?? []).length).toBeGreaterThanOrEqual(5_000);
    const out = suggest(text);
    expect(out.length).toBeGreaterThan(1_000);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    const unbalanced = "“".repeat(5_000) + " text " + "”".repeat(3);
    expect(() => suggest(unbalanced)).not.toThrow();
  });
});
