// Paints spans with the CSS Custom Highlight API: the text DOM is never rebuilt, and a change
// to one span touches one Range. Each kind has its own highlight (and style in globals.css);
// quotes nested in quotes get a second one so the inner quote stays visible.
import type { AnnotationKind } from "@/lib/validation/annotations";
import { rangeFor, type ParagraphBox } from "./dom-offsets";

export const HIGHLIGHT_NAMES = ["pd-quote", "pd-quote-nested", "pd-claim", "pd-opinion", "pd-active", "pd-cursor", "pd-flash"] as const;
type Name = (typeof HIGHLIGHT_NAMES)[number];

export function highlightsSupported(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

export class HighlightPainter {
  private readonly layers = new Map<Name, Highlight>();
  private readonly painted = new Map<string, { range: Range; name: Name }>();

  constructor(private readonly paragraphs: ParagraphBox[]) {
    HIGHLIGHT_NAMES.forEach((name, i) => {
      const highlight = new Highlight();
      highlight.priority = i; // later layers (active, cursor) paint over the kinds
      this.layers.set(name, highlight);
      CSS.highlights.set(name, highlight);
    });
  }

  /** Adds or moves one span's highlight. */
  paint(key: string, span: { start: number; end: number; kind: AnnotationKind }, nested: boolean): void {
    this.erase(key);
    const range = rangeFor(this.paragraphs, span.start, span.end);
    if (range === null) return;
    const name: Name = span.kind === "quote" ? (nested ? "pd-quote-nested" : "pd-quote") : `pd-${span.kind}`;
    this.layers.get(name)!.add(range);
    this.painted.set(key, { range, name });
  }

  erase(key: string): void {
    const current = this.painted.get(key);
    if (current === undefined) return;
    this.layers.get(current.name)!.delete(current.range);
    this.painted.delete(key);
  }

  /** A single-range layer: the active span, or the keyboard word cursor. */
  mark(name: "pd-active" | "pd-cursor" | "pd-flash", span: { start: number; end: number } | null): Range | null {
    const layer = this.layers.get(name)!;
    layer.clear();
    const range = span === null ? null : rangeFor(this.paragraphs, span.start, span.end);
    if (range !== null) layer.add(range);
    return range;
  }

  keys(): string[] {
    return [...this.painted.keys()];
  }

  dispose(): void {
    for (const name of HIGHLIGHT_NAMES) CSS.highlights.delete(name);
  }
}
