// Process-memory cache of each document's live spans as term vectors, grouped by reviewer and
// layer (lib/links/span-group), so ranking a story's
// spans again costs a few array passes instead of reading and tokenizing every span. An entry
// is keyed by (document, live span count, latest updated_at): any create, edit, delete or
// restore changes the key. Checking those keys reads every span row of the story, so it is
// skipped while the database has not changed at all since the last check (databaseGeneration).
// The cache holds every span of a document, whoever wrote it; callers filter by what the
// viewer may see and re-read the winners through the same visibility rule, so the cache never
// decides who sees what.
import { and, count, eq, inArray, isNull, max } from "drizzle-orm";
import { databaseGeneration } from "@/db";
import { annotations } from "@/db/tables";
import { SpanGroup, Vocabulary, vectorize, type TermVector } from "@/lib/links/similarity";
import type { Conn } from "../annotations/scope";

/** The live spans of one reviewer (or the gold layer) on one document, by span id. */
export interface CachedGroup {
  annotatorId: number;
  layer: "annotator" | "gold";
  spans: SpanGroup<number>;
}

interface Entry {
  key: string;
  groups: CachedGroup[];
  /** The database generation at which `key` was last found current. */
  checked: string;
}

interface Cache {
  vocabulary: Vocabulary;
  documents: Map<number, Entry>;
  connection: object | null;
}

// Bounds on memory: past these, start afresh (the next request rebuilds what it needs).
const MAX_DOCUMENTS = 400;
const MAX_TERMS = 3_000_000;

const holder = globalThis as typeof globalThis & { __claimLinkCandidates?: Cache };

function fresh(connection: object | null): Cache {
  return { vocabulary: new Vocabulary(), documents: new Map(), connection };
}

/** The cache, emptied when too large or when the database connection was reopened. */
function cache(connection: object): Cache {
  let c = holder.__claimLinkCandidates;
  if (c === undefined || c.vocabulary.size > MAX_TERMS || c.connection !== connection) c = holder.__claimLinkCandidates = fresh(connection);
  return c;
}

async function keys(conn: Conn, documentIds: number[]): Promise<Map<number, string>> {
  const rows = await conn
    .select({ documentId: annotations.documentId, n: count(), latest: max(annotations.updatedAt) })
    .from(annotations)
    .where(and(inArray(annotations.documentId, documentIds), isNull(annotations.deletedAt)))
    .groupBy(annotations.documentId);
  return new Map(rows.map((r) => [r.documentId, `${r.n}:${r.latest?.getTime() ?? 0}`]));
}

/** Candidate rows read from the database since the process started: tests use it to tell a cache hit. */
export const loads = { rows: 0 };

async function load(conn: Conn, documentId: number, vocabulary: Vocabulary): Promise<CachedGroup[]> {
  const rows = await conn
    .select({ id: annotations.id, annotatorId: annotations.annotatorId, layer: annotations.layer, exact: annotations.exact })
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), isNull(annotations.deletedAt)))
    .orderBy(annotations.id);
  loads.rows += rows.length;
  // Reviewers and the gold layer often mark the same sentence: the same text makes one
  // (read-only) vector, shared by its spans.
  const vectors = new Map<string, TermVector>();
  const byOwner = new Map<string, { annotatorId: number; layer: CachedGroup["layer"]; entries: { item: number; vector: TermVector }[] }>();
  for (const row of rows) {
    const owner = `${row.layer}:${row.annotatorId}`;
    const group = byOwner.get(owner) ?? { annotatorId: row.annotatorId, layer: row.layer, entries: [] };
    let vector = vectors.get(row.exact);
    if (vector === undefined) vectors.set(row.exact, (vector = vectorize(row.exact, vocabulary)));
    group.entries.push({ item: row.id, vector });
    byOwner.set(owner, group);
  }
  return [...byOwner.values()].map(({ entries, ...owner }) => ({ ...owner, spans: new SpanGroup(entries) }));
}

export interface Candidates {
  /** The vocabulary of these vectors: vectorize the active span with it too. */
  vocabulary: Vocabulary;
  perDocument: CachedGroup[][];
}

/** The live spans of these documents, as vectors, from the cache where its key still holds. */
export async function documentCandidates(conn: Conn, documentIds: number[]): Promise<Candidates> {
  const { connection, generation: now } = await databaseGeneration();
  const c = cache(connection);
  if (documentIds.length === 0) return { vocabulary: c.vocabulary, perDocument: [] };
  const unchanged = documentIds.every((id) => c.documents.get(id)?.checked === now);
  // No await when unchanged: every document is then a hit, read before anyone can evict it.
  const current = unchanged ? null : await keys(conn, documentIds);
  const perDocument: CachedGroup[][] = [];
  for (const documentId of documentIds) {
    const hit = c.documents.get(documentId);
    const key = current === null ? hit!.key : (current.get(documentId) ?? "0:0");
    if (hit !== undefined && hit.key === key) {
      hit.checked = now;
      // Refresh its place so the least recently used goes first when the cache is full.
      c.documents.delete(documentId);
      c.documents.set(documentId, hit);
      perDocument.push(hit.groups);
      continue;
    }
    const groups = key === "0:0" ? [] : await load(conn, documentId, c.vocabulary);
    c.documents.set(documentId, { key, groups, checked: now });
    if (c.documents.size > MAX_DOCUMENTS) c.documents.delete(c.documents.keys().next().value!);
    perDocument.push(groups);
  }
  return { vocabulary: c.vocabulary, perDocument };
}
