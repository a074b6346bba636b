// Guidelines at hand, in a real Chromium on the demo project: the manager writes Markdown
// guidelines with a preview; members read them rendered on the team page and in the workspace
// panel, where nothing hostile in them runs; the toolbar and the legend give each kind's
// definition; each rating input explains its scale before anything is rated.
import type { Browser, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ARTICLES, DEMO_PROJECT } from "@/db/seed/demo";
import { KIND_GUIDES, kindDescription } from "@/lib/guidelines/kinds";
import { NARROW, runAxe, WIDE } from "./axe";
import { launchBrowser, setUpFirstAdmin, snapshot, startServer, type TestServer } from "./harness";
import { dragSelect } from "./workspace-helpers";

let server: TestServer;
let browser: Browser;
let page: Page;
let projectPath = "";
const dialogs: string[] = [];

const GUIDELINES = [
  "# Rules",
  "",
  "Tag **claims** first, then _opinions_. Read the [style guide](https://example.org/style) or the [team page](/projects).",
  "",
  "| Kind | Key | Tag what |",
  "| --- | --- | --- |",
  "| Claim | 1 | the checkable statement, without hedges such as “reportedly” or “sources say” |",
  "| Attributed quote | 3 | the quoted words only |",
  "",
  "- Use `speaker_text` verbatim",
  "",
  '<script>window.pwned = "script"</script>',
  "",
  '<img src="x" onerror="window.pwned = \'img\'">',
  "",
  "[click me](javascript:window.pwned='link')",
  "",
  "<a href=\"javascript:window.pwned='raw'\">raw link</a>",
  "",
  "<iframe srcdoc=\"<script>parent.pwned='frame'</script>\"></iframe>",
].join("\n");

/** Nothing from the guidelines ran, and nothing that could run is in `root`. */
async function expectInert(root: string): Promise<void> {
  const found = await page.evaluate((selector) => {
    const box = document.querySelector(selector)!;
    const all = [...box.querySelectorAll("*")];
    return {
      dangerous: box.querySelectorAll("script, img, iframe, object, embed, form, style").length,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith("on") || a.name === "style").map((a) => a.name)),
      hrefs: all.map((el) => el.getAttribute("href")).filter((h): h is string => h !== null && !/^(https?:|\/|#|mailto:)/.test(h)),
      pwned: (window as unknown as { pwned?: string }).pwned ?? null,
    };
  }, root);
  expect(found).toEqual({ dangerous: 0, handlers: [], hrefs: [], pwned: null });
  expect(dialogs).toEqual([]);
}

async function expectRendered(root: string): Promise<void> {
  const box = page.locator(root);
  await expect(box.getByRole("heading", { name: "Rules" }).count()).resolves.toBe(1);
  await expect(box.locator("strong").first().textContent()).resolves.toBe("claims");
  await expect(box.locator("td").allTextContents()).resolves.toContain("the quoted words only");
  await expect(box.locator("code").first().textContent()).resolves.toBe("speaker_text");
  const external = box.getByRole("link", { name: /style guide/ });
  await expect(external.getAttribute("target")).resolves.toBe("_blank");
  await expect(external.getAttribute("rel")).resolves.toBe("noopener noreferrer");
  await expect(box.getByRole("link", { name: "team page" }).getAttribute("target")).resolves.toBeNull();
}

async function expectNoSeriousAxe(): Promise<void> {
  const serious = (await runAxe(page)).filter((f) => f.impact === "serious" || f.impact === "critical");
  expect(serious).toEqual([]);
}

async function axDescription(cdp: CDPSession, role: string, name: string): Promise<string> {
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
    nodes: { role?: { value: string }; name?: { value: string }; description?: { value: string } }[];
  };
  const node = nodes.find((n) => n.role?.value === role && n.name?.value === name);
  if (node === undefined) throw new Error(`no ${role} named ${name}`);
  return node.description?.value ?? "";
}

