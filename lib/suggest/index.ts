// The attribution suggester (issue 14): direct quotes in any quotation-mark style, their cue
// and speaker, and indirect attributions, as suggestions a reviewer settles with one key.
// Pure and synchronous; offsets are code points (DESIGN.md, offsets rule).
//
// Decisions: a quote split by its attribution ("X," she said, "Y") gives one suggestion per
// quoted part, both with the same speaker, because the attribution words between them are not
// quoted content. Reported speech that holds a quoted fragment ("she said the plan was “a
// disaster”") is one "mixed" suggestion over the whole reported content.
import { toCodePoints } from "@/lib/text/snap";
import { confidenceOf } from "./confidence";
import { buildContext, type Found } from "./context";
import { directQuote } from "./direct";
import { indirectAttributions } from "./indirect";
import { findQuotedSpans, type QuotedSpan } from "./quote-marks";
import { resolveSpeaker, type LastPerson } from "./speaker";
import type { Suggester, Suggestion, SuggestOptions } from "./types";

export type * from "./types";

function quotedMask(length: number, spans: readonly QuotedSpan[]): Uint8Array {
  const mask = new Uint8Array(length + 1);
  for (const s of spans) mask.fill(1, s.open, s.close + 1);
  return mask;
}

/** Indirect content holding quoted parts becomes mixed; one that is all quote is left to the direct rule. */
function mergeMixed(direct: Found[], indirect: Found[]): Found[] {
  const kept: Found[] = [];
  const swallowed = new Set<Found>();
  let d = 0;
  for (const ind of indirect) {
    while (d < direct.length && direct[d]!.end <= ind.start) d++;
    const inside: Found[] = [];
    for (let j = d; j < direct.length && direct[j]!.start < ind.end; j++) inside.push(direct[j]!);
    if (inside.length === 0) kept.push(ind);
    else if (inside.every((q) => q.start >= ind.start - 1 && q.end <= ind.end + 1)) {
      const quotedLength = inside.reduce((n, q) => n + q.end - q.start, 0);
      if (quotedLength >= 0.8 * (ind.end - ind.start)) continue;
      inside.forEach((q) => swallowed.add(q));
      kept.push({ ...ind, type: "mixed", evidence: [...ind.evidence, "holds quoted words"] });
    }
  }
  const all = [...direct.filter((q) => !swallowed.has(q)), ...kept].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Found[] = [];
  for (const f of all) if (out.length === 0 || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
}

export const suggest: Suggester = (text: string, options: SuggestOptions = {}): Suggestion[] => {
  const chars = toCodePoints(text);
  const ctx = buildContext(chars, options.sources ?? [], options.extraCues ?? []);
  const spans = findQuotedSpans(chars);
  const direct: Found[] = [];
  for (const span of spans) {
    const hit = directQuote(ctx, span);
    if (typeof hit !== "string") direct.push(hit);
  }
  // The second half of a split quote shares the first half's speaker when its own is missing.
  for (let i = 1; i < direct.length; i++) {
    const prev = direct[i - 1]!;
    const cur = direct[i]!;
    if (cur.speaker === null && prev.speaker !== null && prev.cue !== null && cur.start - prev.end < 80 && !chars.slice(prev.end, cur.start).includes("\n")) {
      direct[i] = { ...cur, speaker: prev.speaker, cue: prev.cue, evidence: [...cur.evidence, "continues a quote split by its attribution"] };
    }
  }
  const merged = mergeMixed(direct, indirectAttributions(ctx, quotedMask(chars.length, spans)));
  let lastPerson: LastPerson | null = null;
  return merged.map((f) => {
    const r = resolveSpeaker(ctx, f, lastPerson);
    const named = r.evidence === "registry" || (r.evidence === "name" && r.speaker?.proposed?.kind === "person");
    if (r.speaker !== null && named) lastPerson = { at: f.end, speaker: r.speaker };
    const cueStart = f.cue === null ? 0 : ctx.words[f.cue.first]!.start;
    const cueEnd = f.cue === null ? 0 : ctx.words[f.cue.last]!.end;
    return {
      key: `${f.start}:${f.end}`,
      start: f.start,
      end: f.end,
      type: f.type,
      cue: f.cue === null ? null : { start: cueStart, end: cueEnd, text: chars.slice(cueStart, cueEnd).join("") },
      speaker: r.speaker,
      confidence: confidenceOf(f.type, f.cue !== null, r.evidence, f.paragraphs),
      evidence: [...f.evidence, r.note],
    };
  });
};
