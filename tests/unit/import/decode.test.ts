import { describe, expect, it } from "vitest";
import { decodeUtf8Strict, ImportError } from "../../../lib/import";

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

function decodeError(input: Uint8Array): ImportError {
  try {
    decodeUtf8Strict(input, "notes.txt");
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected decodeUtf8Strict to throw");
}

describe("decodeUtf8Strict", () => {
  it("decodes UTF-8 with astral characters, Arabic and CJK", () => {
    const text = "Tap 👍🏽 “قال الوزير” 新闻";
    expect(decodeUtf8Strict(new TextEncoder().encode(text))).toBe(text);
  });

  it("strips a leading byte order mark", () => {
    expect(decodeUtf8Strict(bytes(0xef, 0xbb, 0xbf, 0x68, 0x69))).toBe("hi");
  });

  it.each([
    ["a stray 0xFF byte", bytes(0x61, 0xff, 0x62)],
    ["a Latin-1 é", bytes(0x63, 0x61, 0x66, 0xe9)],
    ["a truncated multi-byte sequence", bytes(0x61, 0xe2, 0x80)],
    ["an overlong encoding", bytes(0xc0, 0xaf)],
    ["an encoded surrogate", bytes(0xed, 0xa0, 0x80)],
  ])("refuses %s with a not_utf8 error naming the file", (_label, input) => {
    const error = decodeError(input);
    expect(error.code).toBe("not_utf8");
    expect(error.message).toMatch(/^notes\.txt is not valid UTF-8 text/);
  });
});
