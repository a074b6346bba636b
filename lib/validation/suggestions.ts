// Suggestions (lib/suggest) as the API and the settings form speak of them: the key of one
// suggestion, the accept-all threshold, the project's setting and extra cues, and what the
// server sends for each suggestion. Shared by the route handlers, lib/server and the workspace.
import type { Suggestion } from "@/lib/suggest/types";
import { z } from "@/lib/validation/zod";

/** A suggestion's key is `${start}:${end}` in code points (lib/suggest/types.ts). */
export const SUGGESTION_KEY = /^(0|[1-9]\d{0,9}):[1-9]\d{0,9}$/;

const keySchema = z
  .string({ message: "key must be the suggestion's key, such as “120:164”." })
  .regex(SUGGESTION_KEY, "key must be the suggestion's key: its start and end offsets, such as “120:164”.");

export const decideSuggestionSchema = z.strictObject({ key: keySchema });
export type DecideSuggestionInput = z.infer<typeof decideSuggestionSchema>;

export const acceptAllSchema = z.strictObject({
  minConfidence: z
    .number({ message: "minConfidence must be a number from 0 to 1: suggestions at or above it are accepted." })
    .min(0, "minConfidence runs from 0 to 1.")
    .max(1, "minConfidence runs from 0 to 1."),
});
export type AcceptAllInput = z.infer<typeof acceptAllSchema>;

export const CUES_MAX = 50;
export const CUE_MAX_LENGTH = 40;

const cueSchema = z
  .string()
  .trim()
  .min(1, "A cue cannot be empty.")
  .max(CUE_MAX_LENGTH, `A cue is at most ${CUE_MAX_LENGTH} characters.`)
  .regex(/^[\p{L}\p{M}' -]+$/u, "A cue is one or a few words, such as “briefed” or “wrote in a statement”.");

export const suggestionSettingsSchema = z.strictObject({
  enabled: z.boolean({ message: "enabled must be true or false." }),
  cues: z.array(cueSchema).max(CUES_MAX, `At most ${CUES_MAX} extra cues.`),
});
export type SuggestionSettings = z.infer<typeof suggestionSettingsSchema>;

/** The cues as a person types them in the settings: one per line (commas also separate), repeats dropped. */
export function parseCueList(typed: string): string[] {
  const cues = typed
    .split(/[\n,]/)
    .map((c) => c.trim().replace(/\s+/g, " "))
    .filter((c) => c !== "");
  return cues.filter((c, i) => cues.findIndex((o) => o.toLowerCase() === c.toLowerCase()) === i);
}

/** One suggestion as the workspace gets it: the suggester's own, plus the speaker's name to show. */
export interface SuggestionDto extends Suggestion {
  /** The quoted text, as a span would store it. */
  readonly exact: string;
  /** The registry source's name, or the name a new source would get; null without a speaker. */
  readonly speakerName: string | null;
}

interface Stretch {
  readonly start: number;
  readonly end: number;
}

/**
 * The items that overlap none of `ranges`, in their order: the suggestions a reviewer is still
 * offered, given their own spans. Binary search over the ranges by start, with the furthest end
 * reached so far, so thousands of spans cost O((n + m) log m) rather than n × m.
 */
export function clearOf<T extends Stretch>(items: readonly T[], ranges: readonly Stretch[]): T[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  sorted.forEach((r, i) => reach.push(Math.max(r.end, i > 0 ? reach[i - 1]! : -Infinity)));
  return items.filter((s) => {
    // The ranges starting before s ends are sorted[0 .. lo); one of them overlaps s iff one reaches past s.start.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.start < s.end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || reach[lo - 1]! <= s.start;
  });
}

/** A confidence as people read it: 0.87 → "87%". */
export function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** The thresholds the "Accept all ≥" control offers. */
export const ACCEPT_ALL_THRESHOLDS = [0.9, 0.8, 0.7, 0.5] as const;
