import { describe, expect, it } from "vitest";
import { exampleParts, KIND_GUIDES, kindDescription, kindGuide } from "@/lib/guidelines/kinds";
import { ANNOTATION_KINDS, KIND_LABELS } from "@/lib/validation/annotations";

describe("kind definitions and examples", () => {
  it("covers every kind once, keyed 1, 2, 3 in the order the workspace's digit keys use", () => {
    expect(KIND_GUIDES.map((g) => g.kind)).toEqual([...ANNOTATION_KINDS]);
    expect(KIND_GUIDES.map((g) => g.key)).toEqual(["1", "2", "3"]);
    for (const g of KIND_GUIDES) expect(g.label).toBe(KIND_LABELS[g.kind]);
  });

  it("gives each kind its own definition, in sentences", () => {
    const definitions = KIND_GUIDES.map((g) => g.definition);
    expect(new Set(definitions).size).toBe(definitions.length);
    for (const d of definitions) expect(d).toMatch(/^[A-Z].{40,}\.$/);
  });

  it("tags in each example a span that occurs in its sentence exactly once", () => {
    for (const { example } of KIND_GUIDES) {
      const first = example.sentence.indexOf(example.span);
      expect(example.span.trim()).not.toBe("");
      expect(first).toBeGreaterThanOrEqual(0);
      expect(example.sentence.indexOf(example.span, first + 1)).toBe(-1);
    }
  });

  it("cuts an example around its span without losing a character", () => {
    for (const { example } of KIND_GUIDES) {
      const { before, span, after } = exampleParts(example);
      expect(span).toBe(example.span);
      expect(before + span + after).toBe(example.sentence);
    }
    expect(exampleParts({ sentence: "No such span here.", span: "missing" })).toEqual({ before: "No such span here.", span: "", after: "" });
  });

  it("describes a kind with its definition followed by its example", () => {
    const quote = kindGuide("quote");
    const text = kindDescription("quote");
    expect(text.startsWith(quote.definition)).toBe(true);
    expect(text).toContain(`Example: “${quote.example.span}”`);
  });

  it("keeps the speaker and cue out of the quote example's span, as its definition asks", () => {
    const { example } = kindGuide("quote");
    expect(example.sentence).toMatch(/told|said/);
    expect(example.span).not.toMatch(/told|said|minister/);
  });
});
