// axe-core in a real page, and the small-screen check that goes with it. The app's CSP forbids
// inline scripts, so axe is not added as a <script> tag: Playwright evaluates its source through
// the DevTools protocol, which the page's policy does not govern, and the page keeps its real
// policy while it is scanned (no bypassCSP), so the scan sees exactly what a user's browser does.
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = (require("axe-core") as { source: string }).source;

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 390, height: 844 };

export interface Finding {
  rule: string;
  impact: string;
  help: string;
  count: number;
  /** The first few offending nodes: their selector and what axe says is wrong. */
  nodes: string[];
}

/**
 * Runs axe on the page as it is now and returns every violation, worst first: the WCAG rules,
 * plus axe's landmark rules (filed under "best practice", so not in the WCAG tags), because a
 * screen reader user moves by landmarks and two with one name cannot be told apart.
 */
export async function runAxe(page: Page): Promise<Finding[]> {
  // After a client-side navigation Next sets document.title when the route's metadata arrives,
  // which can be a moment after the page's content is shown. Give it that moment; a page that
  // never gets a title is still reported by axe's document-title rule below.
  await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  // Long lists use content-visibility: auto, so cards off screen are not rendered and axe could
  // not compute their colours: render everything for the scan (a constructed sheet, which the
  // page's style-src policy does not govern).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("* { content-visibility: visible !important; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  return page.evaluate(async (tags) => {
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    interface Axe {
      run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
      getRules: () => { ruleId: string }[];
    }
    const axe = (window as unknown as { axe: Axe }).axe;
    const landmarks = axe
      .getRules()
      .map((r) => r.ruleId)
      .filter((id) => id.startsWith("landmark-"));
    const rules = Object.fromEntries(landmarks.map((id) => [id, { enabled: true }]));
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
    const rank = ["critical", "serious", "moderate", "minor"];
    return result.violations
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? "minor",
        help: v.help,
        count: v.nodes.length,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} — ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 220)}`),
      }))
      .sort((a, b) => rank.indexOf(a.impact) - rank.indexOf(b.impact));
  }, WCAG_TAGS);
}

/** Serious and critical findings fail a test; so does any landmark finding (see runAxe). */
export const isBlocking = (f: Finding): boolean => f.impact === "serious" || f.impact === "critical" || f.rule.startsWith("landmark-");

/** If the page is wider than the window, the widest elements that stick out; else an empty list. */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const describe = (el: Element): string => {
      const cls = typeof el.className === "string" && el.className.trim() !== "" ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${cls}`;
    };
    // The outermost elements that stick out: their children would only repeat them.
    const out = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5);
    const outermost = out.filter((el) => el.parentElement === null || !out.includes(el.parentElement));
    return [
      `page is ${root.scrollWidth}px wide in a ${root.clientWidth}px window`,
      ...outermost.slice(0, 4).map((el) => `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`),
    ];
  });
}

/** One line per finding, for a failure message a person can act on. */
export function describeFindings(where: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${where}: ${f.rule} (${f.impact}, ${f.count} node${f.count === 1 ? "" : "s"}) ${f.help}\n    ${f.nodes.join("\n    ")}`);
}
