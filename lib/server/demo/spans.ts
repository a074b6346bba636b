// The demo reviewers' spans, written through createAnnotation like any reviewer's, so every
// check a real span passes (offsets, exact text, attributes, sources, nesting) holds here too.
import type { DemoReviewerKey } from "@/db/seed/demo-people";
import type { DemoSpan } from "@/db/seed/demo-spans";
import { codePointLength, utf16ToCodePoint } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { createAnnotation } from "../annotations";
import type { SessionUser } from "../session";

export interface DemoDocument {
  id: number;
  text: string;
}

/** Span key → the annotation id each reviewer wrote for it. */
export type DemoSpanIds = Map<string, Partial<Record<DemoReviewerKey, number>>>;

/**
 * Code-point offsets of `phrase` in `text`. The phrase must occur exactly once, so a span can
 * never land on another occurrence of the same words after an article is edited.
 */
export function locatePhrase(text: string, phrase: string): { start: number; end: number } {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`demo phrase not in its article: “${phrase}”`);
  if (text.indexOf(phrase, at + 1) >= 0) throw new Error(`demo phrase occurs twice in its article: “${phrase}”`);
  const start = utf16ToCodePoint(text, at);
  return { start, end: start + codePointLength(phrase) };
}

interface Marked {
  kind: AnnotationKind;
  phrase: string;
  attributes: Record<string, unknown>;
}

/** What one reviewer marked for a planned span: Amara as planned, Jonas with his differences. */
function markedBy(span: DemoSpan, reviewer: DemoReviewerKey, sourceIds: Map<string, number>): Marked {
  const planned = { ...span.attributes, ...(span.speaker === undefined ? {} : { source_id: sourceIds.get(span.speaker) }) };
  const variant = reviewer === "jonas" ? span.jonas : undefined;
  if (variant === undefined) return { kind: span.kind, phrase: span.phrase, attributes: planned };
  const kind = variant.kind ?? span.kind;
  const attributes = kind === span.kind ? { ...planned, ...variant.attributes } : { ...variant.attributes };
  return { kind, phrase: variant.phrase ?? span.phrase, attributes };
}

function reviewersOf(span: DemoSpan): DemoReviewerKey[] {
  return span.by === "both" ? ["amara", "jonas"] : [span.by];
}

/** Writes every planned span for each reviewer who marked it; throws if one is refused. */
export async function writeDemoSpans(
  projectId: number,
  documents: readonly DemoDocument[],
  plan: readonly DemoSpan[],
  reviewers: Record<DemoReviewerKey, SessionUser>,
  sourceIds: Map<string, number>,
): Promise<DemoSpanIds> {
  const ids: DemoSpanIds = new Map();
  for (const span of plan) {
    const doc = documents[span.article]!;
    const written: Partial<Record<DemoReviewerKey, number>> = {};
    for (const reviewer of reviewersOf(span)) {
      const marked = markedBy(span, reviewer, sourceIds);
      const { start, end } = locatePhrase(doc.text, marked.phrase);
      const parentId = span.parent === undefined ? null : (ids.get(span.parent)?.[reviewer] ?? null);
      const input = { kind: marked.kind, start, end, exact: marked.phrase, attributes: marked.attributes, parentId };
      const result = await createAnnotation(reviewers[reviewer], projectId, doc.id, input);
      if (!result.ok) throw new Error(`demo span “${span.key}” refused: ${result.error}`);
      written[reviewer] = result.annotation.id;
    }
    ids.set(span.key, written);
  }
  return ids;
}
