import { describe, expect, it } from "vitest";
import { countWords } from "../../../lib/text";
import { sha256Hex } from "../../../lib/text/hash";

describe("countWords", () => {
  it("counts words, not punctuation, spaces or emoji", () => {
    expect(countWords("Hello, world! 👍🏽 — ok.")).toBe(3);
    expect(countWords("")).toBe(0);
    expect(countWords(" \n\t ")).toBe(0);
  });

  it("keeps contractions and hyphen-free numbers as one word", () => {
    expect(countWords("It's 2020, isn't it?")).toBe(4);
  });

  it("counts Arabic words separated by spaces", () => {
    expect(countWords("قال الوزير إن الاتفاق")).toBe(4);
  });

  it("segments CJK text without spaces into more than one word", () => {
    expect(countWords("我们是中国人")).toBeGreaterThan(1);
  });

  it("counts a long document exactly as one segmentation pass would, in linear time", () => {
    const paragraph = "Tap 👍🏽 then “قال الوزير” — ok. It's 2020; 新闻报道说。\n\n";
    const text = paragraph.repeat(400); // ~20k code units, many 1 KB chunks
    const segmenter = new Intl.Segmenter("und", { granularity: "word" });
    const onePass = Array.from(segmenter.segment(text)).filter((s) => s.isWordLike).length;
    expect(countWords(text)).toBe(onePass);

    const big = paragraph.repeat(10_000); // ~500k code units: many minutes if quadratic
    const started = performance.now();
    expect(countWords(big)).toBe(onePass * 25);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("sha256Hex", () => {
  // Expected values from Python: hashlib.sha256(s.encode()).hexdigest()
  it("hashes the UTF-8 bytes as lowercase hex", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("é 👍🏽 قال")).toBe("f4d1de3db2b07bfbc6a1df726f21d5af9a5e5f68c2a7c43ee92869716608a2c2");
  });
});
