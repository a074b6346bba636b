// Suggested matches for the active span: live spans the viewer may see in the story's other
// documents, of the same layer, not already in the span's link, ranked by text similarity
// (lib/links/similarity). The winners are read again from the database under the viewer's
// visibility, so a stale cache entry can cost a suggestion but never show a hidden span.
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, documents } from "@/db/tables";
import { DEFAULT_FLOOR, rankBySimilarity, vectorize } from "@/lib/links/similarity";
import { fail, type Failure } from "../annotations/result";
import type { SessionUser } from "../session";
import { liveSpan, spanNotFound, type SpanAccess } from "./access";
import { documentCandidates, type CachedGroup } from "./candidates";
import { describeSpans, linkIdOf, memberIds, type LinkedSpan } from "./read";
import { first } from "@/db/rows";

export interface MatchSuggestion extends LinkedSpan {
  /** Text similarity to the active span, 0–1. */
  score: number;
}

export type SuggestResult = { ok: true; suggestions: MatchSuggestion[] } | Failure;

export const DEFAULT_SUGGESTIONS = 5;
const MAX_SUGGESTIONS = 50;

export const noStory = (title: string): Failure =>
  fail(409, "invalid", `“${title}” is in no story, so there is nothing to match it against. A manager can add it to a story on the Stories page.`);

/** Whose spans may be suggested: the active span's layer, and only the viewer's own in blind mode. */
function suggestable(span: SpanAccess, group: CachedGroup): boolean {
  if (group.layer !== span.layer) return false;
  return span.viewer.seesOthers || (group.annotatorId === span.viewer.userId && group.layer === "annotator");
}

export async function suggestMatches(
  user: SessionUser,
  projectId: number,
  documentId: number,
  annotationId: number,
  limit = DEFAULT_SUGGESTIONS,
): Promise<SuggestResult> {
  const db = getDb();
  const span = await liveSpan(db, user, projectId, annotationId);
  if ("ok" in span) return span;
  if (span.documentId !== documentId) return spanNotFound(annotationId);
  if (span.storyId === null) return noStory(span.documentTitle);
  const others = (
    await db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.projectId, projectId), eq(documents.storyId, span.storyId), ne(documents.id, documentId)))
  ).map((d) => d.id);
  const linkId = await linkIdOf(db, span.id);
  const linked = new Set(linkId === null ? [] : await memberIds(db, linkId));
  const { vocabulary, perDocument } = await documentCandidates(db, others);
  const exact = (await first(db.select({ exact: annotations.exact }).from(annotations).where(eq(annotations.id, span.id))))?.exact ?? "";
  const query = vectorize(exact, vocabulary);
  const wanted = Math.min(Math.max(1, Math.floor(limit)), MAX_SUGGESTIONS);
  const groups = perDocument
    .flat()
    .filter((g) => suggestable(span, g))
    .map((g) => g.spans);
  const ranked = rankBySimilarity(query, groups, { limit: wanted, floor: DEFAULT_FLOOR, vocabularySize: vocabulary.size, exclude: linked });
  const described = new Map(
    (
      await describeSpans(
        db,
        span.viewer,
        projectId,
        ranked.map((r) => r.item),
      )
    ).map((s) => [s.annotationId, s]),
  );
  const suggestions: MatchSuggestion[] = [];
  for (const r of ranked) {
    const s = described.get(r.item);
    if (s !== undefined && s.layer === span.layer) suggestions.push({ ...s, score: Math.round(r.score * 1000) / 1000 });
  }
  return { ok: true, suggestions };
}
