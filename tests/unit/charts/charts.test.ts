// Each chart drawn from a hand-counted story: the marks match the data points, the names are
// there and escaped, the SVG is one named image, and the table under it is the chart's numbers.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { compare } from "@/lib/compare";
import { comparisonCharts, timelineCharts, type Chart } from "@/lib/charts";
import { comparisonTables } from "@/lib/compare";
import { SCRIPT_NAME, storyInput } from "./fixture";

const input = storyInput();
const charts = comparisonCharts(compare(input), input);
const byKey = (key: string): Chart => {
  const chart = [...charts.figures, ...charts.perspective, ...charts.timelines].find((c) => c.key === key);
  if (chart === undefined) throw new Error(`no chart ${key}`);
  return chart;
};

function parse(chart: Chart): SVGSVGElement {
  expect(chart.svg).not.toBeNull();
  const svg = JSDOM.fragment(chart.svg!).firstElementChild as SVGSVGElement | null;
  expect(svg?.tagName.toLowerCase()).toBe("svg");
  return svg!;
}

/** The drawn elements of the marks whose <g> has this aria-label (Plot names each mark's group). */
function marks(svg: SVGSVGElement, label: string, element: string): Element[] {
  return [...svg.querySelectorAll(`g[aria-label="${label}"]`)].flatMap((g) => [...g.querySelectorAll(element)]);
}

function described(svg: SVGSVGElement, description: string, element: string): Element[] {
  return [...svg.querySelectorAll(`g[aria-description="${description}"]`)].flatMap((g) => [...g.querySelectorAll(element)]);
}

const cell = (chart: Chart, outlet: string, key: string): unknown => {
  const at = chart.table.columns.findIndex((c) => c.key === key);
  return chart.table.rows.find((r) => r[0] === outlet)?.[at];
};

describe("every chart", () => {
  it("is one image named by its title, with a <title> and <desc> first and no inline <style>", () => {
    for (const chart of [...charts.figures, ...charts.timelines, charts.perspective[0]!]) {
      const svg = parse(chart);
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toBe(chart.title);
      expect(svg.children[0]!.tagName).toBe("title");
      expect(svg.children[0]!.textContent).toBe(chart.title);
      expect(svg.children[1]!.tagName).toBe("desc");
      expect(svg.querySelector("style")).toBeNull();
    }
  });

  it("writes a name that is markup as escaped text: no element is made from it", () => {
    for (const chart of [...charts.figures, ...charts.timelines, charts.perspective[0]!]) {
      if (chart.svg === null) continue;
      expect(chart.svg).not.toMatch(/<script/i);
      const svg = parse(chart);
      expect(svg.querySelector("script")).toBeNull();
    }
    // The full name survives in the tooltips and the table; the axis label is clipped.
    const density = byKey("density");
    expect(density.svg).toContain("Daily &lt;script&gt;alert(1)&lt;/script&gt;");
    expect([...parse(density).querySelectorAll("title")].some((t) => t.textContent?.startsWith(SCRIPT_NAME))).toBe(true);
    expect(density.table.rows[0]![0]).toBe(SCRIPT_NAME);
  });
});

describe("densities per outlet", () => {
  const chart = byKey("density");
  it("draws one bar per outlet and kind with a density (3 outlets × 3 kinds)", () => {
    expect(marks(parse(chart), "bar", "rect")).toHaveLength(9);
  });
  it("labels each outlet on the axis and tables the hand-counted densities", () => {
    const labels = [...parse(chart).querySelectorAll('g[aria-label="fy-axis tick label"] text')].map((t) => t.textContent);
    expect(labels).toEqual(["Daily <script>alert(1)</scr…", "Wire Two", "No outlet"]);
    expect(cell(chart, SCRIPT_NAME, "claims_per_1000")).toBe(10); // 2 claims in 200 words
    expect(cell(chart, SCRIPT_NAME, "opinions_per_1000")).toBe(5);
    expect(cell(chart, "Wire Two", "quotes_per_1000")).toBe(10); // 1 quote in 100 words
    expect(cell(chart, "No outlet", "claims")).toBe(0.5); // one of two pooled reviewers' claims
  });
});

