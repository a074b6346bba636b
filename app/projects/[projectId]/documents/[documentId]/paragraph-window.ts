// Which paragraphs of the text are near the viewport: on screen or within a screen and a half
// of it. Known synchronously from the start (so the first paint already has what is on screen),
// then kept up to date by an IntersectionObserver as the reader scrolls.

const MARGIN_SCREENS = 1.5;

export class ParagraphWindow {
  private readonly near: boolean[];
  private readonly observer: IntersectionObserver | null = null;

  constructor(
    private readonly elements: HTMLElement[],
    private readonly onChange: (index: number, near: boolean) => void,
  ) {
    this.near = elements.map(() => false);
    const [first, last] = nearRange(elements);
    for (let i = first; i <= last; i++) this.near[i] = true;
    if (typeof IntersectionObserver === "undefined") {
      this.near.fill(true);
      return;
    }
    const order = new Map(elements.map((e, i) => [e, i]));
    this.observer = new IntersectionObserver((entries) => this.update(entries, order), { rootMargin: `${MARGIN_SCREENS * 100}% 0px` });
    for (const element of elements) this.observer.observe(element);
  }

  /** True when any paragraph from `first` to `last` (inclusive) is near the viewport. */
  anyNear(first: number, last: number): boolean {
    for (let i = first; i <= last; i++) if (this.near[i]) return true;
    return false;
  }

  dispose(): void {
    this.observer?.disconnect();
  }

  private update(entries: IntersectionObserverEntry[], order: Map<Element, number>): void {
    for (const entry of entries) {
      const index = order.get(entry.target);
      if (index === undefined || this.near[index] === entry.isIntersecting) continue;
      this.near[index] = entry.isIntersecting;
      this.onChange(index, entry.isIntersecting);
    }
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
