// What the workspace derives from its spans, kept up to date one change at a time: the
// reading-order index of the spans on screen (not deleted), how many there are of each kind,
// how many are in each save state, and a log of which spans changed, so the highlights repaint
// those alone. Every update is proportional to the change, never to the number of spans.
import { SpanIndex } from "@/lib/spans";
import { ANNOTATION_KINDS, type AnnotationDto, type AnnotationKind } from "@/lib/validation/annotations";
import { LiveEntry } from "./live-entry";

export const SAVE_STATES = ["saved", "saving", "failed", "conflict"] as const;
export type SaveState = (typeof SAVE_STATES)[number];

/** The part of a workspace span this module reads. */
export interface LiveRow {
  key: string;
  draft: AnnotationDto;
  state: SaveState;
}

/** An index entry: the span's current draft, its key, and its whole row. */
export type IndexedSpan<R extends LiveRow = LiveRow> = AnnotationDto & { key: string; row: R };

/** Changed keys, newest first; `rev` counts every change since the page loaded. */
export interface ChangeLog {
  readonly rev: number;
  readonly key: string;
  /** Older entries; null at the start, or where the log was cut to keep it short. */
  readonly older: ChangeLog | null;
  readonly length: number;
}

export interface LiveSpans<R extends LiveRow = LiveRow> {
  readonly index: SpanIndex<IndexedSpan<R>>;
  readonly kinds: Readonly<Record<AnnotationKind, number>>;
  readonly states: Readonly<Record<SaveState, number>>;
  readonly log: ChangeLog | null;
}

const LOG_LIMIT = 512;

const shown = (row: LiveRow | undefined): row is LiveRow => row !== undefined && row.draft.deletedAt === null;
const entryOf = <R extends LiveRow>(row: R): IndexedSpan<R> => new LiveEntry(row.key, row);

function zero<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function liveSpans<R extends LiveRow>(rows: Iterable<R>): LiveSpans<R> {
  const kinds = zero(ANNOTATION_KINDS);
  const states = zero(SAVE_STATES);
  const entries: IndexedSpan<R>[] = [];
  for (const row of rows) {
    states[row.state]++;
    if (!shown(row)) continue;
    kinds[row.draft.kind]++;
    entries.push(entryOf(row));
  }
  return { index: new SpanIndex(entries), kinds, states, log: null };
}

/** After the row under `key` went from `before` to `after` (undefined: absent). */
export function updateLive<R extends LiveRow>(live: LiveSpans<R>, key: string, before: R | undefined, after: R | undefined): LiveSpans<R> {
  if (before === after) return live;
  const kinds = { ...live.kinds };
  const states = { ...live.states };
  if (before !== undefined) states[before.state]--;
  if (after !== undefined) states[after.state]++;
  if (shown(before)) kinds[before.draft.kind]--;
  if (shown(after)) kinds[after.draft.kind]++;
  // The index finds the old entry by id, start and end, which the old draft still holds.
  const previous = shown(before) ? before.draft : null;
  const index = live.index.replace(previous, shown(after) ? entryOf(after) : null);
  const older = live.log !== null && live.log.length < LOG_LIMIT ? live.log : null;
  const rev = (live.log?.rev ?? 0) + 1;
  return { index, kinds, states, log: { rev, key, older, length: (older?.length ?? 0) + 1 } };
}

/**
 * Keys changed after revision `seen`, or null when the log no longer reaches back that far
 * (the caller then compares everything once).
 */
export function changedSince(log: ChangeLog | null, seen: number): Set<string> | null {
  const keys = new Set<string>();
  let at = log;
  while (at !== null && at.rev > seen) {
    keys.add(at.key);
    if (at.older === null && at.rev > seen + 1) return null;
    at = at.older;
  }
  return keys;
}
