import { describe, expect, it } from "vitest";
import { buildOffsetIndex, textQuoteSelector } from "../../../lib/text";

const MIXED = "Tap 👍🏽 then “قال الوزير” — ok";

describe("textQuoteSelector", () => {
  it("quotes the span with up to 32 code points of context on each side by default", () => {
    expect(textQuoteSelector(MIXED, 13, 23)).toEqual({
      exact: "قال الوزير",
      prefix: "Tap 👍🏽 then “",
      suffix: "” — ok",
    });
  });

  it("counts context in code points, so an emoji is never cut in half", () => {
    expect(textQuoteSelector(MIXED, 7, 11, 3)).toEqual({ exact: "then", prefix: "👍🏽 ", suffix: " “ق" });
    expect(textQuoteSelector(MIXED, 7, 11, 2)).toEqual({ exact: "then", prefix: "🏽 ", suffix: " “" });
  });

  it("stops the context at the document edges", () => {
    const long = "x".repeat(40) + "SPAN" + "y".repeat(40);
    const quote = textQuoteSelector(long, 40, 44);
    expect(quote.prefix).toBe("x".repeat(32));
    expect(quote.suffix).toBe("y".repeat(32));
    expect(textQuoteSelector("abc", 0, 3)).toEqual({ exact: "abc", prefix: "", suffix: "" });
  });

  it("gives the same result from a prebuilt offset index", () => {
    const index = buildOffsetIndex(MIXED);
    expect(textQuoteSelector(index, 13, 23, 5)).toEqual(textQuoteSelector(MIXED, 13, 23, 5));
  });

  it("rejects spans outside the text, reversed spans and negative context", () => {
    expect(() => textQuoteSelector("abc", 2, 4)).toThrow(RangeError);
    expect(() => textQuoteSelector("abc", 2, 1)).toThrow(RangeError);
    expect(() => textQuoteSelector("abc", 0, 1, -1)).toThrow(RangeError);
  });
});
