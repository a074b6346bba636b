// The app's spans as W3C Web Annotations for @recogito/text-annotator: a TextQuoteSelector and a
// TextPositionSelector each. The app counts code points; the peer counts UTF-16 units in its
// container's text, which holds the document text exactly (see page.ts), so offsets convert 1:1.
import { buildOffsetIndex } from "@/lib/text/offset-index";

export interface BenchSpan {
  id: number;
  kind: string;
  start: number;
  end: number;
}

export interface W3CAnnotation {
  "@context": string;
  id: string;
  type: "Annotation";
  body: { type: "TextualBody"; purpose: "tagging"; value: string }[];
  target: { source: string; selector: ({ type: "TextQuoteSelector"; exact: string } | { type: "TextPositionSelector"; start: number; end: number })[] };
}

export const PEER_SOURCE = "urn:provenance-desk:bench-document";

export function toW3C(text: string, spans: readonly BenchSpan[]): W3CAnnotation[] {
  const index = buildOffsetIndex(text);
  return spans.map((s) => {
    const start = index.toUtf16(s.start);
    const end = index.toUtf16(s.end);
    return {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `urn:pd:${s.id}`,
      type: "Annotation",
      body: [{ type: "TextualBody", purpose: "tagging", value: s.kind }],
      target: {
        source: PEER_SOURCE,
        selector: [
          { type: "TextQuoteSelector", exact: text.slice(start, end) },
          { type: "TextPositionSelector", start, end },
        ],
      },
    };
  });
}
