// Settling suggestions: accept one (it becomes the reviewer's own attributed quote, with the
// speaker linked to the registry, made there first when new), reject one, or accept every
// open one at or above a confidence. Each decision is stored with the span it made, in the
// same transaction, so a refusal halfway leaves neither a span, a source nor a decision.
import { getDb } from "@/db";
import { suggestionDecisions, type Source } from "@/db/tables";
import type { GuessedSourceKind, Suggestion } from "@/lib/suggest/types";
import { newSourceSchema, type AnnotationDto, type QuoteAttributes, type SourceDto } from "@/lib/validation/annotations";
import { createAnnotation, type Failure } from "./annotations";
import type { Conn } from "./annotations/scope";
import { lockDocument, lockProject } from "./locks";
import type { SessionUser } from "./session";
import { createSource, getSource } from "./sources";
import {
  decidedKeys,
  disabled,
  overlapsAny,
  ownRanges,
  refuse,
  suggestionContext,
  suggestionsFor,
  type SuggestionContext,
  type SuggestionFailure,
} from "./suggestions";

export type DecideFailure = SuggestionFailure | Failure;

export interface AcceptedSuggestion {
  key: string;
  annotation: AnnotationDto;
  /** The speaker's registry source, or null when the suggestion named none. */
  source: SourceDto | null;
  /** True when accepting added the speaker to the registry. */
  newSource: boolean;
}

export type AcceptResult = ({ ok: true } & AcceptedSuggestion) | DecideFailure;
export type RejectResult = { ok: true; key: string } | DecideFailure;
export type AcceptAllResult = { ok: true; accepted: AcceptedSuggestion[]; skipped: number } | DecideFailure;

/** Thrown inside a transaction to roll it back; caught at its edge and returned as the refusal. */
class Refused extends Error {
  constructor(readonly failure: DecideFailure) {
    super(failure.error);
  }
}

const SOURCE_KIND: Record<GuessedSourceKind, Source["kind"]> = { person: "person", organisation: "organization", anonymous: "anonymous" };
const SPEAKER_TYPE: Record<Source["kind"], NonNullable<QuoteAttributes["speaker_type"]>> = {
  person: "named_person",
  organization: "named_org",
  government: "named_org",
  document: "document",
  media_outlet: "media_outlet",
  anonymous: "unnamed_person",
};

/** The context, once suggestions are on and the reviewer's layer is open, or the refusal. */
async function openContext(user: SessionUser, projectId: number, documentId: number): Promise<SuggestionContext | SuggestionFailure> {
  const context = await suggestionContext(getDb(), user, projectId, documentId);
  if (!context.ok) return context;
  if (!context.enabled) return disabled();
  if (context.scope.myStatus === "submitted") return refuse(409, "frozen", "You marked this document done; ask a manager to reopen it.");
  return context;
}

function findSuggestion(context: SuggestionContext, key: string): Suggestion | SuggestionFailure {
  const found = suggestionsFor(context).find((s) => s.key === key);
  if (found !== undefined) return found;
  return refuse(409, "stale", `The text no longer yields suggestion ${key}: the project's sources or cues may have changed. Reload the suggestions.`);
}

async function alreadyDecided(conn: Conn, user: SessionUser, documentId: number, key: string): Promise<SuggestionFailure | null> {
  if (!(await decidedKeys(conn, user.id, documentId)).has(key)) return null;
  return refuse(409, "decided", `You have already accepted or rejected suggestion ${key}; it is not offered again.`);
}

/** The registry source the speaker is, made now when the suggester proposed a new one. */
async function speakerSource(user: SessionUser, projectId: number, s: Suggestion): Promise<{ source: SourceDto | null; created: boolean } | DecideFailure> {
  if (s.speaker === null) return { source: null, created: false };
  if (s.speaker.sourceId !== null) return { source: await getSource(user, projectId, s.speaker.sourceId), created: false };
  const proposed =
    s.speaker.proposed === null ? null : newSourceSchema.safeParse({ name: s.speaker.proposed.name, kind: SOURCE_KIND[s.speaker.proposed.kind] });
  if (proposed === null || !proposed.success) return { source: null, created: false };
  const made = await createSource(user, projectId, proposed.data);
  if (made.ok) return { source: made.source, created: true };
  return made.existing === undefined ? made : { source: made.existing, created: false };
}

