// Paints spans with the CSS Custom Highlight API: the text DOM is never rebuilt, and a change
// to one span touches one Range. Each kind has its own highlight (and style in globals.css);
// quotes nested in quotes get a second one so the inner quote stays visible.
//
// Only spans in paragraphs near the viewport are in the highlights (the rest are kept as
// offsets): Chromium's per-frame cost grows with the ranges registered, so a 10,000-span
// document would otherwise pay for every span on every frame (bench/RESULTS.md, "Workspace
// beside @recogito/text-annotator"). paragraph-window.ts says which paragraphs are near.
import type { AnnotationKind } from "@/lib/validation/annotations";
import { paragraphIndexAt, rangeFor, type ParagraphBox } from "./dom-offsets";
import { ParagraphWindow } from "./paragraph-window";

export const HIGHLIGHT_NAMES = ["pd-quote", "pd-quote-nested", "pd-claim", "pd-opinion", "pd-active", "pd-cursor", "pd-flash"] as const;
type Name = (typeof HIGHLIGHT_NAMES)[number];
// One string per kind: a name built per span (`pd-${kind}`) is a new string for each of thousands.
const KIND_NAMES: Record<AnnotationKind, Name> = { quote: "pd-quote", claim: "pd-claim", opinion: "pd-opinion" };

interface Entry {
  start: number;
  end: number;
  name: Name;
  first: number;
  last: number;
  /** In the highlight while any of its paragraphs is near the viewport. */
  range: StaticRange | null;
  /** What the caller painted it from (use-highlights: the span's draft), and whether nested. */
  source: unknown;
  nested: boolean;
}

export function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

export class HighlightPainter {
  private readonly layers = new Map<Name, Highlight>();
  private readonly painted = new Map<string, Entry>();
  /** The keys of the spans touching each paragraph. */
  private readonly byParagraph: Set<string>[];
  private readonly window: ParagraphWindow;

  constructor(private readonly paragraphs: ParagraphBox[]) {
    HIGHLIGHT_NAMES.forEach((name, i) => {
      const highlight = new Highlight();
      highlight.priority = i; // later layers (active, cursor) paint over the kinds
      this.layers.set(name, highlight);
      CSS.highlights.set(name, highlight);
    });
    this.byParagraph = paragraphs.map(() => new Set<string>());
    this.window = new ParagraphWindow(
      paragraphs.map((p) => p.element),
      (index, near) => this.paragraphChanged(index, near),
    );
  }

  /** Adds or moves one span's highlight. */
  paint(key: string, span: { start: number; end: number; kind: AnnotationKind }, nested: boolean, source: unknown = span): void {
    const name: Name = span.kind === "quote" && nested ? "pd-quote-nested" : KIND_NAMES[span.kind];
    const same = this.painted.get(key);
    if (same !== undefined && same.start === span.start && same.end === span.end && same.name === name) {
      // Drawn as it is already (a save, an attribute edit): touching the highlight would make
      // Chromium rebuild and repaint every highlighted range on screen.
      same.source = source;
      same.nested = nested;
      return;
    }
    this.erase(key);
    if (this.paragraphs.length === 0 || span.end <= span.start) return;
    const first = paragraphIndexAt(this.paragraphs, span.start);
    const last = paragraphIndexAt(this.paragraphs, span.end - 1);
    const entry: Entry = { start: span.start, end: span.end, name, first, last, range: null, source, nested };
    this.painted.set(key, entry);
    for (let i = first; i <= last; i++) this.byParagraph[i]!.add(key);
    if (this.window.anyNear(first, last)) this.show(entry);
  }

  erase(key: string): void {
    const entry = this.painted.get(key);
    if (entry === undefined) return;
    this.hide(entry);
    for (let i = entry.first; i <= entry.last; i++) this.byParagraph[i]!.delete(key);
    this.painted.delete(key);
  }

  /** A single-range layer: the active span, or the keyboard word cursor. */
  mark(name: "pd-active" | "pd-cursor" | "pd-flash", span: { start: number; end: number } | null): StaticRange | null {
    const layer = this.layers.get(name)!;
    layer.clear();
    const range = span === null ? null : rangeFor(this.paragraphs, span.start, span.end);
    if (range !== null) layer.add(range);
    return range;
  }

  keys(): string[] {
    return [...this.painted.keys()];
  }

  /** What a span was last painted from and whether as nested; undefined when not painted. */
  paintedAs(key: string): { source: unknown; nested: boolean } | undefined {
    return this.painted.get(key);
  }

  dispose(): void {
    this.window.dispose();
    for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  }

  private paragraphChanged(index: number, near: boolean): void {
    for (const key of this.byParagraph[index] ?? []) {
      const entry = this.painted.get(key)!;
      if (near) this.show(entry);
      else if (!this.window.anyNear(entry.first, entry.last)) this.hide(entry);
    }
  }

  private show(entry: Entry): void {
    if (entry.range !== null) return;
    entry.range = rangeFor(this.paragraphs, entry.start, entry.end);
    if (entry.range !== null) this.layers.get(entry.name)!.add(entry.range);
  }

  private hide(entry: Entry): void {
    if (entry.range === null) return;
    this.layers.get(entry.name)!.delete(entry.range);
    entry.range = null;
  }
}
