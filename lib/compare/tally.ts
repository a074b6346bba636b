// The running totals behind Figures. Documents are tallied, pooled reviewers are averaged and
// outlets are summed on tallies, and only then turned into Figures: shares and densities are
// always recomputed from summed counts, never averaged, and the full list of speakers is kept
// until the end so an outlet's top speakers are its own, not the union of its documents' top 5.
import { ANNOTATION_KINDS } from "@/lib/validation/annotations";
import { addMix, divideMix, emptyMix, MIX_KEYS, type SentimentKey } from "./mix";
import type { BiasType, Certainty, KindCounts, Mix, OpinionHolder, SpeakerType } from "./types";

export interface SpeakerTally {
  key: string;
  name: string;
  count: number;
}

/** What the spans of one layer say; averaged over reviewers for a pooled document. */
export interface SpanTally {
  counts: KindCounts;
  quotedChars: number;
  bySpeakerType: Mix<SpeakerType>;
  named: number;
  unnamed: number;
  speakers: Map<string, SpeakerTally>;
  holder: Mix<OpinionHolder>;
  sentiment: Mix<SentimentKey>;
  bias: Mix<BiasType>;
  certainty: Mix<Certainty>;
}

export interface RepublishedTally {
  outletId: number | null;
  outletName: string | null;
  chars: number;
}

/** A document's or an outlet's totals: its spans' tally plus its size and re-published regions. */
export interface Tally extends SpanTally {
  documents: number;
  words: number;
  chars: number;
  republishedChars: number;
  /** Keyed by original outlet id ("none" for a segment without one). */
  republishedFrom: Map<string, RepublishedTally>;
}

export function emptySpanTally(): SpanTally {
  return {
    counts: { claim: 0, opinion: 0, quote: 0 },
    quotedChars: 0,
    bySpeakerType: emptyMix(MIX_KEYS.speakerType),
    named: 0,
    unnamed: 0,
    speakers: new Map(),
    holder: emptyMix(MIX_KEYS.holder),
    sentiment: emptyMix(MIX_KEYS.sentiment),
    bias: emptyMix(MIX_KEYS.bias),
    certainty: emptyMix(MIX_KEYS.certainty),
  };
}

export function emptyTally(): Tally {
  return { ...emptySpanTally(), documents: 0, words: 0, chars: 0, republishedChars: 0, republishedFrom: new Map() };
}

/** Adds `from`'s span figures into `into` (both mutable tallies of the caller). */
export function addSpanTally(into: SpanTally, from: SpanTally): void {
  for (const kind of ANNOTATION_KINDS) into.counts[kind] += from.counts[kind];
  into.quotedChars += from.quotedChars;
  addMix(into.bySpeakerType, from.bySpeakerType);
  into.named += from.named;
  into.unnamed += from.unnamed;
  for (const s of from.speakers.values()) {
    const known = into.speakers.get(s.key);
    if (known) known.count += s.count;
    else into.speakers.set(s.key, { ...s });
  }
  addMix(into.holder, from.holder);
  addMix(into.sentiment, from.sentiment);
  addMix(into.bias, from.bias);
  addMix(into.certainty, from.certainty);
}

/** Divides every span figure, turning a sum over reviewers into their mean. */
export function divideSpanTally(tally: SpanTally, divisor: number): void {
  for (const kind of ANNOTATION_KINDS) tally.counts[kind] /= divisor;
  tally.quotedChars /= divisor;
  divideMix(tally.bySpeakerType, divisor);
  tally.named /= divisor;
  tally.unnamed /= divisor;
  for (const s of tally.speakers.values()) s.count /= divisor;
  divideMix(tally.holder, divisor);
  divideMix(tally.sentiment, divisor);
  divideMix(tally.bias, divisor);
  divideMix(tally.certainty, divisor);
}

/** Adds a whole document's (or outlet's) tally into an outlet's or the total. */
export function addTally(into: Tally, from: Tally): void {
  addSpanTally(into, from);
  into.documents += from.documents;
  into.words += from.words;
  into.chars += from.chars;
  into.republishedChars += from.republishedChars;
  for (const [key, r] of from.republishedFrom) {
    const known = into.republishedFrom.get(key);
    if (known) known.chars += r.chars;
    else into.republishedFrom.set(key, { ...r });
  }
}
