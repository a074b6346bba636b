// The spans of a document's layer, kept between requests and re-checked on every request.
// Reading 135,000 span rows costs about as much as the whole comparison may (bench/RESULTS.md),
// yet a story's spans rarely all change between two views of its page, its CSV downloads and
// its matrix cells. So each request first reads one stamp per document (span count, sum of
// versions, highest id, deleted count) and re-reads only documents whose stamp moved: every
// write to a span bumps its version (own-span.ts writeIfVersion, adjudication), adds a row or
// removes one, so a stale entry is never served.
import { getDb } from "@/db";
import type { CompareSpan } from "@/lib/compare/types";
import type { CompareQueries } from "./queries";

interface Entry {
  stamp: string;
  spans: readonly CompareSpan[];
}

// Enough for a few stories of 150,000 spans; the oldest entries go first.
const MAX_SPANS = 600_000;

/** One per open database (spanCache), so a database opened anew starts empty. */
export class SpanCache {
  private readonly entries = new Map<string, Entry>();
  private size = 0;

  get(key: string, stamp: string): readonly CompareSpan[] | null {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.stamp !== stamp) return null;
    // Map order is recency order: touch it.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.spans;
  }

  set(key: string, stamp: string, spans: readonly CompareSpan[]): void {
    this.drop(key);
    this.entries.set(key, { stamp, spans });
    this.size += spans.length;
    for (const oldest of this.entries.keys()) {
      if (this.size <= MAX_SPANS) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.size -= entry.spans.length;
    this.entries.delete(key);
  }
}

const caches = new WeakMap<object, SpanCache>();

/** The span cache of the database open now (getDb()). */
export function spanCache(): SpanCache {
  const db = getDb();
  let cache = caches.get(db);
  if (cache === undefined) caches.set(db, (cache = new SpanCache()));
  return cache;
}

/**
 * Document id → its stamp now; a document with no span row at all has the stamp "0". Read the
 * stamps before the spans they vouch for (or in the same snapshot): a write landing between the
 * two then leaves an entry whose stamp is already stale, never a stale entry with a fresh stamp.
 */
export async function stampsOf(queries: CompareQueries, documentIds: readonly number[]): Promise<Map<number, string>> {
  const stamps = new Map<number, string>();
  for (const [id, n, versions, top, gone] of await queries.stamps(documentIds)) stamps.set(id, `${n}:${versions}:${top}:${gone}`);
  return stamps;
}
