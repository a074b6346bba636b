// Workspace speed in Chromium: a 30,000-word document with 3,000 spans. Measures, with the
// Performance API inside the page, time to interactive, highlight rendering, tagging a
// selection, and the save round trip. Prints the numbers; bench/run.ts records them.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { median, ms, percentile } from "./machine";

export const WORDS = 30_000;
export const SPANS = 3_000;

async function measureLoad(page: Page, url: string): Promise<{ interactive: number; highlights: number; domContentLoaded: number }> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName("pd-highlights-frame").length > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => {
    const at = (name: string): number => performance.getEntriesByName(name)[0]!.startTime;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return {
      interactive: at("pd-highlights-ready"),
      highlights: at("pd-highlights-frame") - at("pd-highlights-ready"),
      domContentLoaded: nav.domContentLoadedEventEnd,
    };
  });
}

/** Selects a few words in paragraph `n` with a DOM selection, releases the mouse, presses "1". */
export async function tagOnce(page: Page, n: number): Promise<number> {
  return page.evaluate(async (i) => {
    const ps = document.querySelectorAll<HTMLElement>("[data-testid=document-text] p");
    const p = ps[(i * 7) % ps.length]!;
    // A person tags text they can see: bring it on screen first, outside the timing.
    p.scrollIntoView({ block: "center" });
    for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
    const node = p.firstChild!;
    const range = document.createRange();
    range.setStart(node, 4);
    range.setEnd(node, 30);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const text = document.querySelector<HTMLElement>("[data-testid=document-text]")!;
    text.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(r));
    // Only the frame that follows this tag's own paint counts (not a frame an earlier change asked for).
    const before = performance.getEntriesByName("pd-tag-frame").length;
    const t0 = performance.now();
    text.dispatchEvent(new KeyboardEvent("keydown", { key: "1", bubbles: true }));
    while (performance.getEntriesByName("pd-tag-frame").length === before) await new Promise((r) => setTimeout(r, 0));
    const frame = performance.getEntriesByName("pd-tag-frame");
    return frame[frame.length - 1]!.startTime - t0;
  }, n);
}

async function saveRoundTrips(page: Page, apiBase: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ base, n }) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/annotations`, { method: "GET" });
        const list = (await res.json()) as { annotations: { id: number; version: number; note: string }[] };
        void list;
        times.push(performance.now() - t0);
      }
      return times;
    },
    { base: apiBase, n: count },
  );
}

async function patchRoundTrips(page: Page, apiBase: string, count: number): Promise<number[]> {
  return page.evaluate(
    async ({ base, n }) => {
      const first = ((await (await fetch(`${base}/annotations`)).json()) as { annotations: { id: number; version: number }[] }).annotations[0]!;
      let version = first.version;
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/annotations/${first.id}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version, note: `edit ${i}` }),
        });
        version = ((await res.json()) as { version: number }).version;
        times.push(performance.now() - t0);
      }
      return times;
    },
    { base: apiBase, n: count },
  );
}

export async function benchWorkspace(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-bench-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.db");
  process.env.PROVENANCE_DEMO = "0";
  const { buildFixture } = await import("./workspace-fixture");
  const { closeDb } = await import("@/db");
  const { startServer, launchBrowser } = await import("../tests/e2e/harness");
  const t0 = performance.now();
  const fixture = await buildFixture(WORDS, SPANS);
  const seedMs = performance.now() - t0;
  await closeDb();

  const server = await startServer({ dbPath: process.env.DATABASE_PATH, demo: false });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: "pd_session", value: fixture.token, url: server.baseUrl }]);
    // tsx (esbuild) wraps named functions in __name(); give the page a no-op so evaluate() works.
    await context.addInitScript("window.__name = (f) => f");
    const page = await context.newPage();
    const url = `${server.baseUrl}/projects/${fixture.projectId}/documents/${fixture.documentId}`;
    await measureLoad(page, url); // warm-up: first request compiles nothing in production, but fills caches
    const loads = [];
    for (let i = 0; i < 5; i++) loads.push(await measureLoad(page, url));
    const tags: number[] = [];
    for (let i = 0; i < 20; i++) tags.push(await tagOnce(page, i));
    const apiBase = `${server.baseUrl}/api/projects/${fixture.projectId}/documents/${fixture.documentId}`;
    const saves = await patchRoundTrips(page, apiBase, 50);
    const lists = await saveRoundTrips(page, apiBase, 10);
    return [
      `| seed ${WORDS.toLocaleString("en")} words + ${SPANS.toLocaleString("en")} spans through lib/server | ${ms(seedMs)} | once |`,
      `| document page: DOMContentLoaded | ${ms(median(loads.map((l) => l.domContentLoaded)))} | median of 5 loads |`,
      `| document page: interactive (handlers attached, highlight layers ready) | ${ms(median(loads.map((l) => l.interactive)))} | median of 5; target < 1000 ms |`,
      `| all ${SPANS.toLocaleString("en")} highlights painted, to the next frame | ${ms(median(loads.map((l) => l.highlights)))} | median of 5; target < 100 ms |`,
      `| tag a selection (key "1") until its highlight is on screen | ${ms(median(tags))} (p95 ${ms(percentile(tags, 95))}) | median of 20; target < 50 ms |`,
      `| save round trip (PATCH a span, browser fetch) | ${ms(median(saves))} (p95 ${ms(percentile(saves, 95))}) | median of 50; target < 30 ms |`,
      `| list all spans (GET, ${SPANS.toLocaleString("en")}+ spans) | ${ms(median(lists))} | median of 10 |`,
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
