import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../lib/text";

describe("normalizeText", () => {
  it("turns CRLF and lone CR line endings into LF", () => {
    expect(normalizeText("one\r\ntwo\rthree\nfour")).toBe("one\ntwo\nthree\nfour");
  });

  it("composes to NFC", () => {
    expect(normalizeText("cafe\u0301")).toBe("caf\u00e9");
    expect(normalizeText("cafe\u0301")).toHaveLength(4);
  });

  it("trims trailing spaces and tabs on each line but keeps indentation", () => {
    expect(normalizeText("  indented \t\nnext\t \n\tlast  ")).toBe("  indented\nnext\n\tlast");
  });

  it("keeps non-breaking spaces, which are content", () => {
    expect(normalizeText("price:\u00a010\u00a0")).toBe("price:\u00a010\u00a0");
  });

  it("removes leading and trailing blank lines but keeps blank lines between paragraphs", () => {
    expect(normalizeText("\n \r\n\t\nFirst\n\n\nSecond\n  \n\n")).toBe("First\n\n\nSecond");
  });

  it("returns the empty string for whitespace-only input", () => {
    expect(normalizeText(" \t\r\n \n")).toBe("");
  });

  it("is idempotent", () => {
    const inputs = [
      "\r\n  Title \r\n\r\nBody e\u0301 👍🏽\t\r\n\r\n",
      "a\rb\r\rc",
      "\u0301 leading combining mark\n\n",
      "   \n\u00a0\n",
      "قال الوزير  \n新闻\r\n🇮🇶",
    ];
    for (const input of inputs) {
      const once = normalizeText(input);
      expect(normalizeText(once)).toBe(once);
    }
  });
});
