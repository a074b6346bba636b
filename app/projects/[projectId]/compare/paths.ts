// The URLs the comparison pages link to, each carrying the layer that was chosen so a reader
// who follows a link keeps seeing the same layer.
import type { TableName } from "@/lib/compare/tables";

export interface ComparePaths {
  /** The comparison page itself: a story's, or the whole project's. */
  page: string;
  csv: string;
  quotes: string;
  /** Side-by-side reading, which is per story: null for the whole project. */
  read: string | null;
  /** The `layer` query value, or null for the default rule. */
  layer: string | null;
  documentBase: string;
}

export function comparePaths(projectId: number, storyId: number | null, layer: string | null): ComparePaths {
  const project = `/projects/${projectId}`;
  const page = storyId === null ? `${project}/compare` : `${project}/stories/${storyId}`;
  return { page, csv: `${page}/csv`, quotes: `${page}/quotes`, read: storyId === null ? null : `${page}/read`, layer, documentBase: `${project}/documents` };
}

export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") query.set(key, value);
  const s = query.toString();
  return s === "" ? path : `${path}?${s}`;
}

export const csvHref = (p: ComparePaths, table: TableName): string => withQuery(p.csv, { table, layer: p.layer });

export const quotesHref = (p: ComparePaths, speakerKey: string, outletId: number | null): string =>
  withQuery(p.quotes, { speaker: speakerKey, outlet: outletId === null ? "none" : String(outletId), layer: p.layer });

/** Reading for up to three documents, or null when there is no reading page or fewer than two. */
export function readHref(p: ComparePaths, documentIds: number[]): string | null {
  const ids = [...new Set(documentIds)].slice(0, 3);
  if (p.read === null || ids.length < 2) return null;
  return withQuery(p.read, { docs: ids.join(","), layer: p.layer });
}

export const documentHref = (p: ComparePaths, documentId: number): string => `${p.documentBase}/${documentId}`;
