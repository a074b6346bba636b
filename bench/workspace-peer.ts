// The workspace beside @recogito/text-annotator 4.1.1 (issue 12): one Chromium, the same
// 30,000-word text and the same spans (3,000 and 10,000; the peer gets them as W3C annotations),
// app and peer loaded alternately. For each: navigation → all highlights painted, tag →
// highlight painted, the longest frame while scrolling top to bottom, JS heap after load (CDP,
// after a garbage collection) and DOM nodes. Then the app alone at 30,000 spans: the longest
// frame while tagging and scrolling. Medians of 3 alternating loads (3 tags each; kept short on a
// shared 2-core machine); ratios are app ÷ peer. The peer is given the same "tag" as one more
// annotation through its API (addAnnotation), timed to the frame after.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { buildOffsetIndex } from "@/lib/text/offset-index";
import { median, ms } from "./machine";
import { peerHtml, servePeer } from "./peer/page";
import { toW3C, type BenchSpan } from "./peer/w3c";
import { tagOnce, WORDS } from "./workspace";
import { syntheticArticle } from "./workspace-fixture";

// BENCH_SPANS / BENCH_ROUNDS narrow a run while working on one figure; the recorded run uses the defaults.
const COUNTS = process.env.BENCH_SPANS ? process.env.BENCH_SPANS.split(",").map(Number) : [3_000, 10_000];
const LARGE = 30_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Load {
  painted: number;
  tag: number;
  frame: number;
  heap: number;
  dom: number;
}

/** The longest gap between animation frames while the window scrolls from top to bottom. */
function longestScrollFrame(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
    window.scrollTo(0, 0);
    await frame();
    let last = await frame();
    let worst = 0;
    const bottom = document.documentElement.scrollHeight - window.innerHeight;
    for (let y = 0; y <= bottom + 600; y += 600) {
      window.scrollTo(0, y);
      const now = await frame();
      worst = Math.max(worst, now - last);
      last = now;
    }
    return worst;
  });
}

async function heapAndDom(page: Page): Promise<{ heap: number; dom: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return { heap: usedSize / 1e6, dom: await page.evaluate(() => document.getElementsByTagName("*").length) };
}

async function measure(context: BrowserContext, url: string, mark: string, tag: (page: Page, n: number) => Promise<number>): Promise<Load> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000 });
    const painted = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
    const { heap, dom } = await heapAndDom(page);
    const frame = await longestScrollFrame(page);
    const tags: number[] = [];
    for (let i = 0; i < 3; i++) tags.push(await tag(page, i));
    return { painted, tag: median(tags), frame, heap, dom };
  } finally {
    await page.close();
  }
}

/** The peer's tag: one more annotation over the words the app's tag takes (paragraph (n·7) mod count, UTF-16 4–30), on screen. */
function peerTag(text: string, paragraphStarts: readonly number[]): (page: Page, n: number) => Promise<number> {
  const offsets = buildOffsetIndex(text);
  let id = 1_000_000;
  return (page, n) => {
    const k = (n * 7) % paragraphStarts.length;
    const from = paragraphStarts[k]!;
    const span = { id: id++, kind: "claim", start: offsets.toCodePoint(from + 4), end: offsets.toCodePoint(from + 30) };
    const annotation = toW3C(text, [span])[0];
    return page.evaluate(
      async ({ a, k }) => {
        document.querySelectorAll("#text p")[k]!.scrollIntoView({ block: "center" });
        for (let f = 0; f < 3; f++) await new Promise((r) => requestAnimationFrame(r));
        return (window as unknown as { peerTag: (a: unknown) => Promise<number> }).peerTag(a);
      },
      { a: annotation, k },
    );
  };
}

/** UTF-16 start of each non-blank line (each <p>), as both pages lay the text out. */
function paragraphStarts(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (line.trim() !== "") starts.push(at);
    at += line.length + 1;
  }
  return starts;
}

const ratio = (app: number, peer: number): string => (peer > 0 ? (app / peer).toFixed(2) : "–");
const verdict = (ok: boolean): string => (ok ? "met" : "**not met**");