async function openDemoArticle(): Promise<void> {
  await page.goto(`${server.baseUrl}${projectPath}`);
  await page.getByRole("link", { name: DEMO_ARTICLES[0]!.title, exact: true }).click();
  await page.getByTestId("document-text").waitFor();
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: WIDE });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await setUpFirstAdmin(page, server.baseUrl);
  await page.getByRole("link", { name: DEMO_PROJECT.name }).click();
  await page.waitForURL(/\/projects\/\d+$/);
  projectPath = new URL(page.url()).pathname;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("guidelines at hand", () => {
  it("previews Markdown guidelines on the settings page as the manager types them, hostile parts inert", async () => {
    await page.goto(`${server.baseUrl}${projectPath}/settings`);
    const preview = page.getByRole("region", { name: "Preview" });
    // The demo's own guidelines are previewed before anything is typed.
    await expect(preview.getByRole("heading", { name: "Demo guidelines" }).count()).resolves.toBe(1);
    await page.getByLabel("Guidelines (Markdown)").fill(GUIDELINES);
    await preview.getByRole("heading", { name: "Rules" }).waitFor();
    await expectRendered(".guidelines-preview");
    await expectInert(".guidelines-preview");
    await page.getByRole("button", { name: "Save guidelines" }).click();
    await page.getByText("Guidelines saved.").waitFor();
    await snapshot(page, "guidelines-settings-preview");
  });

  it("shows members the guidelines rendered on the team page, inert, without sideways scrolling on a phone", async () => {
    await page.goto(`${server.baseUrl}${projectPath}/team`);
    await expectRendered(".guidelines");
    // Clicking the defused links runs nothing.
    await page.locator(".guidelines").getByText("click me").click();
    await page.locator(".guidelines").getByText("raw link").click();
    await expectInert(".guidelines");
    await expectNoSeriousAxe();
    await page.setViewportSize(NARROW);
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
    await expectNoSeriousAxe();
    await snapshot(page, "guidelines-team-390");
    await page.setViewportSize(WIDE);
  });

  it("lets a reviewer read the guidelines in the workspace panel without leaving the document", async () => {
    await openDemoArticle();
    const panel = page.getByRole("complementary", { name: "Annotation panel" });
    await panel.getByText("Project guidelines").click();
    await expectRendered(".panel-guidelines");
    await expectInert(".panel-guidelines");
    await expectNoSeriousAxe();
  });

  it("describes each kind on its toolbar button, as tooltip and accessible description", async () => {
    await openDemoArticle();
    await dragSelect(page, "desalination");
    const toolbar = page.getByRole("toolbar", { name: "Tag the selected text" });
    await toolbar.waitFor();
    const cdp = await page.context().newCDPSession(page);
    for (const g of KIND_GUIDES) {
      const button = toolbar.getByRole("button", { name: g.label, exact: true });
      await expect(button.getAttribute("title")).resolves.toBe(`${g.label} (key ${g.key}): ${kindDescription(g.kind)}`);
      await expect(axDescription(cdp, "button", g.label)).resolves.toBe(kindDescription(g.kind));
    }
    await snapshot(page, "guidelines-toolbar");
    await page.keyboard.press("Escape");
  });

  it("gives each kind's colour, key, definition and example in the panel's legend", async () => {
    await openDemoArticle();
    const legend = page.locator(".kind-legend");
    // Closed, the legend still shows each kind's sample and key.
    await expect(legend.locator("summary").textContent()).resolves.toBe("Span kindsClaim 1Opinion 2Attributed quote 3");
    await legend.locator("summary").click();
    for (const g of KIND_GUIDES) {
      const row = legend.locator(`[data-kind=${g.kind}]`);
      await expect(row.locator("dt").textContent()).resolves.toBe(`${g.label} ${g.key}`);
      await expect(row.locator("dd").first().textContent()).resolves.toBe(g.definition);
      await expect(row.locator(".kind-example .sample").textContent()).resolves.toBe(g.example.span);
      await expect(row.locator(".kind-example").textContent()).resolves.toBe(`Example: ${g.example.sentence}`);
      // The sample is drawn as that kind's highlight is (a background for quotes, an underline otherwise).
      const look = await row.locator("dt .sample").evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).textDecorationLine]);
      expect(g.kind === "quote" ? look[0] : look[1]).not.toMatch(/^(rgba\(0, 0, 0, 0\)|none)$/);
    }
    await expectNoSeriousAxe();
    await snapshot(page, "guidelines-legend");
    await page.setViewportSize(NARROW);
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).resolves.toBe(true);
    await legend.scrollIntoViewIfNeeded();
    await snapshot(page, "guidelines-legend-390");
    await page.setViewportSize(WIDE);
  });

  it("explains each outlet rating scale, with the published scale it mirrors, before any rating is saved", async () => {
    await openDemoArticle();
    await page.locator(".doc-meta").getByRole("link").first().click();
    await page.getByRole("heading", { name: "Your team’s ratings" }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    const form = (axis: string) => page.getByRole("form", { name: `Your rating on ${axis}` });
    await expect(form("Left–right").getByRole("button", { name: "Save rating" }).count()).resolves.toBe(1);
    await expect(page.getByRole("list", { name: "Ratings on Left–right" }).locator("li").count()).resolves.toBe(0);

    const leftRight = await axDescription(cdp, "spinbutton", "Your rating on Left–right (−6 to 6)");
    expect(leftRight).toMatch(/−6\s*farthest left.*0\s*exact centre.*\+6\s*farthest right.*AllSides Media Bias Meter/);
    const allSides = form("Left–right").getByRole("link", { name: /AllSides Media Bias Meter/ });
    await expect(allSides.getAttribute("href")).resolves.toBe("https://www.allsides.com/blog/introducing-allsides-media-bias-meter");
    await expect(allSides.getAttribute("rel")).resolves.toBe("noopener noreferrer");

    const reliability = await axDescription(cdp, "spinbutton", "Your rating on Reliability (0 to 64)");
    expect(reliability).toMatch(/24\s*above: generally acceptable.*32\s*the middle; above: generally good.*Ad Fontes/);
    const stance = await axDescription(cdp, "spinbutton", "Your rating on Stance toward the topic (−2 to 2)");
    expect(stance).toMatch(/−2\s*strongly against.*own scale/);
    await expectNoSeriousAxe();
    await snapshot(page, "guidelines-outlet-scales");
  });

  it("explains the document's genre and stance before either is rated", async () => {
    await openDemoArticle();
    await page.getByRole("link", { name: "Provenance and perspective" }).click();
    await page.getByRole("heading", { name: "Genre and stance" }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await expect(axDescription(cdp, "combobox", "Your genre")).resolves.toMatch(/reporting\s*news of events.*aggregation\s*compiled from other outlets/);
    await expect(axDescription(cdp, "spinbutton", "Your stance toward the topic (−2 to 2)")).resolves.toMatch(/−2\s*strongly against.*\+2\s*strongly for/);
    await expectNoSeriousAxe();
    await snapshot(page, "guidelines-document-scales");
  });
});
