// One-line descriptions of a span for the hover card and the span list.
import { KIND_LABELS, type AnnotationDto } from "@/lib/validation/annotations";

function speakerOf(span: AnnotationDto, names: Map<number, string>): string | undefined {
  const a = span.attributes;
  if (typeof a.source_id === "number" && names.has(a.source_id)) return names.get(a.source_id);
  return typeof a.speaker_text === "string" && a.speaker_text !== "" ? a.speaker_text : undefined;
}

export function describeShort(span: AnnotationDto, names: Map<number, string>): string {
  const speaker = speakerOf(span, names);
  return speaker ? `${KIND_LABELS[span.kind]} (${speaker})` : KIND_LABELS[span.kind];
}

export function describeDetail(span: AnnotationDto, names: Map<number, string>): string {
  const a = span.attributes;
  if (span.kind === "quote") return [speakerOf(span, names), a.mode].filter(Boolean).join(" · ");
  if (span.kind === "claim") return [a.checkworthy === "yes" ? "check-worthy" : null, a.certainty].filter(Boolean).join(" · ");
  const sentiment = typeof a.sentiment === "number" ? `sentiment ${a.sentiment > 0 ? "+" : ""}${a.sentiment}` : null;
  return [a.holder, sentiment].filter(Boolean).join(" · ");
}

/** describeDetail, computed once per draft (a span list row re-renders often; its draft rarely changes). */
export function detailDescriber(names: Map<number, string>): (span: { draft: AnnotationDto }) => string {
  const cache = new WeakMap<AnnotationDto, string>();
  return ({ draft }) => {
    let detail = cache.get(draft);
    if (detail === undefined) cache.set(draft, (detail = describeDetail(draft, names)));
    return detail;
  };
}
