// The quotes behind one cell of the speakers × outlets matrix: the same spans the matrix
// counted, found through the comparison itself so the list and the count cannot disagree.
import { compare } from "@/lib/compare";
import type { CompareDocument, CompareSpan } from "@/lib/compare/types";
import { fail, type Failure } from "../annotations/result";
import type { SessionUser } from "../session";
import { compareScope, type CompareScope } from "./access";
import { documentsOf, loadBase, sourcesOf, spansOf } from "./input";
import type { LayerChoice } from "./layer";
import { readSnapshot } from "@/db/sql";

export interface CellQuote {
  span: CompareSpan;
  document: CompareDocument;
  speakerName: string;
}

export type CellResult = { ok: true; speakerName: string; outletName: string | null; quotes: CellQuote[] } | Failure;

/** `outletId` null is the column of documents without an outlet. */
export async function quotesInCell(
  user: SessionUser,
  projectId: number,
  storyId: number | null,
  layer: LayerChoice,
  speakerKey: string,
  outletId: number | null,
): Promise<CellResult> {
  const scope = await compareScope(user, projectId, storyId);
  if ("ok" in scope) return scope;
  return await readSnapshot(() => cellQuotes(scope, layer, speakerKey, outletId));
}

/** Reads in one snapshot: called inside readSnapshot. */
async function cellQuotes(scope: CompareScope, layer: LayerChoice, speakerKey: string, outletId: number | null): Promise<CellResult> {
  const base = await loadBase(scope, layer);
  if (!base.rows.some((d) => d.outlet_id === outletId))
    return fail(404, "not_found", outletId === null ? "Every document here has an outlet." : "This outlet has no document here.");
  // Only quotes feed the matrix, so only they go into the comparison.
  const spans = await spansOf(
    base,
    base.rows.map((d) => d.id),
    "quote",
  );
  const documents = documentsOf(base);
  const column = documents.filter((d) => d.outletId === outletId);
  const input = { documents, spans, sources: await sourcesOf(base, spans), segments: [], ratings: [], published: [], axes: [], groups: [] };
  const row = compare(input).speakers.find((r) => r.key === speakerKey);
  if (row === undefined) return fail(404, "not_found", "Nobody by that name is quoted here in the layer shown.");
  const cellIds = new Set(row.cells.find((c) => c.outletId === outletId)?.spanIds ?? []);
  const inColumn = new Map(column.map((d) => [d.id, d]));
  const quotes = spans
    .filter((s) => cellIds.has(s.id) && inColumn.has(s.documentId))
    .map((span): CellQuote => ({ span, document: inColumn.get(span.documentId)!, speakerName: row.name }))
    .sort((a, b) => byDate(a.document, b.document) || a.span.start - b.span.start || a.span.id - b.span.id);
  return { ok: true, speakerName: row.name, outletName: column[0]!.outletName, quotes };
}

/** Dated documents first, oldest first; then by id. */
function byDate(a: CompareDocument, b: CompareDocument): number {
  if (a.publishedAt !== b.publishedAt) {
    if (a.publishedAt === null) return 1;
    if (b.publishedAt === null) return -1;
    return a.publishedAt < b.publishedAt ? -1 : 1;
  }
  return a.id - b.id;
}
