// Turning an export batch's raw rows (arrays, see queries.ts) into the parts of ExportDocument:
// spans in reading order with their reviewers, ratings, and outlets with their ratings.
import type { ExportDocument, ExportOutlet, ExportSpan } from "@/lib/export/types";
import { outletRatingRows, peopleRows, referenceRows, type DocumentTuple, type RatingTuple, type SpanTuple } from "./queries";

export type Person = ExportSpan["annotator"];

export const iso = (ms: number): string => new Date(ms).toISOString();
export const person = (username: string, displayName: string): Person => ({ username, displayName });

export function rating(r: RatingTuple): ExportDocument["ratings"][number] {
  const [, axis, value, label, rationale, isGold, username, displayName, updatedAt] = r;
  return { axis, value, label, rationale, gold: isGold === 1, rater: person(username, displayName), updatedAt: iso(updatedAt) };
}

/** Rows by the document id in column `column`, in the order they came. */
export function groupBy<T extends unknown[]>(rows: readonly T[], column: number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const id = row[column] as number;
    const list = out.get(id);
    if (list === undefined) out.set(id, [row]);
    else list.push(row);
  }
  return out;
}

/** Reading order within a layer: gold first, then reviewers by username; by start, longer first. */
function exportOrder(a: ExportSpan, b: ExportSpan): number {
  if (a.layer !== b.layer) return a.layer === "gold" ? -1 : b.layer === "gold" ? 1 : a.layer < b.layer ? -1 : 1;
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/** A batch's spans by document, each list in export order; people are shared objects, read once per export. */
export async function spansByDocument(rows: readonly SpanTuple[], people: Map<number, Person>): Promise<Map<number, ExportSpan[]>> {
  const missing = [...new Set(rows.map((r) => r[3]))].filter((id) => !people.has(id));
  if (missing.length > 0) for (const [id, username, displayName] of await peopleRows(missing)) people.set(id, person(username, displayName));
  const out = new Map<number, ExportSpan[]>();
  for (const [id, documentId, isGold, annotatorId, kind, start, end, exact, prefix, suffix, attributes, note, parentId, createdAt, updatedAt] of rows) {
    const annotator = people.get(annotatorId)!;
    const span: ExportSpan = {
      id,
      layer: isGold === 1 ? "gold" : `reviewer:${annotator.username}`,
      annotator,
      kind,
      start,
      end,
      exact,
      prefix,
      suffix,
      attributes: JSON.parse(attributes) as Record<string, unknown>,
      note,
      parentId,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
    };
    const list = out.get(documentId);
    if (list === undefined) out.set(documentId, [span]);
    else list.push(span);
  }
  for (const list of out.values()) list.sort(exportOrder);
  return out;
}

/** Registry ids a span refers to: a quote's speaker and a claim's or opinion's targets. */
export function sourceIdsOf(span: ExportSpan, into: Set<number>): void {
  const { source_id: speaker, targets } = span.attributes;
  if (typeof speaker === "number") into.add(speaker);
  if (Array.isArray(targets)) for (const t of targets) if (typeof t === "number") into.add(t);
}

/** Few outlets serve many documents: each outlet's ratings are read once per export. */
export class OutletCache {
  private readonly outlets = new Map<number, Pick<ExportOutlet, "ratings" | "references">>();
  constructor(private readonly projectId: number) {}

  /** Reads the ratings of the batch's outlets not seen yet; `outlet` needs them loaded. */
  async load(rows: readonly DocumentTuple[]): Promise<void> {
    for (const row of rows) {
      const outletId = row[12];
      if (outletId === null || this.outlets.has(outletId)) continue;
      this.outlets.set(outletId, {
        ratings: (await outletRatingRows(this.projectId, outletId)).map(rating),
        references: (await referenceRows(outletId)).map(([publisher, axis, value, label, retrievedAt, url]) => ({
          publisher,
          axis,
          value,
          label,
          retrievedAt,
          url,
        })),
      });
    }
  }

  outlet(row: DocumentTuple): ExportOutlet | null {
    const [, , , , , , , , , , , , id, name, domain, kind, country] = row;
    if (id === null) return null;
    return { id, name: name ?? "", domain, kind: kind ?? "other", country, ...this.outlets.get(id)! };
  }
}
