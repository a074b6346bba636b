// Fuzzing the import of saved web pages: random tag soup with metadata of every wrong type,
// and deeply nested pages built the ways HTML lets markup nest (plain nesting, formatting
// elements the parser re-opens, tables, foreign content). The import returns a document or
// its own typed refusal; a page too deep for the parser is refused before jsdom parses it.
import fc from "fast-check";
import { JSDOM, VirtualConsole } from "jsdom";
import { describe, expect, it } from "vitest";
import { ImportError, prepareDocument } from "@/lib/import";
import { htmlShape, MAX_HTML_DEPTH, MAX_HTML_NODES } from "@/lib/import/html-limits";
import { fuzz } from "../../fuzz-seed";
import { htmlPage, SCRIPT_MARKER, SHOWS_RAW_TEXT } from "./html-arbitraries";
import { importOrRefuse } from "./import-checks";

const HERE = import.meta.url;
const TIMEOUT = 120_000;
// jsdom itself is compared only on pages it builds quickly.
const JSDOM_CHECKED_NODES = 2_000;

/** The depth of the element tree jsdom builds, counted without recursion (html is 1). */
function jsdomDepth(html: string): number {
  const dom = new JSDOM(html, { virtualConsole: new VirtualConsole() });
  let deepest = 0;
  const stack: Array<[Element, number]> = [[dom.window.document.documentElement, 1]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    const content = element.localName === "template" ? (element as HTMLTemplateElement).content.children : [];
    for (const child of [...element.children, ...content]) stack.push([child, depth + 1]);
  }
  dom.window.close();
  return deepest;
}

// Ways markup nests, each repeated `times`: the parser builds about one level (or more) per repeat.
const NESTINGS = [
  (i: number) => `<div class="c${i % 3}">`,
  (i: number) => `<p><b id="b${i}"></p>`, // each paragraph re-opens every earlier <b>
  () => "<table><tr><td>",
  () => "<div><svg><foreignObject>",
  () => "<span/>",
  () => "<li><ul>",
  (i: number) => `<font face="f${i}">`,
] as const;

const nestedPage = fc
  .tuple(
    fc.nat({ max: NESTINGS.length - 1 }),
    fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 600 }) }, { weight: 1, arbitrary: fc.integer({ min: 600, max: 30_000 }) }),
    fc.boolean(),
  )
  .map(([kind, times, closed]) => {
    const open = Array.from({ length: times }, (_, i) => NESTINGS[kind]!(i)).join("");
    return `<!DOCTYPE html><title>Deep</title><body>${open}<p>The text.</p>${closed ? "</div>".repeat(times) : ""}`;
  });

describe("HTML import of random pages", () => {
  it(
    "random pages import as a document or are refused with an ImportError, and script or style content never reaches the text",
    async () => {
      await fuzz(
        "importHtml",
        fc.property(htmlPage, fc.constantFrom("page.html", "page.htm", "saved.txt", undefined), (html, fileName) => {
          const doc = importOrRefuse({ text: html, fileName });
          if (doc !== null && !SHOWS_RAW_TEXT.test(html)) expect(doc.text).not.toContain(SCRIPT_MARKER);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  it(
    "the depth measured before parsing is the depth jsdom builds, and a page past the depth or size limit is refused before jsdom parses it",
    async () => {
      await fuzz(
        "markupDepthBound",
        fc.property(nestedPage, (html) => {
          const shape = htmlShape(html);
          const tooComplex = shape.depth > MAX_HTML_DEPTH || shape.nodes > MAX_HTML_NODES;
          if (!tooComplex && shape.nodes <= JSDOM_CHECKED_NODES) {
            // parse5's tree is jsdom's tree: the depth measured before parsing is the one jsdom builds.
            expect(shape.depth).toBe(jsdomDepth(html));
            // Deeper than Readability is given, within the limits: imported from the whole body.
            if (shape.depth > 128) importOrRefuse({ text: html, fileName: "deep.html" });
          }
          if (!tooComplex) return;
          const refusal = (() => {
            try {
              prepareDocument({ text: html, fileName: "deep.html" });
            } catch (error) {
              return error;
            }
            return null;
          })();
          expect(refusal).toBeInstanceOf(ImportError);
          expect((refusal as ImportError).code).toBe("too_complex");
          expect((refusal as ImportError).message).toContain("deep.html");
        }),
        HERE,
      );
    },
    TIMEOUT,
  );

  // The inputs that broke the import before the limits (each took jsdom minutes, then a RangeError or a batch lost to a 500).
  it.each([
    ["20,000 nested <div>s", `<title>Deep</title>${"<div>".repeat(20_000)}x`],
    ["20,000 paragraphs each re-opening every earlier <b>", `<title>Deep</title>${Array.from({ length: 20_000 }, (_, i) => `<p><b id=${i}></p>`).join("")}x`],
  ])("found by fuzzing: %s is refused as too complex, at once", (_, html) => {
    expect(() => prepareDocument({ text: html, fileName: "deep.html" })).toThrow(
      expect.objectContaining({ name: "ImportError", code: "too_complex", message: expect.stringContaining("deep.html") }),
    );
  });
});
