// Attribution suggestions for one reviewer on one document: lib/suggest runs on the frozen text
// with the project's sources registry and extra cues, and what the reviewer has settled is left
// out (decided keys, and anything overlapping a span of their own). Suggestions are not spans:
// nothing is stored until one is accepted (suggestions-decide.ts), so agreement, review and
// exports never see them. Only the reviewer's own spans and decisions are consulted, so blind
// mode reveals nothing of the others' work here.
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { annotations, projects, sources, suggestionDecisions } from "@/db/tables";
import { suggest } from "@/lib/suggest";
import type { KnownSource, Suggestion } from "@/lib/suggest/types";
import { buildOffsetIndex, type OffsetIndex } from "@/lib/text";
import { clearOf, type SuggestionDto } from "@/lib/validation/suggestions";
import { documentScope, documentText, type Conn, type DocumentScope } from "./annotations/scope";
import type { SessionUser } from "./session";
import { first } from "@/db/rows";

export type SuggestionFailureCode = "not_found" | "disabled" | "frozen" | "stale" | "decided" | "overlap";

export interface SuggestionFailure {
  ok: false;
  status: 404 | 409;
  code: SuggestionFailureCode;
  error: string;
}

export const refuse = (status: SuggestionFailure["status"], code: SuggestionFailureCode, error: string): SuggestionFailure => ({
  ok: false,
  status,
  code,
  error,
});

const documentGone = (): SuggestionFailure => refuse(404, "not_found", "This document does not exist, or you are not a member of its project.");

export const disabled = (): SuggestionFailure =>
  refuse(409, "disabled", "Suggestions are turned off for this project; a manager can turn them on in the project settings.");

/** What suggesting on one document for one reviewer reads: authorized in the first query. */
export interface SuggestionContext {
  ok: true;
  scope: DocumentScope;
  text: string;
  /** Code-point offsets into the text, for slicing many suggestions cheaply. */
  index: OffsetIndex;
  enabled: boolean;
  cues: string[];
  sources: KnownSource[];
}

export async function suggestionContext(conn: Conn, user: SessionUser, projectId: number, documentId: number): Promise<SuggestionContext | SuggestionFailure> {
  const scope = await documentScope(conn, user, projectId, documentId);
  if (scope === null) return documentGone();
  const project = (await first(
    conn.select({ enabled: projects.suggestionsEnabled, cues: projects.suggestionCues }).from(projects).where(eq(projects.id, projectId)),
  ))!;
  const registry = await conn.select({ id: sources.id, name: sources.name, aliases: sources.aliases }).from(sources).where(eq(sources.projectId, projectId));
  const text = await documentText(conn, documentId);
  return { ok: true, scope, text, index: buildOffsetIndex(text), enabled: project.enabled, cues: project.cues, sources: registry };
}

/** Keys the reviewer has accepted or rejected on this document. */
export async function decidedKeys(conn: Conn, userId: number, documentId: number): Promise<Set<string>> {
  const rows = await conn
    .select({ key: suggestionDecisions.key })
    .from(suggestionDecisions)
    .where(and(eq(suggestionDecisions.documentId, documentId), eq(suggestionDecisions.userId, userId)));
  return new Set(rows.map((r) => r.key));
}

/** The reviewer's own live spans on the document, as offsets. */
export async function ownRanges(conn: Conn, userId: number, documentId: number): Promise<{ start: number; end: number }[]> {
  return conn
    .select({ start: annotations.start, end: annotations.end })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.annotatorId, userId), eq(annotations.layer, "annotator"), isNull(annotations.deletedAt)));
}

export function overlapsAny(s: { start: number; end: number }, ranges: readonly { start: number; end: number }[]): boolean {
  return ranges.some((r) => r.start < s.end && s.start < r.end);
}

/** Every suggestion lib/suggest makes for the text now: inside the text, one per key (a decision names a key). */
export function suggestionsFor(context: SuggestionContext): Suggestion[] {
  const length = context.index.codePointLength;
  const seen = new Set<string>();
  return suggest(context.text, { sources: context.sources, extraCues: context.cues }).filter((s) => {
    if (s.start < 0 || s.start >= s.end || s.end > length || seen.has(s.key)) return false;
    seen.add(s.key);
    return true;
  });
}

export function toDto(s: Suggestion, context: SuggestionContext): SuggestionDto {
  const sourceId = s.speaker?.sourceId ?? null;
  const known = sourceId === null ? null : (context.sources.find((r) => r.id === sourceId)?.name ?? null);
  return { ...s, exact: context.index.slice(s.start, s.end), speakerName: known ?? s.speaker?.proposed?.name ?? null };
}

export type SuggestionList = { ok: true; suggestions: SuggestionDto[] } | SuggestionFailure;

/**
 * The suggestions a member has not settled on a document, in reading order. Refused with
 * "disabled" when the project has them turned off: the workspace does not ask then.
 */
export async function listSuggestionsForMember(user: SessionUser, projectId: number, documentId: number): Promise<SuggestionList> {
  const db = getDb();
  const context = await suggestionContext(db, user, projectId, documentId);
  if (!context.ok) return context;
  if (!context.enabled) return disabled();
  const decided = await decidedKeys(db, user.id, documentId);
  const open = clearOf(
    suggestionsFor(context).filter((s) => !decided.has(s.key)),
    await ownRanges(db, user.id, documentId),
  );
  open.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ok: true, suggestions: open.map((s) => toDto(s, context)) };
}
