// Small helpers for the suggester tests: find a suggestion by its content, read its text.
import type { Suggestion } from "@/lib/suggest";

export function contentOf(text: string, s: { start: number; end: number }): string {
  return Array.from(text).slice(s.start, s.end).join("");
}

export function byContent(text: string, out: readonly Suggestion[], content: string): Suggestion {
  const hit = out.find((s) => contentOf(text, s) === content);
  if (hit === undefined) throw new Error(`no suggestion for ${JSON.stringify(content)}; got ${JSON.stringify(out.map((s) => contentOf(text, s)))}`);
  return hit;
}

export function speakerOf(s: Suggestion): string | null {
  return s.speaker === null ? null : (s.speaker.proposed?.name ?? `#${s.speaker.sourceId}`);
}
