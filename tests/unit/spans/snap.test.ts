import { describe, expect, it } from "vitest";
import { moveEdge, snapToWords, toCodePoints, trimBlanks, trimEdges } from "../../../lib/text/snap";

const cut = (text: string, span: { start: number; end: number } | null): string | null =>
  span === null ? null : toCodePoints(text).slice(span.start, span.end).join("");

describe("snapping a selection to words", () => {
  const text = "Mayor Ilse Brandt told reporters: “Doing nothing is also a decision,” she said.";
  const chars = toCodePoints(text);

  it("widens a selection that starts and ends inside words to whole words", () => {
    const start = text.indexOf("lse");
    const end = text.indexOf("randt") + 2;
    expect(cut(text, snapToWords(chars, start, end))).toBe("Ilse Brandt");
  });

  it("drops surrounding spaces and punctuation, including quotation marks", () => {
    const start = text.indexOf("“") - 1;
    const end = text.indexOf("”") + 1;
    expect(cut(text, snapToWords(chars, start, end))).toBe("Doing nothing is also a decision");
  });

  it("keeps currency symbols and in-word apostrophes and hyphens", () => {
    const t = "a $9 levy, the ex-minister’s plan";
    const c = toCodePoints(t);
    expect(cut(t, snapToWords(c, 2, 4))).toBe("$9");
    expect(cut(t, snapToWords(c, t.indexOf("minister"), t.indexOf("plan") - 2))).toBe("ex-minister’s");
  });

  it("counts emoji as one code point and returns code-point offsets", () => {
    const t = "Tap 👍🏽 then “قال الوزير” — ok";
    const c = toCodePoints(t);
    // Python: t.index("قال") == 13 and the words end at 23 (the UTF-16 offsets are 15 and 25).
    const span = snapToWords(c, 11, 25);
    expect(span).toEqual({ start: 13, end: 23 });
    expect(cut(t, span)).toBe("قال الوزير");
  });

  it("does not widen into the next word when a selection ends on the space before it", () => {
    // "Ilse " with the space, and "Ilse" up to the space: either way "Brandt" stays out.
    const start = text.indexOf("Ilse");
    expect(cut(text, snapToWords(chars, start, text.indexOf("Brandt")))).toBe("Ilse");
    expect(cut(text, snapToWords(chars, start, text.indexOf("Brandt") - 1))).toBe("Ilse");
    // Nor does one that starts on the space after a word reach back into it.
    expect(cut(text, snapToWords(chars, text.indexOf("Brandt") - 1, text.indexOf(" told")))).toBe("Brandt");
  });

  it("keeps the punctuation of an Alt selection and drops only blanks", () => {
    const t = "He said: Iraq is on the path to disintegration.” Then";
    const c = toCodePoints(t);
    const start = t.indexOf("Iraq") - 1; // the space before
    const end = t.indexOf(".”") + 1;
    expect(cut(t, trimBlanks(c, start, end))).toBe("Iraq is on the path to disintegration.");
    expect(cut(t, trimBlanks(c, end, start))).toBe("Iraq is on the path to disintegration.");
    expect(cut(t, trimEdges(c, start, end))).toBe("Iraq is on the path to disintegration");
    expect(trimBlanks(c, 2, 3)).toBeNull();
  });

  it("returns null when only spaces or punctuation were selected", () => {
    expect(snapToWords(chars, text.indexOf(":"), text.indexOf(":") + 2)).toBeNull();
    expect(trimEdges(chars, 0, 0)).toBeNull();
  });
});

describe("moving a span edge by a word", () => {
  const text = "one two three four five";
  const chars = toCodePoints(text);
  const span = { start: 4, end: 13 }; // "two three"

  it("widens and narrows the end", () => {
    expect(cut(text, moveEdge(chars, span, "end", "widen"))).toBe("two three four");
    expect(cut(text, moveEdge(chars, span, "end", "narrow"))).toBe("two");
  });

  it("widens and narrows the start", () => {
    expect(cut(text, moveEdge(chars, span, "start", "widen"))).toBe("one two three");
    expect(cut(text, moveEdge(chars, span, "start", "narrow"))).toBe("three");
  });

  it("never empties a span or moves past the text", () => {
    const single = { start: 4, end: 7 };
    expect(moveEdge(chars, single, "end", "narrow")).toEqual(single);
    expect(moveEdge(chars, single, "start", "narrow")).toEqual(single);
    expect(moveEdge(chars, { start: 0, end: 3 }, "start", "widen")).toEqual({ start: 0, end: 3 });
    expect(moveEdge(chars, { start: 19, end: 23 }, "end", "widen")).toEqual({ start: 19, end: 23 });
  });
});
