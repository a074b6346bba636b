// Side-by-side reading: one to three documents of a story with the spans of the layer shown
// on each, and the claim groups and speakers that tie them together.
import type { ClaimGroup, CompareDocument, CompareSource, CompareSpan } from "@/lib/compare/types";
import { fail, type Failure } from "../annotations/result";
import type { SessionUser } from "../session";
import { compareScope, type CompareScope } from "./access";
import { claimGroups } from "./groups";
import { documentsOf, goldDocuments, loadBase, sourcesOf, spansOf } from "./input";
import { finishLayers } from "./layers";
import type { LayerChoice } from "./layer";
import { readSnapshot } from "@/db/sql";

export interface ReadingDocument {
  document: CompareDocument;
  text: string;
  spans: CompareSpan[];
}

export interface ReadingView {
  project: { id: number; name: string };
  story: { id: number; name: string };
  blind: boolean;
  reviewers: { id: number; name: string }[];
  layer: LayerChoice;
  /** The chosen 1..3, in the order asked. */
  documents: ReadingDocument[];
  /** Every document of the story, to choose from. */
  storyDocuments: CompareDocument[];
  groups: ClaimGroup[];
  sources: CompareSource[];
}

export const MAX_READING = 3;

export async function loadReading(
  user: SessionUser,
  projectId: number,
  storyId: number,
  documentIds: number[],
  layer: LayerChoice,
): Promise<{ ok: true; view: ReadingView } | Failure> {
  const scope = await compareScope(user, projectId, storyId);
  if ("ok" in scope) return scope;
  const wanted = [...new Set(documentIds)];
  if (wanted.length === 0 || wanted.length > MAX_READING)
    return fail(400, "invalid", `Choose one to ${MAX_READING} documents of the story to read side by side.`);
  return await readSnapshot(() => readingOf(user, scope, wanted, layer));
}

/** Reads in one snapshot: called inside readSnapshot. */
async function readingOf(user: SessionUser, scope: CompareScope, wanted: number[], layer: LayerChoice): Promise<{ ok: true; view: ReadingView } | Failure> {
  const projectId = scope.project.id;
  const storyId = scope.story!.id;
  const base = await loadBase(scope, layer);
  const storyIds = base.rows.map((d) => d.id);
  if (wanted.some((id) => !storyIds.includes(id))) return fail(404, "not_found", "One of these documents does not exist in this story.");
  const spans = (await spansOf(base, wanted)).sort((a, b) => a.start - b.start || b.end - a.end || a.id - b.id);
  // The documents not shown still say which layer they would show.
  await finishLayers(
    base.queries,
    base.plan,
    storyIds.filter((id) => !wanted.includes(id)),
    [],
    false,
  );
  const storyDocuments = documentsOf(base);
  const inStory = new Map(storyDocuments.map((d) => [d.id, d]));
  const texts = new Map(await base.queries.texts(wanted));
  const documents = wanted.map((id) => ({ document: inStory.get(id)!, text: texts.get(id) ?? "", spans: spans.filter((s) => s.documentId === id) }));
  return {
    ok: true,
    view: {
      project: scope.project,
      story: { id: storyId, name: scope.story!.name },
      blind: scope.blind,
      reviewers: base.plan.reviewers,
      layer: scope.blind ? { reviewerId: user.id } : layer,
      documents,
      storyDocuments,
      groups: await claimGroups(base.queries, projectId, storyId, spans, storyIds, goldDocuments(base, wanted)),
      sources: await sourcesOf(base, spans),
    },
  };
}
