/**
 * What a page would make jsdom build, measured before jsdom builds it. jsdom pays O(depth) for
 * every node it inserts and recurses once per level: a 100 KB page of 20,000 nested <div>s
 * took a minute and a half of CPU and then overflowed the stack with a RangeError, and 10 KB of
 * `<p><b id=…></p>` (each paragraph re-opens every earlier <b>) builds 250,000 elements, minutes
 * of CPU (both found by fuzzing the import). Browsers bound the depth their parser builds
 * (Chromium's at 512); pages past that depth, or past an element count no article needs, are
 * refused with a clear message.
 *
 * The numbers come from parse5, the parser jsdom itself runs, with jsdom's options: the same
 * tree, so no markup trick (misnested formatting, foreign content, foster parenting) can look
 * small here and build big there. parse5 builds iteratively, and stops at the first node past a limit.
 */
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap, type TreeAdapter } from "parse5";
import { describeSource, ImportError } from "./errors";

/** Chromium's parser stops nesting at 512; no page a browser shows needs more. */
export const MAX_HTML_DEPTH = 512;
/** Long saved news pages build a few thousand elements; jsdom and Readability take ~18 s for this many (2 cores). */
export const MAX_HTML_NODES = 100_000;

export interface HtmlShape {
  /** Nesting depth of the element tree (the html element is 1); once a limit is passed, the deepest node so far. */
  depth: number;
  /** Nodes inserted while building it (elements, comments); once a limit is passed, the count so far. */
  nodes: number;
}

type ParentNode = DefaultTreeAdapterMap["parentNode"];
type ChildNode = DefaultTreeAdapterMap["childNode"];

/** Thrown inside the parse to stop it once a limit is passed. */
class PastLimit extends Error {}

/** Levels from the document down to `node`, counting at most `limit + 1`. */
function levelsAbove(node: ParentNode, limit: number): number {
  let levels = 0;
  for (let at: ParentNode | null = node; at !== null && "parentNode" in at && levels <= limit; at = at.parentNode) levels++;
  return levels;
}

/** parse5's own tree adapter, counting inserted nodes and stopping the parse past a limit. */
function boundedAdapter(limits: HtmlShape, shape: HtmlShape): TreeAdapter<DefaultTreeAdapterMap> {
  const guard = (parent: ParentNode): void => {
    shape.nodes++;
    shape.depth = Math.max(shape.depth, levelsAbove(parent, limits.depth) + 1);
    if (shape.nodes > limits.nodes || shape.depth > limits.depth) throw new PastLimit();
  };
  return {
    ...defaultTreeAdapter,
    appendChild(parent: ParentNode, child: ChildNode): void {
      guard(parent);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent: ParentNode, child: ChildNode, reference: ChildNode): void {
      guard(parent);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
  };
}

/** The deepest element of a parsed tree, counted without recursion; template contents included. */
function deepestElement(root: ParentNode): number {
  let deepest = 0;
  const stack: Array<{ node: ParentNode | ChildNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    const children = "childNodes" in node ? node.childNodes : [];
    const content = "content" in node ? node.content.childNodes : [];
    for (const child of [...children, ...content]) if ("tagName" in child) stack.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}

/** The shape of the tree jsdom would build from `html`, measured up to `limits`. */
export function htmlShape(html: string, limits: HtmlShape = { depth: MAX_HTML_DEPTH, nodes: MAX_HTML_NODES }): HtmlShape {
  const shape: HtmlShape = { depth: 0, nodes: 0 };
  try {
    // scriptingEnabled: false as in jsdom without runScripts, so <noscript> is parsed as markup.
    const document = parse(html, { scriptingEnabled: false, treeAdapter: boundedAdapter(limits, shape) });
    return { depth: deepestElement(document), nodes: shape.nodes };
  } catch (error) {
    if (error instanceof PastLimit) return shape;
    throw error;
  }
}

/** The page's depth, or an ImportError when it is deeper or larger than the limits. */
export function checkedHtmlDepth(html: string, fileName: string | undefined): number {
  const shape = htmlShape(html);
  const source = describeSource(fileName);
  const refuse = (why: string): ImportError =>
    new ImportError("too_complex", `${source} ${why}, so it cannot be read as HTML. Save the article's text as a .txt file and import that.`);
  if (shape.depth > MAX_HTML_DEPTH) throw refuse(`nests its markup more than ${MAX_HTML_DEPTH} levels deep, deeper than browsers build a page`);
  if (shape.nodes > MAX_HTML_NODES) throw refuse(`builds more than ${MAX_HTML_NODES.toLocaleString("en")} elements, far more than any article needs`);
  return shape.depth;
}
