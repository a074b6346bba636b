// The guidelines renderer as the pages use it (app/markdown.tsx), rendered to static markup with
// react-dom/server and read back with a real HTML parser.
import { JSDOM } from "jsdom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/app/markdown";
import { linkProps } from "@/lib/guidelines/markdown";

function render(source: string): Document {
  return new JSDOM(`<body>${renderToStaticMarkup(createElement(Markdown, { source }))}</body>`).window.document;
}

const HOSTILE = [
  "<script>window.pwned = 1</script>",
  '<img src="x" onerror="window.pwned = 1">',
  "[click me](javascript:window.pwned=1)",
  "[mixed case](JaVaScRiPt:alert(1))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<a href="javascript:alert(1)">raw link</a>',
  '<iframe src="https://example.com"></iframe>',
  '<div style="position:fixed;inset:0" onclick="alert(1)">cover</div>',
  "<svg><script>alert(1)</script></svg>",
  '<form action="https://example.com"><button>Send</button></form>',
  "<style>body { display: none }</style>",
  "![pixel](https://tracker.example/p.gif)",
].join("\n\n");

describe("guidelines rendered as Markdown", () => {
  it("renders headings (under the page's own), lists, emphasis, links, tables, code and task lists", () => {
    const doc = render(
      "# Quotes\n\nTag **only** the _quoted_ words, see [the style guide](https://example.org/style).\n\n" +
        "1. Find the cue\n2. Tag the content\n\n| Cue | Mode |\n| --- | --- |\n| said | direct |\n\n" +
        "Use `speaker_text` verbatim.\n\n```\nquote: direct\n```\n\n- [x] read\n- [ ] tag\n\n~~old rule~~",
    );
    expect(doc.querySelector("h3")?.textContent).toBe("Quotes");
    expect(doc.querySelector("h1, h2")).toBeNull();
    expect(doc.querySelector("strong")?.textContent).toBe("only");
    expect(doc.querySelector("em")?.textContent).toBe("quoted");
    expect([...doc.querySelectorAll("ol > li")].map((li) => li.textContent)).toEqual(["Find the cue", "Tag the content"]);
    expect([...doc.querySelectorAll("table td")].map((td) => td.textContent)).toEqual(["said", "direct"]);
    expect(doc.querySelector("table")?.parentElement?.getAttribute("tabindex")).toBe("0");
    expect(doc.querySelector("p code")?.textContent).toBe("speaker_text");
    expect(doc.querySelector("pre code")?.textContent).toBe("quote: direct\n");
    expect(doc.querySelector("del")?.textContent).toBe("old rule");
    const boxes = [...doc.querySelectorAll("input[type=checkbox]")];
    expect(boxes.map((b) => [b.hasAttribute("checked"), b.hasAttribute("disabled"), b.getAttribute("aria-label")])).toEqual([
      [true, true, "Done"],
      [false, true, "Not done"],
    ]);
  });

  it("opens outside links in a new tab without giving the page a handle on this one, and keeps inside links in place", () => {
    const doc = render("[outside](https://example.org/a) [inside](/projects/1/team) [mail](mailto:desk@example.org)");
    const [outside, inside, mail] = [...doc.querySelectorAll("a")];
    expect(outside!.getAttribute("target")).toBe("_blank");
    expect(outside!.getAttribute("rel")).toBe("noopener noreferrer");
    expect(outside!.textContent).toBe("outside (opens in a new tab)");
    expect(inside!.getAttribute("href")).toBe("/projects/1/team");
    expect(inside!.hasAttribute("target")).toBe(false);
    expect(mail!.getAttribute("href")).toBe("mailto:desk@example.org");
    expect(mail!.hasAttribute("target")).toBe(false);
  });

  it("makes a hostile guideline inert: no script, no handler, no frame, no form, no style, no javascript: or data: link, no loaded image", () => {
    const doc = render(HOSTILE);
    expect(doc.querySelectorAll("script, iframe, img, svg, form, button, style, object, embed").length).toBe(0);
    const attributes = [...doc.querySelectorAll("*")].flatMap((el) => [...el.attributes]);
    expect(attributes.filter((a) => a.name.startsWith("on") || a.name === "style")).toEqual([]);
    const hrefs = [...doc.querySelectorAll("[href]")].map((el) => el.getAttribute("href")!);
    expect(hrefs.filter((h) => !/^(https?:|mailto:|#|\/)/.test(h))).toEqual([]);
    // The javascript: and data: links keep their words, as plain text.
    for (const text of ["click me", "mixed case", "data"]) {
      expect(doc.body.textContent).toContain(text);
      expect([...doc.querySelectorAll("a")].find((a) => a.textContent === text)).toBeUndefined();
    }
    // The image is offered as a link to it, never fetched by the page.
    expect([...doc.querySelectorAll("a")].find((a) => a.textContent?.startsWith("Image: pixel"))?.getAttribute("href")).toBe("https://tracker.example/p.gif");
  });

  it("prefixes ids so a guideline cannot shadow a global, and its footnote links still land", () => {
    const doc = render("See the rule.[^location]\n\n[^location]: Where the quote was said.\n\n[jump](#rules)");
    const ids = [...doc.querySelectorAll("[id]")].map((el) => el.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith("user-content-") && !id.startsWith("user-content-user-content-"))).toBe(true);
    for (const link of doc.querySelectorAll<HTMLAnchorElement>("a[data-footnote-ref], a[data-footnote-backref]")) {
      expect(doc.getElementById(link.getAttribute("href")!.slice(1))).not.toBeNull();
    }
    expect(doc.querySelectorAll("a[data-footnote-ref], a[data-footnote-backref]").length).toBe(2);
    expect([...doc.querySelectorAll("a")].find((a) => a.textContent === "jump")?.getAttribute("href")).toBe("#user-content-rules");
  });
});

describe("where a guideline's link goes", () => {
  it.each([
    ["https://example.org", { href: "https://example.org", target: "_blank", rel: "noopener noreferrer", external: true }],
    ["HTTP://EXAMPLE.ORG", { href: "HTTP://EXAMPLE.ORG", target: "_blank", rel: "noopener noreferrer", external: true }],
    ["/projects/2", { href: "/projects/2", external: false }],
    ["#fn-1", { href: "#user-content-fn-1", external: false }],
    ["#user-content-fn-1", { href: "#user-content-fn-1", external: false }],
    ["", { external: false }],
    [undefined, { external: false }],
  ])("%s", (href, expected) => {
    expect(linkProps(href)).toEqual(expected);
  });
});
