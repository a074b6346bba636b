// Turning a tally into the Figures a page shows. Shares and densities are computed here, from
// the summed counts, so an outlet's share is its quoted characters over its characters, not
// the mean of its documents' shares (a short piece would weigh as much as a long one).
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/validation/annotations";
import type { Figures, RepublishedFrom, SpeakerCount } from "./types";
import type { RepublishedTally, SpeakerTally, Tally } from "./tally";
import { byName } from "./order";

export const TOP_SPEAKERS = 5;

/** part / whole, or null when the whole is zero (no text, no quote that says either). */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function per1000(count: number, words: number): number | null {
  return words === 0 ? null : (count / words) * 1000;
}

/** The most quoted speakers, most first, ties by name then key so the order is stable. */
export function topSpeakers(speakers: Iterable<SpeakerTally>, limit = TOP_SPEAKERS): SpeakerCount[] {
  return [...speakers]
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || byName(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, limit)
    .map((s) => ({ key: s.key, name: s.name, count: s.count }));
}

function republishedFrom(from: Iterable<RepublishedTally>, chars: number): RepublishedFrom[] {
  return [...from]
    .map((r) => ({ outletId: r.outletId, outletName: r.outletName, chars: r.chars, share: chars === 0 ? 0 : r.chars / chars }))
    .sort((a, b) => b.chars - a.chars || byName(a.outletName ?? "", b.outletName ?? ""));
}

export function toFigures(t: Tally): Figures {
  const densities = {} as Record<AnnotationKind, number | null>;
  for (const kind of ANNOTATION_KINDS) densities[kind] = per1000(t.counts[kind], t.words);
  const quotedChars = Math.min(t.quotedChars, t.chars);
  return {
    documents: t.documents,
    words: t.words,
    chars: t.chars,
    counts: { ...t.counts },
    per1000: densities,
    voice: { quotedChars, ownChars: t.chars - quotedChars, quotedShare: ratio(quotedChars, t.chars) },
    sourcing: {
      bySpeakerType: { ...t.bySpeakerType },
      named: t.named,
      unnamed: t.unnamed,
      namedShare: ratio(t.named, t.named + t.unnamed),
      topSpeakers: topSpeakers(t.speakers.values()),
    },
    opinions: { holder: { ...t.holder }, sentiment: { ...t.sentiment }, bias: { ...t.bias } },
    claims: { certainty: { ...t.certainty } },
    republished: { chars: t.republishedChars, share: ratio(t.republishedChars, t.chars), from: republishedFrom(t.republishedFrom.values(), t.chars) },
  };
}
