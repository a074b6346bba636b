// What one layer's spans of one document say: counts by kind, the characters inside quotes,
// who is quoted and how, and the opinion and certainty mixes.
import { countIn } from "./mix";
import { sortByStart, unionLength, type Interval } from "./intervals";
import { speakerOf, type SourceIndex } from "./speaker-key";
import { emptySpanTally, type SpanTally } from "./tally";
import type { CompareSpan, SpeakerType } from "./types";

const NAMED = new Set<SpeakerType>(["named_person", "named_org", "document", "media_outlet", "outlet_self"]);
const UNNAMED = new Set<SpeakerType>(["unnamed_person", "unnamed_group"]);

/** Named, unnamed or neither ("unknown", or nothing recorded and no registry source to go by). */
function namedness(span: CompareSpan, sources: SourceIndex): "named" | "unnamed" | null {
  if (span.speakerType !== undefined) {
    if (NAMED.has(span.speakerType)) return "named";
    return UNNAMED.has(span.speakerType) ? "unnamed" : null;
  }
  if (span.sourceId === undefined || span.sourceId === null) return null;
  const source = sources.source(span.sourceId);
  if (source === undefined) return null;
  return source.kind === "anonymous" ? "unnamed" : "named";
}

function tallyQuote(t: SpanTally, span: CompareSpan, sources: SourceIndex): void {
  countIn(t.bySpeakerType, span.speakerType);
  const named = namedness(span, sources);
  if (named === "named") t.named += 1;
  else if (named === "unnamed") t.unnamed += 1;
  const speaker = speakerOf(span, sources);
  if (speaker === null) return;
  const known = t.speakers.get(speaker.key);
  if (known) known.count += 1;
  else t.speakers.set(speaker.key, { key: speaker.key, name: speaker.name, count: 1 });
}

/** What one layer's spans of one document say (one reviewer's, or the gold layer's). */
export function tallySpans(spans: readonly CompareSpan[], sources: SourceIndex): SpanTally {
  const t = emptySpanTally();
  const quotes: Interval[] = [];
  for (const span of spans) {
    t.counts[span.kind] += 1;
    if (span.kind === "quote") {
      quotes.push(span);
      tallyQuote(t, span, sources);
    } else if (span.kind === "opinion") {
      countIn(t.holder, span.holder);
      countIn(t.sentiment, span.sentiment === undefined ? undefined : String(span.sentiment));
      countIn(t.bias, span.bias);
    } else {
      countIn(t.certainty, span.certainty);
    }
  }
  t.quotedChars = unionLength(sortByStart(quotes));
  return t;
}
