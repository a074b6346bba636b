// Server-side drawing: Observable Plot builds an SVG element in a jsdom document and we send
// its markup. Plot sets every label with textContent, so an outlet or speaker name such as
// "<script>" is serialized as text (escaped), never as markup; keep it that way and never
// build SVG by string concatenation here.
import * as Plot from "@observablehq/plot";
import { JSDOM } from "jsdom";

let shared: Document | null = null;

/** One jsdom document for every chart: creating a window costs far more than drawing. */
export function chartDocument(): Document {
  shared ??= new JSDOM("").window.document;
  return shared;
}

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#000000"] as const;
/** For "not recorded": a neutral grey, so it never reads as a category of its own. */
export const UNSET_COLOR = "#d5d8de";

export const KIND_COLORS = { claim: "#0072b2", opinion: "#d55e00", quote: "#e69f00" } as const;

/** The i-th palette colour, cycling for long lists. */
export function paletteColor(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

export const CHART_WIDTH = 720;
const CHAR_WIDTH = 6.2; // px per character at Plot's 10px font: enough to size the left margin

/** A left margin wide enough for the longest label, within reason (long names are clipped). */
export function labelMargin(labels: string[], max = 180): number {
  const longest = labels.reduce((n, l) => Math.max(n, [...l].length), 0);
  return Math.min(max, Math.max(60, Math.ceil(longest * CHAR_WIDTH) + 14));
}

/** Axis tick labels: clipped with an ellipsis so a long name cannot push the chart out. */
export function clip(label: string, max = 28): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join("")}…`;
}

export interface SvgText {
  /** Read by screen readers as the image's name, and shown as a tooltip. */
  title: string;
  /** A sentence on what the chart shows; the table under it holds the numbers. */
  description: string;
}

/**
 * Draws a plot and returns its SVG markup, marked up as one image with a name: role="img",
 * aria-label, and <title>/<desc> as the first children. Plot's own <style> elements are dropped
 * (the page's stylesheet does the same job) so a strict style-src policy never blocks them.
 */
export function renderSvg(options: Plot.PlotOptions, text: SvgText): string {
  const document = chartDocument();
  const node = Plot.plot({ ...options, document, width: options.width ?? CHART_WIDTH });
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (svg === null) throw new Error("Plot drew no SVG.");
  for (const style of [...svg.querySelectorAll("style")]) style.remove();
  // Plot names each mark's <g> with aria-label. SVG-AAM maps a named <g> to a group, but ARIA
  // validators (axe-core's aria-prohibited-attr) read a <g> without a role as generic, where a
  // name is prohibited; saying role="group" states the mapping the name already implied.
  for (const g of [...svg.querySelectorAll("g[aria-label], g[aria-description]")]) if (!g.hasAttribute("role")) g.setAttribute("role", "group");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", text.title);
  svg.setAttribute("class", `${svg.getAttribute("class") ?? ""} chart-svg`.trim());
  const ns = "http://www.w3.org/2000/svg";
  const desc = document.createElementNS(ns, "desc");
  desc.textContent = text.description;
  const title = document.createElementNS(ns, "title");
  title.textContent = text.title;
  svg.prepend(title, desc);
  return svg.outerHTML;
}
