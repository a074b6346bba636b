// How sure a suggestion is, from which rules fired. Direct quotes found by their marks are
// near-certain as spans; what lowers confidence is not knowing who spoke.
import type { SuggestionType } from "./types";

export type SpeakerEvidence = "registry" | "name" | "description" | "pronoun" | "none";

export function confidenceOf(type: SuggestionType, hasCue: boolean, speaker: SpeakerEvidence, paragraphs: number): number {
  let score = type === "direct" ? 0.55 : 0.45;
  if (hasCue) score += 0.15;
  score += { registry: 0.25, name: 0.2, description: 0.15, pronoun: 0.12, none: 0 }[speaker];
  if (paragraphs > 1) score -= 0.05;
  return Math.round(Math.min(0.98, Math.max(0.05, score)) * 100) / 100;
}
