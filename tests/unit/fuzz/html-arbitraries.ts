// Random web pages for the import fuzz properties: tag soup with misnested and unclosed tags,
// foreign content, tables, templates, raw-text elements, broken comments and entities, and
// the metadata the import reads (meta tags, canonical links, JSON-LD) with values of every
// wrong type. Script and style content carries a marker that must never reach the text.
import fc from "fast-check";
import { wellFormedText } from "./arbitraries";

export const SCRIPT_MARKER = "SCRIPT\u2063MARKER";

// One string, split: sixty tag names laid out one per line would be most of the file.
const TAGS = (
  "div p span b i a font em strong table tbody tr td th caption ul ol li dl dt dd h1 h2 h3 article section header footer nav " +
  "main aside blockquote pre code select option form button template svg math foreignObject path mi noscript object frameset " +
  "frame body head html br hr img time figure figcaption center marquee nobr ruby rt details"
).split(" ");

const ATTRIBUTE_NAMES = 'class id hidden href rel property name content datetime itemprop type style lang dir pubdate x"y = on'.split(" ");

const ATTRIBUTE_VALUES = fc.oneof(
  wellFormedText,
  fc.constantFrom(
    "canonical",
    "og:site_name",
    "og:title",
    "og:url",
    "author",
    "article:author",
    "article:published_time",
    "datePublished",
    "application/ld+json",
    "2024-02-30",
    "2024-03-05T23:30:00-05:00",
    "9999-99-99",
    "https://ledger.example/a",
    "//evil.example",
    "javascript:alert(1)",
    "http://[::1",
    "By Dana",
    "",
  ),
);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

const attribute: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...ATTRIBUTE_NAMES), ATTRIBUTE_VALUES, fc.constantFrom("double", "single", "bare", "none", "broken"))
  .map(([name, value, quoting]) => {
    if (quoting === "none") return name;
    if (quoting === "bare") return `${name}=${value.replace(/[\s>]/g, "")}`;
    if (quoting === "single") return `${name}='${value.replace(/'/g, "&#39;")}'`;
    if (quoting === "broken") return `${name}="${value}`;
    return `${name}="${escapeAttribute(value)}"`;
  });

const attributes = fc.array(attribute, { maxLength: 3 }).map((list) => list.map((a) => ` ${a}`).join(""));

const entity = fc.constantFrom("&amp;", "&lt;", "&nbsp;", "&nbsp", "&#x1F600;", "&#xD800;", "&#0;", "&#99999999;", "&bogus;", "&#", "&");

const oddMarkup = fc.constantFrom(
  "<!-- a comment -->",
  "<!-->",
  "<!--->",
  "<!-- unterminated",
  "--!>",
  "<![CDATA[x<y]]>",
  "<!doctype html>",
  '<?xml version="1.0"?>',
  "<",
  "</",
  "</>",
  "< div>",
  "</ div>",
  "<div/>",
  "<p/>",
  "<br/>",
  "</br>",
  "</p>",
  "</div>",
  "</table>",
  "</body>",
  "</html>",
  "<plaintext>",
);

const script = fc.constantFrom("script", "style", "noscript").map((tag) => `<${tag}>var x = "${SCRIPT_MARKER}"; x < 1 && x > 2;</${tag}>`);

const jsonLd = fc
  .record(
    {
      "@type": fc.oneof(fc.constantFrom("NewsArticle", "Article", "WebPage", ["BlogPosting", "Thing"]), fc.jsonValue({ maxDepth: 2 })),
      headline: fc.jsonValue({ maxDepth: 2 }),
      author: fc.oneof(fc.constant({ name: "Dana Example" }), fc.jsonValue({ maxDepth: 3 })),
      publisher: fc.oneof(fc.constant({ name: "The Ledger" }), fc.jsonValue({ maxDepth: 3 })),
      datePublished: fc.oneof(fc.constantFrom("2024-03-05", "2024-13-45", "March 5"), fc.jsonValue({ maxDepth: 1 })),
      url: fc.jsonValue({ maxDepth: 1 }),
      "@graph": fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  )
  .chain((object) => fc.constantFrom(JSON.stringify(object), JSON.stringify([object]), `${JSON.stringify(object).slice(0, 12)}`))
  .map((json) => `<script type="application/ld+json">${json.replace(/</g, "\\u003c")}</script>`);

const meta = fc
  .tuple(
    fc.constantFrom("property", "name", "itemprop"),
    fc.constantFrom("og:site_name", "og:title", "og:url", "author", "article:author", "article:published_time", "pubdate", "dc.date"),
    ATTRIBUTE_VALUES,
  )
  .map(([key, name, value]) => `<meta ${key}="${name}" content="${escapeAttribute(value)}">`);

const textContent = fc.oneof({ weight: 3, arbitrary: wellFormedText.map((t) => t.replace(/</g, "&lt;")) }, { weight: 1, arbitrary: wellFormedText });

const { node } = fc.letrec<{ node: string; children: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 4, arbitrary: textContent },
    { weight: 1, arbitrary: entity },
    { weight: 1, arbitrary: oddMarkup },
    { weight: 1, arbitrary: script },
    { weight: 1, arbitrary: meta },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...TAGS), attributes, tie("children"), fc.constantFrom("close", "close", "open", "misnest"))
        .map(([tag, attrs, children, end]) => `<${tag}${attrs}>${children}${end === "close" ? `</${tag}>` : end === "misnest" ? "</b></div>" : ""}`),
    },
  ),
  children: fc.array(tie("node"), { maxLength: 4 }).map((nodes) => nodes.join("")),
}));

/** A whole page: an optional head with title, metadata and JSON-LD, then a body of tag soup. */
export const htmlPage: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.option(textContent, { nil: undefined }),
    fc.array(fc.oneof(meta, jsonLd, fc.constant('<link rel="canonical" href="/a/b">')), { maxLength: 3 }),
    fc.array(node, { maxLength: 6 }),
  )
  .map(([doctype, title, head, body]) => {
    const titleTag = title === undefined ? "" : `<title>${title}</title>`;
    return `${doctype ? "<!DOCTYPE html>" : ""}<html><head>${titleTag}${head.join("")}</head><body>${body.join("")}</body></html>`;
  });

/** Raw text the HTML tokenizer shows as text, so markup inside it (a marker included) is content. */
export const SHOWS_RAW_TEXT = /<(plaintext|xmp|noembed|noframes)/i;
