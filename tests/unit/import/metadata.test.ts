import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { extractHtmlArticle, prepareDocument, readPageMetadata, toIsoDate } from "../../../lib/import";

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const metadataOf = (html: string, base?: string) => readPageMetadata(new JSDOM(html).window.document, base);

describe("page metadata from Open Graph and article tags", () => {
  const page = extractHtmlArticle(fixture("og-article.html"));

  it("takes the outlet from og:site_name and the author from the author meta tag", () => {
    expect(page.siteName).toBe("Northgate Courier");
    expect(page.author).toBe("Priya Fictional");
  });

  it("keeps the publication day the outlet gives, without shifting it to UTC", () => {
    // 23:45 at UTC-5 is already the next day in UTC; the outlet published on the 30th.
    expect(page.publishedAt).toBe("2025-06-30");
  });

  it("prefers the canonical link, resolved against the page address, over og:url", () => {
    expect(extractHtmlArticle(fixture("og-article.html"), "https://northgate-courier.test/saved").url).toBe(
      "https://northgate-courier.test/2025/06/30/harbour-levy",
    );
    // Without an address the relative canonical cannot be resolved, so og:url is used.
    expect(page.url).toBe("https://northgate-courier.test/og-address");
  });

  it("takes the page's own headline (og:title) rather than the <title> with the site name appended", () => {
    expect(page.title).toBe("Harbour levy passes after a long night");
    expect(page.text).not.toContain("HARBOUR-NAV");
  });

  it("ignores an article:author that is a profile address", () => {
    const meta = metadataOf('<head><meta property="article:author" content="https://social.test/x"></head>');
    expect(meta.author).toBeNull();
    const named = metadataOf('<head><meta property="article:author" content="Sam Person"></head>');
    expect(named.author).toBe("Sam Person");
  });

  it("strips a printed 'By' from the author", () => {
    expect(metadataOf('<head><meta name="author" content="By  Dana Example"></head>').author).toBe("Dana Example");
  });
});

describe("page metadata from schema.org JSON-LD", () => {
  const meta = metadataOf(fixture("jsonld-article.html"));

  it("reads publisher, authors, date, address and headline from the article in a @graph, skipping a broken block", () => {
    expect(meta).toEqual({
      siteName: "Riverside Ledger",
      author: "Ola Invented, Ben Madeup",
      publishedAt: "2024-11-02",
      url: "https://riverside-ledger.test/news/bridge",
      headline: "Bridge closure extended by two weeks",
    });
  });

  it("gives nulls for a page that says nothing about itself", () => {
    expect(metadataOf("<html><head><title>x</title></head><body><p>Text</p></body></html>")).toEqual({
      siteName: null,
      author: null,
      publishedAt: null,
      url: null,
      headline: null,
    });
  });

  it("refuses addresses that are not http(s)", () => {
    expect(metadataOf('<head><link rel="canonical" href="javascript:alert(1)"></head>').url).toBeNull();
  });
});

describe("prepareDocument reports what the file says", () => {
  it("for HTML: title, outlet, author, day and address", () => {
    const doc = prepareDocument({ fileName: "courier.html", text: fixture("og-article.html") });
    expect(doc.found).toEqual({
      title: "Harbour levy passes after a long night",
      outlet: "Northgate Courier",
      author: "Priya Fictional",
      publishedAt: "2025-06-30",
      url: "https://northgate-courier.test/og-address",
    });
  });

  it("for Markdown: only its # heading", () => {
    const doc = prepareDocument({ fileName: "brief.md", text: "# Ministers meet\n\nBody text." });
    expect(doc.found).toEqual({ title: "Ministers meet", outlet: null, author: null, publishedAt: null, url: null });
  });

  it("keeps the file's title in `found` when a title is given", () => {
    const doc = prepareDocument({ fileName: "a.txt", text: "Found line\nbody", title: "Given" });
    expect(doc.title).toBe("Given");
    expect(doc.found.title).toBe("Found line");
  });
});

describe("toIsoDate", () => {
  it.each([
    ["2024-03-05T09:30:00Z", "2024-03-05"],
    ["2024-03-05", "2024-03-05"],
    [" 2024/3/5 10:00", "2024-03-05"],
    ["2024-12-31T23:59:59+14:00", "2024-12-31"],
  ])("reads the day of %s", (raw, day) => {
    expect(toIsoDate(raw)).toBe(day);
  });

  it.each(["2024-02-30", "2023-13-01", "March 5, 2024", "", "20240305", "2024-03-051"])("refuses %j", (raw) => {
    expect(toIsoDate(raw)).toBeNull();
  });

  it("accepts a leap day only in a leap year", () => {
    expect(toIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(toIsoDate("2023-02-29")).toBeNull();
  });
});