describe("stacked mixes", () => {
  it("voice: a quoted and an own segment per outlet with text (6), as shares of the bar", () => {
    const chart = byKey("voice");
    const rects = marks(parse(chart), "bar", "rect");
    // "No outlet" has no quote, so its bar has only the own segment: 2 + 2 + 1.
    expect(rects).toHaveLength(5);
    expect(cell(chart, SCRIPT_NAME, "quoted_share")).toBe(0.15); // 150 of 1000 characters
    expect(chart.legend.map((l) => l.label)).toEqual(["In attributed quotes", "The outlet's own words"]);
  });

  it("sourcing: one segment per outlet and speaker type that occurs, and no column of zeros", () => {
    const chart = byKey("sourcing");
    expect(marks(parse(chart), "bar", "rect")).toHaveLength(3);
    expect(chart.table.columns.map((c) => c.key)).toEqual(["outlet", "quotes", "speaker_named_person", "speaker_unnamed_person"]);
    expect(chart.legend.map((l) => l.label)).toEqual(["Named person", "Unnamed person"]);
  });

  it("named vs unnamed: shares per outlet", () => {
    const chart = byKey("named");
    expect(marks(parse(chart), "bar", "rect")).toHaveLength(3);
    expect(cell(chart, SCRIPT_NAME, "named_share")).toBe(0.5);
    expect(cell(chart, "No outlet", "named_share")).toBeNull();
  });

  it("opinions: holder, sentiment and bias as three panels", () => {
    const chart = byKey("opinions");
    const svg = parse(chart);
    expect(marks(svg, "bar", "rect")).toHaveLength(3); // one opinion, one segment per panel
    const panels = [...svg.querySelectorAll('g[aria-label="fx-axis tick label"] text')].map((t) => t.textContent);
    expect(panels).toEqual(["Holder", "Sentiment", "Bias"]);
    expect(chart.legend.map((l) => l.label)).toEqual(["Held by the author", "Sentiment -1", "Lexical bias"]);
  });

  it("certainty: the claims of each outlet by certainty, a pooled half included", () => {
    const chart = byKey("certainty");
    expect(marks(parse(chart), "bar", "rect")).toHaveLength(4);
    expect(cell(chart, "No outlet", "certainty_unset")).toBe(0.5);
  });

  it("re-published: the share of Wire Two taken from the script-named outlet", () => {
    const chart = byKey("republished");
    const rects = marks(parse(chart), "bar", "rect");
    expect(rects).toHaveLength(1);
    expect(rects[0]!.querySelector("title")?.textContent).toBe(`Wire Two · ${SCRIPT_NAME}: 20 % of the text`);
    expect(cell(chart, "Wire Two", "republished_share")).toBe(0.2);
  });
});

describe("perspective", () => {
  const [leftRight, reliability] = charts.perspective;
  it("draws team means with their spread, and the published rating in its own panel", () => {
    const svg = parse(leftRight!);
    expect(described(svg, "team mean", "circle")).toHaveLength(2);
    expect(described(svg, "team spread", "line")).toHaveLength(1); // one rating has no spread
    const published = described(svg, "published rating", "path");
    expect(published).toHaveLength(1); // the label-only rating cannot be placed
    const facets = [...svg.querySelectorAll('g[aria-label="fx-axis tick label"] > g')].map((g) => [g.textContent, g.getAttribute("transform")]);
    const teamPanel = facets.find(([name]) => name === "Team ratings")![1];
    const publishedPanel = facets.find(([name]) => name === "Published ratings")![1];
    expect(publishedPanel).not.toBe(teamPanel);
    expect(published[0]!.parentElement!.getAttribute("transform")).toBe(publishedPanel);
    for (const dot of described(svg, "team mean", "circle")) expect(dot.parentElement!.getAttribute("transform")).toBe(teamPanel);
  });

  it("keeps team and published rows apart in the table and draws nothing for an axis without ratings", () => {
    const source = leftRight!.table.columns.findIndex((c) => c.key === "source");
    expect(leftRight!.table.rows.map((r) => r[source])).toEqual(["Team", "AllSides", "Team", "AllSides"]);
    expect(reliability!.svg).toBeNull();
  });
});

describe("claim timeline", () => {
  const [chart] = charts.timelines;
  it("places each dated appearance on the time axis, rings the first, and leaves the undated one to the table", () => {
    const svg = parse(chart!);
    expect(described(svg, "appearance", "circle")).toHaveLength(2);
    expect(described(svg, "first appearance", "circle")).toHaveLength(1);
    expect(chart!.description).toContain("1 undated appearance is not drawn");
    expect(chart!.table.rows).toHaveLength(3);
    expect(chart!.table.columns.some((c) => c.key === "claim")).toBe(false);
  });
});

describe("many claims", () => {
  it("draws only the first timelines and still tables every one", () => {
    const c = compare(input);
    const many = { ...c, timelines: [c.timelines[0]!, c.timelines[0]!, c.timelines[0]!] };
    const claims = comparisonTables(many, input).claims;
    const drawn = timelineCharts(many, claims, 2);
    expect(drawn.map((t) => t.svg !== null)).toEqual([true, true, false]);
    expect(drawn.map((t) => t.table.rows.length)).toEqual([3, 3, 3]);
  });
});
