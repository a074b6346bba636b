import { describe, expect, it } from "vitest";
import { findPhraseRegion } from "@/lib/perspective/region";

const TEXT = "🌊 Intro.\nReuters: the council voted 5–2.\nAP: the plant is late.";

describe("a region from its start and end phrases", () => {
  it("runs from the start phrase to the end of the end phrase, in code points", () => {
    // "🌊 Intro.\n" is 9 code points (10 UTF-16 units); the Reuters line is 31.
    expect(findPhraseRegion(TEXT, "Reuters:", "voted 5–2.")).toEqual({ ok: true, start: 9, end: 40 });
  });

  it("accepts one phrase as both start and end, and trims pasted spaces", () => {
    expect(findPhraseRegion(TEXT, "  AP: ", "AP:")).toEqual({ ok: true, start: 41, end: 44 });
  });

  it("looks for the end phrase only from the start phrase on", () => {
    expect(findPhraseRegion(TEXT, "AP:", "Reuters")).toEqual({ ok: false, message: "The text does not contain “Reuters” after “AP:”." });
  });

  it("says which phrase it cannot find, or that one is missing", () => {
    expect(findPhraseRegion(TEXT, "Bloomberg", "late.")).toEqual({ ok: false, message: "The text does not contain “Bloomberg”." });
    expect(findPhraseRegion(TEXT, "AP:", " ")).toMatchObject({ ok: false, message: expect.stringContaining("both the phrase") });
  });
});
