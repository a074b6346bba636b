/**
 * Turns a DOM subtree into plain text that keeps its paragraph structure:
 * each block (paragraph, heading, list item…) becomes one paragraph and
 * paragraphs are separated by a blank line. Works on DOM nodes only, never on
 * HTML source, so markup can't leak into the text.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

// Never visible text, or not text at all.
const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "iframe", "object", "embed", "svg", "canvas", "select", "option", "textarea"]);

const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "html",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

// HTML collapses ASCII whitespace only; U+00A0 and friends are content.
const HTML_WHITESPACE = /[ \t\n\f\r]+/g;

interface Frame {
  node: Node;
  exit: boolean;
}

function cleanInline(buffer: string): string {
  return buffer
    .split("\n") // from <br>
    .map((line) => line.replace(/ {2,}/g, " ").replace(/^ | $/g, ""))
    .filter((line) => line !== "")
    .join("\n");
}

function preformatted(element: Element): string {
  return (element.textContent ?? "").replace(/^\n/, "").replace(/\s+$/, "");
}

/** Iterative walk, so deeply nested markup cannot overflow the call stack. */
export function blockText(root: Node): string {
  const blocks: string[] = [];
  let inline = "";
  const flush = (): void => {
    const text = cleanInline(inline);
    if (text !== "") blocks.push(text);
    inline = "";
  };

  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as Frame;
    if (exit) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      inline += (node.nodeValue ?? "").replace(HTML_WHITESPACE, " ");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const name = element.localName;
    if (SKIPPED.has(name) || element.hasAttribute("hidden")) continue;
    if (name === "br") {
      inline += "\n";
      continue;
    }
    if (name === "pre") {
      flush();
      const text = preformatted(element);
      if (text.trim() !== "") blocks.push(text);
      continue;
    }
    if (BLOCKS.has(name)) {
      flush();
      stack.push({ node, exit: true });
    }
    for (let child = node.lastChild; child !== null; child = child.previousSibling) {
      stack.push({ node: child, exit: false });
    }
  }
  flush();
  return blocks.join("\n\n");
}