function rows(count: number, app: Load[], peer: Load[]): string[] {
  const m = (loads: Load[], key: keyof Load): number => median(loads.map((l) => l[key]));
  const line = (what: string, key: keyof Load, unit: (n: number) => string, goal: (a: number, p: number) => [string, boolean]): string => {
    const [a, p] = [m(app, key), m(peer, key)];
    const [text, ok] = goal(a, p);
    return `| ${count.toLocaleString("en")} spans: ${what} | app ${unit(a)} · peer ${unit(p)} · app ÷ peer ${ratio(a, p)} | goal ${text}: ${verdict(ok)} |`;
  };
  const mb = (n: number): string => `${n.toFixed(1)} MB`;
  const nodes = (n: number): string => Math.round(n).toLocaleString("en");
  return [
    line("navigation → all highlights painted", "painted", ms, (a, p) => ["ratio ≤ 1.0", a <= p]),
    line("tag → its highlight painted", "tag", ms, (a, p) => ["ratio ≤ 1.0", a <= p]),
    line("longest frame scrolling top to bottom", "frame", ms, (a) => ["app ≤ 17 ms", a <= 17]),
    line("JS heap after load (after GC)", "heap", mb, (a, p) => ["ratio ≤ 1.5", a <= p * 1.5]),
    line("DOM nodes", "dom", nodes, (a) => ["app < 5,000", a < 5000]),
  ];
}

export async function benchWorkspacePeer(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-bench-peer-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.db");
  process.env.PROVENANCE_DEMO = "0";
  const { benchUser, addDocument } = await import("./workspace-fixture");
  const { listAnnotations } = await import("@/lib/server/annotations");
  const { closeDb } = await import("@/db");
  const { startServer, launchBrowser } = await import("../tests/e2e/harness");
  const { user, token } = await benchUser();
  const text = syntheticArticle(WORDS);
  const documents = new Map<number, { projectId: number; documentId: number }>();
  const pages: Record<string, string> = {};
  for (const count of [...COUNTS, LARGE]) {
    const { projectId, documentId } = await addDocument(user, WORDS, count);
    documents.set(count, { projectId, documentId });
    const spans: BenchSpan[] = (await listAnnotations(user, projectId, documentId)) ?? [];
    pages[`peer-${count}.html`] = peerHtml(text, toW3C(text, spans));
  }
  await closeDb();

  const [server, peer, browser] = await Promise.all([startServer({ dbPath: process.env.DATABASE_PATH, demo: false }), servePeer(pages), launchBrowser()]);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: "pd_session", value: token, url: server.baseUrl }]);
    await context.addInitScript("window.__name = (f) => f");
    const appUrl = (count: number): string => `${server.baseUrl}/projects/${documents.get(count)!.projectId}/documents/${documents.get(count)!.documentId}`;
    const out: string[] = [];
    const starts = paragraphStarts(text);
    for (const count of COUNTS) {
      const app: Load[] = [];
      const other: Load[] = [];
      await measure(context, appUrl(count), "pd-highlights-frame", tagOnce); // warm-up
      for (let round = 0; round < ROUNDS; round++) {
        app.push(await measure(context, appUrl(count), "pd-highlights-frame", tagOnce));
        other.push(await measure(context, `${peer.baseUrl}/peer-${count}.html`, "peer-highlights-frame", peerTag(text, starts)));
      }
      out.push(...rows(count, app, other));
    }
    const large = await measure(context, appUrl(LARGE), "pd-highlights-frame", tagOnce);
    out.push(
      `| ${LARGE.toLocaleString("en")} spans, app only: loads, all highlights painted | ${ms(large.painted)} · ${Math.round(large.dom).toLocaleString("en")} DOM nodes · ${large.heap.toFixed(1)} MB heap | one load |`,
      `| ${LARGE.toLocaleString("en")} spans, app only: tag → highlight; longest scroll frame | ${ms(large.tag)}; ${ms(large.frame)} | goal: no frame over 50 ms: ${verdict(large.tag <= 50 && large.frame <= 50)} |`,
    );
    return out;
  } finally {
    await browser.close();
    await Promise.all([server.stop(), peer.close()]);
  }
}
