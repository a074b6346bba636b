import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { toIsoDate } from "./dates";
import { blockText } from "./html-blocks";
import { checkedHtmlDepth } from "./html-limits";
import { cleanByline, readPageMetadata } from "./page-metadata";

export interface HtmlArticle {
  title: string | null;
  text: string;
  author: string | null;
  /** YYYY-MM-DD, the day the page says it was published. */
  publishedAt: string | null;
  /** The outlet, as the page names itself (og:site_name, JSON-LD publisher). */
  siteName: string | null;
  /** The canonical address (link rel=canonical, else og:url), absolute. */
  url: string | null;
}

function orNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** jsdom only uses the URL to resolve links; a bad one must not fail the import. */
function usableUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

// Readability's scoring grows much faster than the page below this depth (a page of 400
// nested <div>s took it 13 s, 800 took a minute) and recurses past a few thousand. Real
// articles sit far shallower; deeper pages get the whole-body fallback, which is linear.
const MAX_ARTICLE_DEPTH = 128;

/** Readability's article, or null when it finds none or the page is too deep for it. */
function readArticle(document: Document, tooDeep: boolean): ReturnType<Readability<Node>["parse"]> {
  if (tooDeep) return null;
  // Readability rewrites the document it reads, so give it a copy and keep
  // the original for the fallback.
  const copy = document.cloneNode(true) as Document;
  return new Readability<Node>(copy, { serializer: (node) => node }).parse();
}

/**
 * Main article of a saved web page, as plain text with paragraphs separated
 * by blank lines. Falls back to the whole body when Readability finds no
 * article. jsdom's defaults matter here: scripts are never run and no
 * subresource is fetched, so importing a hostile page is inert. A page nested
 * deeper or larger than jsdom can build in reasonable time is refused (ImportError
 * "too_complex", naming `fileName`).
 */
export function extractHtmlArticle(html: string, url?: string, fileName?: string): HtmlArticle {
  const tooDeepForReadability = checkedHtmlDepth(html, fileName) > MAX_ARTICLE_DEPTH;
  // A silent console: pages routinely contain CSS jsdom can't parse.
  const dom = new JSDOM(html, { url: usableUrl(url), virtualConsole: new VirtualConsole() });
  try {
    const document = dom.window.document;
    // From the original page: Readability only ever sees (and rewrites) a copy.
    const meta = readPageMetadata(document, usableUrl(url));
    const article = readArticle(document, tooDeepForReadability);
    const articleText = article?.content ? blockText(article.content) : "";
    const text = articleText !== "" ? articleText : blockText(document.body);
    return {
      title: orNull(article?.title) ?? meta.headline ?? orNull(document.title),
      text,
      author: meta.author ?? cleanByline(article?.byline),
      publishedAt: meta.publishedAt ?? toIsoDate(article?.publishedTime),
      siteName: meta.siteName ?? orNull(article?.siteName),
      url: meta.url,
    };
  } finally {
    dom.window.close();
  }
}
