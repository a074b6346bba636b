// Claim links: spans in different documents of one story that reviewers marked as the same
// claim, so its path across outlets can be traced. Each function takes the acting user and
// authorizes as the workspace does (membership, blind mode); a span of another project, or
// one the user cannot see, is "not found". The pieces live in ./claim-links/.
import { getDb } from "@/db";
import type { Failure } from "./annotations/result";
import { spanForViewer, spanNotFound } from "./claim-links/access";
import { linkedSpans, linkIdOf, type LinkedSpan } from "./claim-links/read";
import type { SessionUser } from "./session";

export type { LinkedSpan } from "./claim-links/read";
export { DEFAULT_SUGGESTIONS, suggestMatches, type MatchSuggestion, type SuggestResult } from "./claim-links/suggest";
export { linkSpans, unlinkSpan, type LinkResult } from "./claim-links/write";

export type LinkOfResult = { ok: true; linkId: number | null; spans: LinkedSpan[] } | Failure;

/**
 * The link a live span is in and its spans the user may see (the span itself included, in
 * publication order); linkId null and no spans when it is in none. A deleted span is hidden,
 * with its membership kept for when it is restored.
 */
export async function linkOf(user: SessionUser, projectId: number, annotationId: number): Promise<LinkOfResult> {
  const db = getDb();
  const span = await spanForViewer(db, user, projectId, annotationId);
  if (span === null || span.deleted) return spanNotFound(annotationId);
  const linkId = await linkIdOf(db, annotationId);
  return { ok: true, linkId, spans: linkId === null ? [] : await linkedSpans(db, span.viewer, projectId, linkId) };
}
