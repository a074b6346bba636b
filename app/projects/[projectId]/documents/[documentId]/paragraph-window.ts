// Which paragraphs of the text are near the viewport: on screen or within a quarter screen of it.
// Two binary searches over the paragraphs' boxes answer it, again whenever the page scrolls or
// the text changes size. A scroll event comes before its frame is painted, so the paragraphs it
// brings on screen have their highlights in that same frame. (An IntersectionObserver on every
// paragraph did the same a frame late, and computing its intersections cost 1.3–4 ms of every
// frame at 1,000 paragraphs: bench/RESULTS.md, "Workspace beside @recogito/text-annotator".)

const MARGIN_SCREENS = 0.25;

export class ParagraphWindow {
  /** The near paragraphs: first to last, inclusive (last < first when there are none). */
  private first = 0;
  private last = -1;
  private readonly resize: ResizeObserver | null = null;
  private readonly update = (): void => this.follow();

  constructor(
    private readonly elements: HTMLElement[],
    private readonly onChange: (index: number, near: boolean) => void,
  ) {
    [this.first, this.last] = nearRange(elements);
    // Capture: scroll events do not bubble, and the text may sit in a scrolling box of its own.
    window.addEventListener("scroll", this.update, { capture: true, passive: true });
    window.addEventListener("resize", this.update, { passive: true });
    // Paragraphs outside the screen are laid out at an estimated height until first shown; when
    // the real one arrives the paragraphs below move without a scroll.
    const container = elements[0]?.parentElement;
    if (container && typeof ResizeObserver !== "undefined") {
      this.resize = new ResizeObserver(this.update);
      this.resize.observe(container);
    }
  }

  /** True when any paragraph from `first` to `last` (inclusive) is near the viewport. */
  anyNear(first: number, last: number): boolean {
    return first <= this.last && last >= this.first;
  }

  dispose(): void {
    window.removeEventListener("scroll", this.update, { capture: true });
    window.removeEventListener("resize", this.update);
    this.resize?.disconnect();
  }

  private follow(): void {
    const [first, last] = nearRange(this.elements);
    if (first === this.first && last === this.last) return;
    const [before, after] = [this.first, this.last];
    // The new window is in place before anyone is told, so `anyNear` answers for it.
    [this.first, this.last] = [first, last];
    for (let i = before; i <= after; i++) if (i < first || i > last) this.onChange(i, false);
    for (let i = first; i <= last; i++) if (i < before || i > after) this.onChange(i, true);
  }
}

/** The first and last paragraph within the margin of the viewport now (binary searches on their boxes). */
function nearRange(elements: HTMLElement[]): [number, number] {
  if (elements.length === 0) return [0, -1];
  const margin = window.innerHeight * MARGIN_SCREENS;
  const top = -margin;
  const bottom = window.innerHeight + margin;
  const first = firstIndex(elements.length, (i) => elements[i]!.getBoundingClientRect().bottom >= top);
  const last = firstIndex(elements.length, (i) => elements[i]!.getBoundingClientRect().top > bottom) - 1;
  return [first, Math.max(first - 1, last)];
}

/** The first index in [0, n) where `test` holds (it holds from some index on), or n. */
function firstIndex(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
