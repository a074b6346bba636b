import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractHtmlArticle } from "../../../lib/import";

const articleHtml = readFileSync(new URL("../../fixtures/import/article.html", import.meta.url), "utf8");

describe("extractHtmlArticle", () => {
  const article = extractHtmlArticle(articleHtml, "https://ledger.example/world/militias");

  it("extracts only the article text, without scripts, styles, navigation or footer", () => {
    for (const leaked of ["SCRIPT-TEXT", "INLINE-SCRIPT", "NAV-TEXT", "font-family", "All rights reserved", "Subscribe"]) {
      expect(article.text).not.toContain(leaked);
    }
    expect(article.text).toContain("Armed groups aligned with a neighbouring government");
    expect(article.text).toContain("declined to say whether the checkpoints were legal.");
  });

  it("keeps paragraphs, headings and list items as paragraphs separated by blank lines", () => {
    const paragraphs = article.text.split("\n\n");
    expect(paragraphs).toContain("Reaction in the capital");
    expect(paragraphs).toContain("Three checkpoints were added on the northern highway.");
    expect(paragraphs).toContain("Two more were reported near the airport road.");
    expect(paragraphs).toContainEqual(expect.stringMatching(/^“We have asked .* end of the month\.$/));
    // Source line breaks inside a <p> are collapsed, not kept.
    expect(article.text).toContain("on the highway north of the capital");
  });

  it("reads the page metadata", () => {
    expect(article.title).toMatch(/Militias Gain Ground Near Baghdad/);
    expect(article.author).toBe("Dana Example");
    expect(article.publishedAt).toBe("2024-03-05");
    expect(article.siteName).toBe("The Example Ledger");
  });

  it("falls back to the body text, block by block, when there is no article", () => {
    const page = extractHtmlArticle(
      "<html><head><title>Short</title><style>p{}</style></head>" +
        "<body><div>First block</div><div>Second <b>bold</b> block<br>next line</div>" +
        "<script>alert('x')</script></body></html>",
    );
    expect(page.text).toBe("First block\n\nSecond bold block\nnext line");
    expect(page.title).toBe("Short");
    expect(page.author).toBeNull();
    expect(page.siteName).toBeNull();
    expect(page.publishedAt).toBeNull();
    expect(page.url).toBeNull();
  });

  it("keeps non-breaking spaces and preformatted line breaks", () => {
    const page = extractHtmlArticle("<body><p>10&nbsp;km</p><pre>line 1\n  line 2</pre></body>");
    expect(page.text).toBe("10\u00a0km\n\nline 1\n  line 2");
  });

  it("ignores a URL it cannot use instead of failing", () => {
    expect(extractHtmlArticle("<p>Text</p>", "not a url").text).toBe("Text");
  });

  it("returns empty text for a page with nothing but scripts", () => {
    expect(extractHtmlArticle("<html><body><script>x()</script></body></html>").text).toBe("");
  });
});
