import type { ReviewSpan } from "@/lib/review";
import type { AnnotationKind } from "@/lib/validation/annotations";

let nextId = 1;

/** A span of reviewer `reviewerId`; ids are unique across a test file. */
export function span(reviewerId: number, kind: AnnotationKind, start: number, end: number, attributes: Record<string, unknown> = {}): ReviewSpan {
  return { id: nextId++, reviewerId, kind, start, end, attributes };
}
