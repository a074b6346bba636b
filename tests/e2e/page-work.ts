// What a page does besides drawing, for browser tests that hold the workspace to its budget:
// the layouts its scripts force between frames (read from Chromium's tracing), and the elements
// React makes again on a change (counted through a hook where React DevTools would sit).
import type { Browser, Page } from "playwright-core";

// Installed before the page's scripts, where React looks for DevTools: after each commit, counts
// the elements whose props React made anew: the text's paragraphs, the shortcut table's rows, the
// span list's elements and the rest.
const RENDER_COUNTER = `
window.pdMade = {};
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  supportsFiber: true, renderers: new Map(), inject() { return 1; }, checkDCE() {},
  onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, setStrictMode() {},
  onCommitFiberRoot(_id, root) {
    if (!window.pdCounting) return;
    const walk = (f) => {
      for (; f; f = f.sibling) {
        if (f.tag === 5 && f.alternate !== null && f.memoizedProps !== f.alternate.memoizedProps) {
          const el = f.stateNode;
          const name = el.matches("[data-testid=document-text] p") ? "text" : el.closest(".shortcuts-dialog section, .shortcut-notes") ? "shortcuts" : el.closest(".span-list") ? "list" : "other";
          window.pdMade[name] = (window.pdMade[name] || 0) + 1;
        }
        walk(f.child);
      }
    };
    walk(root.current.child);
  },
};`;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] } };
}

/**
 * The layouts the app's scripts forced between frames, by reading or setting geometry: Layout
 * events with an app script on their stack that no frame of the same thread encloses. Chromium
 * lays the page out once in each frame anyway; one forced in between is done again there after
 * the next change. (The test's own visibility checks run in a script without a URL.)
 */
function layoutsOutsideFrames(events: TraceEvent[]): string[] {
  const thread = (e: TraceEvent): string => `${e.pid}:${e.tid}`;
  const frames = events.filter((e) => e.name === "ProxyMain::BeginMainFrame" && e.ph === "X");
  return events
    .filter((e) => e.name === "Layout" && e.ph === "X" && (e.args?.beginData?.stackTrace ?? []).some((s) => s.url.includes("/_next/")))
    .filter((l) => !frames.some((f) => thread(f) === thread(l) && f.ts <= l.ts && l.ts + (l.dur ?? 0) <= f.ts + (f.dur ?? 0)))
    .map((l) =>
      l
        .args!.beginData!.stackTrace!.slice(0, 3)
        .map((s) => `${s.functionName || "(anonymous)"} ${s.url.split("/").pop()}:${s.lineNumber}`)
        .join(" < "),
    );
}

/** Runs `act` under Chromium's tracing and returns the layouts the app's scripts forced between frames (their stacks). */
export async function forcedLayoutsDuring(browser: Browser, page: Page, act: () => Promise<void>): Promise<string[]> {
  await browser.startTracing(page, { categories: ["devtools.timeline", "cc", "disabled-by-default-devtools.timeline.stack"] });
  await act();
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
  return layoutsOutsideFrames(trace.traceEvents);
}

/** Installs the render counter for the page's next loads and reloads it. */
export async function installRenderCounter(page: Page): Promise<void> {
  await page.context().addInitScript(RENDER_COUNTER);
  await page.reload();
}

/** How many elements React made again while `act` ran, by place: text, shortcuts, list, other. */
export async function remadeElementsDuring(page: Page, act: () => Promise<void>): Promise<Record<string, number>> {
  await page.evaluate(() => {
    const w = window as unknown as { pdCounting: boolean; pdMade: Record<string, number> };
    w.pdMade = {};
    w.pdCounting = true;
  });
  await act();
  return page.evaluate(() => {
    const w = window as unknown as { pdCounting: boolean; pdMade: Record<string, number> };
    w.pdCounting = false;
    return w.pdMade;
  });
}