function quoteAttributes(s: Suggestion, source: SourceDto | null): QuoteAttributes {
  const attributes: QuoteAttributes = { mode: s.type };
  if (s.speaker !== null) attributes.speaker_text = s.speaker.text.slice(0, 300);
  if (source !== null) {
    attributes.source_id = source.id;
    attributes.speaker_type = SPEAKER_TYPE[source.kind];
  }
  if (s.cue !== null) attributes.cue = s.cue.text.slice(0, 100);
  return attributes;
}

/** Inside the caller's transaction: the speaker, the span and the decision; throws Refused on a refusal. */
async function acceptIn(tx: Conn, user: SessionUser, context: SuggestionContext, s: Suggestion): Promise<AcceptedSuggestion> {
  const { projectId, documentId } = context.scope;
  const speaker = await speakerSource(user, projectId, s);
  if ("ok" in speaker) throw new Refused(speaker);
  const exact = context.index.slice(s.start, s.end);
  const made = await createAnnotation(user, projectId, documentId, {
    kind: "quote",
    start: s.start,
    end: s.end,
    exact,
    attributes: quoteAttributes(s, speaker.source),
  });
  if (!made.ok) throw new Refused(made);
  await tx.insert(suggestionDecisions).values({ projectId, documentId, userId: user.id, key: s.key, decision: "accepted", annotationId: made.annotation.id });
  return { key: s.key, annotation: made.annotation, source: speaker.source, newSource: speaker.created };
}

/**
 * Runs `body` in one IMMEDIATE transaction; a Refused thrown inside rolls it back and is returned.
 * It first locks the project (the sources a speaker may create) and the document (its spans and
 * decisions), so a second click at once waits and then finds the suggestion decided, also on PostgreSQL.
 */
async function settle<T>(scope: { projectId: number; documentId: number }, body: (tx: Conn) => Promise<T>): Promise<T | DecideFailure> {
  try {
    return await getDb().transaction(
      async (tx) => {
        await lockProject(tx, scope.projectId);
        await lockDocument(tx, scope.documentId);
        return await body(tx);
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (error instanceof Refused) return error.failure;
    throw error;
  }
}

/** The reviewer accepts one suggestion: it becomes their attributed quote, speaker and cue filled in. */
export async function acceptSuggestion(user: SessionUser, projectId: number, documentId: number, key: string): Promise<AcceptResult> {
  const context = await openContext(user, projectId, documentId);
  if (!context.ok) return context;
  return settle(context.scope, async (tx): Promise<AcceptResult> => {
    const decided = await alreadyDecided(tx, user, documentId, key);
    if (decided !== null) return decided;
    const s = findSuggestion(context, key);
    if ("ok" in s) return s;
    if (overlapsAny(s, await ownRanges(tx, user.id, documentId))) {
      return refuse(409, "overlap", `Suggestion ${key} overlaps a span of yours; edit that span instead.`);
    }
    return { ok: true, ...(await acceptIn(tx, user, context, s)) };
  });
}

/** The reviewer rejects one suggestion; it is not offered to them again. */
export async function rejectSuggestion(user: SessionUser, projectId: number, documentId: number, key: string): Promise<RejectResult> {
  const context = await openContext(user, projectId, documentId);
  if (!context.ok) return context;
  return settle(context.scope, async (tx): Promise<RejectResult> => {
    const decided = await alreadyDecided(tx, user, documentId, key);
    if (decided !== null) return decided;
    const s = findSuggestion(context, key);
    if ("ok" in s) return s;
    await tx.insert(suggestionDecisions).values({ projectId, documentId, userId: user.id, key, decision: "rejected" });
    return { ok: true, key };
  });
}

/**
 * Accepts every open suggestion at or above `minConfidence`, in reading order, in one
 * transaction. One that overlaps a span (or an earlier suggestion just accepted) is skipped and
 * counted; a refusal of any one refuses them all, with nothing written.
 */
export async function acceptAllSuggestions(user: SessionUser, projectId: number, documentId: number, minConfidence: number): Promise<AcceptAllResult> {
  const context = await openContext(user, projectId, documentId);
  if (!context.ok) return context;
  const candidates = suggestionsFor(context)
    .filter((s) => s.confidence >= minConfidence)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return settle(context.scope, async (tx): Promise<AcceptAllResult> => {
    const decided = await decidedKeys(tx, user.id, documentId);
    const taken = await ownRanges(tx, user.id, documentId);
    const accepted: AcceptedSuggestion[] = [];
    let skipped = 0;
    for (const s of candidates) {
      if (decided.has(s.key)) continue;
      if (overlapsAny(s, taken)) skipped += 1;
      else {
        accepted.push(await acceptIn(tx, user, context, s));
        taken.push(s);
      }
    }
    return { ok: true, accepted, skipped };
  });
}
