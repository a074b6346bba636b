import { describe, expect, it } from "vitest";
import { ACCEPTED_EXTENSIONS, detectFormat, looksLikeHtml } from "../../../lib/import";

describe("format detection", () => {
  it("accepts exactly .txt, .md, .markdown, .html and .htm", () => {
    expect([...ACCEPTED_EXTENSIONS]).toEqual([".txt", ".md", ".markdown", ".html", ".htm"]);
  });

  it("detects the format from the extension, whatever its case", () => {
    expect(detectFormat("a/b/Notes.TXT", "plain")).toBe("text");
    expect(detectFormat("draft.md", "# T")).toBe("markdown");
    expect(detectFormat("draft.markdown", "# T")).toBe("markdown");
    expect(detectFormat("page.HTM", "<p>x</p>")).toBe("html");
    expect(detectFormat("page.html", "no tags at all")).toBe("html");
  });

  it("refuses other extensions, listing the accepted types", () => {
    expect(() => detectFormat("report.pdf", "")).toThrow(
      expect.objectContaining({
        code: "unsupported_type",
        message: expect.stringContaining(".txt, .md, .markdown, .html, .htm"),
      }),
    );
    expect(() => detectFormat("README", "text")).toThrow(expect.objectContaining({ code: "unsupported_type" }));
  });

  it("reads pasted text or a .txt that is really a saved web page as HTML", () => {
    expect(detectFormat(undefined, "<!DOCTYPE html><html><body>x</body></html>")).toBe("html");
    expect(detectFormat("saved.txt", "\n  <!-- saved --><html lang=en>")).toBe("html");
    expect(detectFormat(undefined, "Plain text that mentions <html> later")).toBe("text");
    expect(detectFormat("notes.md", "<html>")).toBe("markdown");
  });

  it("sniffs only a page that starts with a doctype or an html tag", () => {
    expect(looksLikeHtml("\uFEFF<!doctype html>")).toBe(true);
    expect(looksLikeHtml("<htmlish>")).toBe(false);
    expect(looksLikeHtml("<p>fragment</p>")).toBe(false);
  });
});
