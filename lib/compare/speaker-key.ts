// Who a quote is attributed to, as one key that is the same in every document: the registry
// source when the reviewer linked one, else the speaker's words as written (case and spacing
// aside, so "A diplomat" and "a diplomat " are one speaker).
import type { CompareSource, CompareSpan, SourceKind } from "./types";

export interface Speaker {
  key: string;
  name: string;
  kind: SourceKind | null;
}

/** The project's sources, and each quote's speaker resolved once per comparison. */
export interface SourceIndex {
  source(id: number): CompareSource | undefined;
  /** The quote's speaker, or null when the reviewer recorded neither a source nor a speaker text. */
  speaker(span: CompareSpan): Speaker | null;
}

function fromSource(id: number, source: CompareSource | undefined): Speaker {
  // A source missing from the registry (deleted since) still keeps its quotes together.
  return { key: `source:${id}`, name: source?.name ?? `Source #${id}`, kind: source?.kind ?? null };
}

function fromText(raw: string): Speaker | null {
  const text = raw.trim();
  return text === "" ? null : { key: `text:${text.toLowerCase()}`, name: text, kind: null };
}

// The same few speakers recur across thousands of quotes; resolving each distinct source id
// and raw text once keeps a story of 150,000 spans from building a key string per quote.
export function indexSources(sources: readonly CompareSource[]): SourceIndex {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const bySource = new Map<number, Speaker>();
  const byText = new Map<string, Speaker | null>();
  return {
    source: (id) => byId.get(id),
    speaker(span) {
      if (span.sourceId !== undefined && span.sourceId !== null) {
        let speaker = bySource.get(span.sourceId);
        if (speaker === undefined) bySource.set(span.sourceId, (speaker = fromSource(span.sourceId, byId.get(span.sourceId))));
        return speaker;
      }
      if (span.speakerText === undefined) return null;
      let speaker = byText.get(span.speakerText);
      if (speaker === undefined) byText.set(span.speakerText, (speaker = fromText(span.speakerText)));
      return speaker;
    },
  };
}

export function speakerOf(span: CompareSpan, sources: SourceIndex): Speaker | null {
  return sources.speaker(span);
}

/** The name a claim's timeline shows for a span's speaker, or null for none. */
export function speakerName(span: CompareSpan, sources: SourceIndex): string | null {
  return sources.speaker(span)?.name ?? null;
}

export const UNATTRIBUTED: Speaker = { key: "unattributed", name: "Unattributed", kind: null };
