/**
 * What a saved web page says about itself: outlet, author, publication day, canonical address
 * and headline, read from Open Graph and article meta tags, <link rel=canonical> and schema.org
 * JSON-LD. Only attributes and JSON are read (never scripts run), and every value is optional:
 * a page that says nothing gives nulls, which the person importing fills in.
 */
import { toIsoDate } from "./dates";

export interface PageMetadata {
  siteName: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  /** Absolute http(s) address only. */
  url: string | null;
  headline: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage|NewsArticle/;

function clean(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.replace(/\s+/g, " ").trim();
  return text === "" ? null : text;
}

/** Content of the first meta tag whose name or property is one of `keys` (any letter case). */
function metaContent(document: Document, keys: string[]): string | null {
  const metas = Array.from(document.querySelectorAll("meta"));
  for (const key of keys) {
    for (const meta of metas) {
      const id = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop") ?? "").toLowerCase();
      const content = id === key ? clean(meta.getAttribute("content")) : null;
      if (content !== null) return content;
    }
  }
  return null;
}

function flatten(value: unknown, into: Json[]): void {
  if (Array.isArray(value)) value.forEach((v) => flatten(v, into));
  else if (value !== null && typeof value === "object") {
    const object = value as Json;
    into.push(object);
    if (object["@graph"] !== undefined) flatten(object["@graph"], into);
  }
}

/** The first schema.org article-like object among the page's JSON-LD blocks, if any. */
function jsonLdArticle(document: Document): Json | null {
  const objects: Json[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      flatten(JSON.parse(script.textContent ?? ""), objects);
    } catch {
      // A malformed block is ignored like any other page noise.
    }
  }
  const typeOf = (o: Json): string => [o["@type"]].flat().join(" ");
  return objects.find((o) => ARTICLE_TYPES.test(typeOf(o))) ?? null;
}

function names(value: unknown): string | null {
  const list = [value].flat().map((v) => (typeof v === "string" ? clean(v) : clean((v as Json | null)?.name)));
  const found = list.filter((v): v is string => v !== null);
  return found.length === 0 ? null : found.join(", ");
}

/** Facebook-style article:author values are profile URLs, not names. */
function notAnAddress(value: string | null): string | null {
  return value !== null && /^https?:\/\//i.test(value) ? null : value;
}

/** "By Dana Example" as bylines print it; the name is what is stored. */
export function cleanByline(raw: string | null | undefined): string | null {
  const text = clean(raw);
  return text === null ? null : clean(text.replace(/^by\s+/i, ""));
}

function absoluteUrl(raw: string | null, base: string | undefined): string | null {
  if (raw === null) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function canonicalUrl(document: Document, ld: Json | null, base: string | undefined): string | null {
  const link = Array.from(document.querySelectorAll("link[rel]")).find((l) => /(^|\s)canonical(\s|$)/i.test(l.getAttribute("rel") ?? ""));
  return absoluteUrl(clean(link?.getAttribute("href")), base) ?? absoluteUrl(metaContent(document, ["og:url"]), base) ?? absoluteUrl(clean(ld?.url), base);
}

export function readPageMetadata(document: Document, base?: string): PageMetadata {
  const ld = jsonLdArticle(document);
  const publisher = ld?.publisher as Json | undefined;
  const timeElement = document.querySelector("article time[datetime], time[pubdate][datetime]");
  const rawDates = [
    metaContent(document, ["article:published_time", "datepublished"]),
    clean(ld?.datePublished),
    metaContent(document, ["pubdate", "publishdate", "publish-date", "date", "dc.date", "dcterms.date"]),
    clean(timeElement?.getAttribute("datetime")),
  ];
  return {
    siteName: metaContent(document, ["og:site_name"]) ?? names(publisher) ?? metaContent(document, ["publisher", "application-name"]),
    author: cleanByline(metaContent(document, ["author"]) ?? notAnAddress(metaContent(document, ["article:author"])) ?? names(ld?.author)),
    publishedAt: rawDates.map(toIsoDate).find((d) => d !== null) ?? null,
    url: canonicalUrl(document, ld, base),
    headline: clean(ld?.headline) ?? metaContent(document, ["og:title"]),
  };
}
